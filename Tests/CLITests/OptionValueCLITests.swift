import Foundation
import Testing
import PartyGraphTestSupport

/// Out-of-range option values are usage errors (exit 64) that name the option and what it accepts — a negative
/// number is read as the option's value, not as an unknown flag — never a crash or a hang.
@Suite struct OptionValueCLITests {
    @Test(arguments: [
        (["centrality", "--measure", "degree", "--top", "-1"], "--top must be at least 1."),
        (["centrality", "--measure", "degree", "--top", "0"], "--top must be at least 1."),
        (["centrality", "--measure", "betweenness", "--samples", "0"], "--samples must be at least 1."),
        (["centrality", "--measure", "betweenness", "--samples", "-3"], "--samples must be at least 1."),
        (["centrality", "--measure", "betweenness", "--threads", "0"], "--threads must be at least 1."),
        (["centrality", "--measure", "betweenness", "--threads", "-2"], "--threads must be at least 1."),
        (["centrality", "--measure", "pagerank", "--damping", "2"], "invalid --damping 2.0: must be in [0, 1]"),
        (["centrality", "--measure", "pagerank", "--damping", "-0.5"], "invalid --damping -0.5: must be in [0, 1]"),
        (["centrality", "--measure", "pagerank", "--damping", "nan"], "invalid --damping nan"),
        (["centrality", "--measure", "pagerank", "--tolerance", "-1"], "invalid --tolerance -1.0: must be a positive number"),
        (["centrality", "--measure", "pagerank", "--tolerance", "0"], "invalid --tolerance 0.0: must be a positive number"),
        (["centrality", "--measure", "pagerank", "--max-iterations", "-1"], "--max-iterations must be at least 1."),
        (["neighbors", "hun sen", "--depth", "-1"], "--depth must be 1 or more"),
        (["render", "ego", "hun sen", "--depth", "-1"], "--depth must be 0 or more."),
        (["render", "all", "--max-nodes", "-5"], "--max-nodes must be 1 or more."),
        (["render", "who-meets-whom", "--max-actors", "-1"], "--max-actors must be 1 or more."),
        (["explore", "--max-diagram-nodes", "-1"], "--max-diagram-nodes must be 0 or more."),
    ])
    func anOutOfRangeValueIsAUsageError(arguments: [String], message: String) throws {
        let run = try runCLI(arguments)
        #expect(run.status == 64, "\(arguments): exit \(run.status): \(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!run.standardError.contains("Missing value"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aFolderOrAFIFOAsTheDatasetOrEdgeListIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("dataset.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases: [([String], String)] = [
            (["info", "--dataset", folder.path], "--dataset \(folder.path) is a folder, not a dataset file"),
            (["info", "--dataset", fifo], "--dataset \(fifo) is a FIFO (named pipe), not a dataset file"),
            (["render", "all", "--dataset", fifo], "--dataset \(fifo) is a FIFO (named pipe), not a dataset file"),
            (["centrality", "--measure", "degree", "--edgelist", folder.path], "--edgelist \(folder.path) is a folder, not an edge-list file"),
            (["centrality", "--measure", "degree", "--edgelist", fifo], "--edgelist \(fifo) is a FIFO (named pipe), not an edge-list file"),
            (["info", "--dataset", "/dev/zero"], "--dataset /dev/zero is a character device, not a dataset file"),
        ]
        for (arguments, message) in cases {
            // Refused before any read: opening the FIFO would block until a writer came.
            let run = try runCLI(arguments)
            #expect(run.status == 64, "\(arguments): exit \(run.status): \(run.standardError)")
            #expect(run.standardError.contains(message), "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
    }
}
