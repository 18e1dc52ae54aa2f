import ArgumentParser
import Foundation
import PartyGraph

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a dataset file in the current format version (2).",
        discussion: """
            Reads a version-1 or version-2 file and writes version 2 to --out, atomically. A meeting's single status \
            becomes a status claim when a source can be cited honestly (its evidence cites a source dated \
            status_as_of, or cites one source only); otherwise the status is kept as it is. Prints what changed. \
            See datasets/README.md.
            """
    )

    @Argument(help: "The dataset file to read (version 1 or 2).", completion: .file(extensions: ["json"]))
    var file: String

    @Option(name: .long, help: "The file to write (never the input).", completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(name: .long, help: "Print what would change without writing anything.")
    var dryRun = false

    func validate() throws {
        if out == nil && !dryRun { throw ValidationError("give --out FILE (or --dry-run to see what would change).") }
    }

    func run() throws {
        if let out { try DatasetOptions.refuseOverwriting(out, input: file, use: "migrated") }
        let (dataset, changes) = DatasetMigration.migrate(try DatasetLoader.load(path: file))
        var lines: [String] = []
        for change in changes {
            switch change.outcome {
            case .claimFrom(let source): lines.append("\(change.meeting): status became a claim of \(source)")
            case .statusKept(let reason): lines.append("\(change.meeting): status kept (\(reason))")
            }
        }
        let converted = changes.filter { if case .claimFrom = $0.outcome { true } else { false } }.count
        if let out, !dryRun {
            try DatasetWriter.write(dataset, to: out)
            lines.append("wrote \(out) (format version \(DatasetLoader.formatVersion); \(converted) of \(changes.count) single statuses became claims)")
        } else {
            lines.append("dry run: nothing written (\(converted) of \(changes.count) single statuses would become claims)")
        }
        emit(lines.joined(separator: "\n"))
    }
}
