import CFuzzerDriver
import Foundation
import GraphAlgorithms
import PartyGraph

// libFuzzer calls this once per input. Any trap (an index out of range, a force-unwrap, a precondition), an ASan
// report, a leak or a timeout stops the run and writes the input as a crash artifact. Besides "no crash", two
// oracles that the loader's contract promises:
// - an error is always located: every issue of a data error has a line and a column;
// - no silent drop: a dataset that loads holds every node and relation of the file (counted by Foundation's parser).

/// The folder the fuzzed datasets' source texts are looked up in: the bundled dataset's (`datasets/`).
private let sourceDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets", isDirectory: true)

/// An edge list naming a vertex id above this is parsed but not built into a graph, to keep the fuzzer fast: its
/// vertices are the ids 0 through the largest, so a few bytes can name millions. (The library refuses edge lists of
/// more than `AnalysisGraph.maximumEdgeListVertexCount` vertices — a crash found while writing this fuzzer.)
private let largestBuiltVertexCount = 1 << 16

/// The entry point: SwiftPM links an executable with `main` defined as `<module>_main`, which `-parse-as-library`
/// leaves to us; it hands the command line to libFuzzer's driver.
@_cdecl("DatasetFuzzer_main")
public func datasetFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in datasetFuzzerTestOneInput(data.map(UnsafeRawPointer.init), size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func datasetFuzzerTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    fuzzDataset(data)
    fuzzEdgeList(data)
    return 0
}

private func fuzzDataset(_ data: Data) {
    do {
        let dataset = try DatasetLoader.decode(data: data, file: "fuzz.json", sourceDirectory: sourceDirectory)
        // Every record of the file is in the dataset (the loader's reader is stricter than Foundation's, so a file
        // it accepts Foundation parses too).
        guard let tree = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            fatalError("the loader accepted a file Foundation cannot parse")
        }
        let nodes = (tree["nodes"] as? [Any])?.count ?? 0, relations = (tree["relations"] as? [Any])?.count ?? 0
        if dataset.entities.count != nodes || dataset.relationships.count != relations {
            fatalError("silent drop: the file holds \(nodes) nodes and \(relations) relations, the dataset \(dataset.entities.count) and \(dataset.relationships.count)")
        }
        // The indexes a loaded dataset promises answer for every entity.
        for entity in dataset.entities {
            _ = dataset.relationships(from: entity.id)
            _ = dataset.relationships(to: entity.id)
        }
    } catch {
        switch error {
        case .invalidData(_, let issues):
            if issues.isEmpty { fatalError("a data error without an issue") }
            if let unlocated = issues.first(where: { $0.line == nil || $0.column == nil }) {
                fatalError("an error without its place: \(unlocated)")
            }
        default:
            break
        }
    }
}

private func fuzzEdgeList(_ data: Data) {
    guard let text = String(data: data, encoding: .utf8) else { return }
    for labeling in VertexLabeling.allCases {
        guard let list = try? EdgeListReader.parse(text, sourceName: "fuzz.edges", labeling: labeling) else { continue }
        if list.vertexCount > largestBuiltVertexCount { continue }
        for directed in [false, true] {
            _ = try? CompressedGraph(edgeList: list, directed: directed)
        }
    }
}
