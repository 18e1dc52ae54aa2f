import ArgumentParser
import Foundation
import PartyGraph

extension ImportFormat: ExpressibleByArgument {}

/// What `import --template` prints.
enum ImportTemplate: String, ExpressibleByArgument, CaseIterable {
    case sheet
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a dataset file from a participation sheet, CSV files, node-link JSON, Popolo or FollowTheMoney.",
        discussion: """
            sheet: one CSV or TSV file, one row per participant per meeting (columns: datasets/README.md, \
            "Participation sheets"; `--template sheet` prints a header and two rows). Names are matched against \
            --into (diacritics and aliases ignored); new nodes get readable ids; the output is --into plus the new \
            facts. CSV: pass nodes.csv and edges.csv (and sources.csv, dataset.csv), or the folder holding them. \
            JSON: pass one node-link file; popolo and ftm: one file. icews and polecat: one tab-separated event-data \
            file; its meetings (CAMEO 040-046, PLOVER CONSULT) are added like sheet rows, from machine-coded sources, \
            and every other row is counted by its code. The result is validated like any dataset; every problem is reported \
            with its file, row and column, and nothing is written unless all is well. Source texts named by the sources \
            are looked up relative to --out and every quote is checked against them, as loading the written file will.
            """
    )

    @Option(name: .long, help: "Input format: sheet, csv, json, popolo, ftm, icews or polecat.")
    var from: ImportFormat?

    @Argument(help: "The files to read (sheet: one file; CSV: files or one folder; JSON: one file).", completion: .file())
    var files: [String] = []

    @Option(name: .long, help: "The dataset file to write.")
    var out: String?

    @Option(name: .long, help: "With --from sheet, icews or polecat: the dataset to add the facts to (it is never modified).", completion: .file(extensions: ["json"]))
    var into: String?

    @Option(name: .long, help: "With --from sheet: the field delimiter, comma or tab (default: tab for .tsv files, else comma).")
    var delimiter: String?

    @Flag(name: .long, help: "With --from sheet, icews or polecat: list what would be created and what matched; write nothing.")
    var dryRun = false

    @Option(name: .long, help: "Print a template to fill in (sheet: a header row and two example rows) and exit.")
    var template: ImportTemplate?

    @Option(name: .long, help: "With --dry-run: table or json.")
    var format: OutputFormat = .table

    @Flag(name: .customLong("csv-raw"),
          help: "The CSV files were written with --csv-raw: take every cell as it is (by default a ' that export put in front of a cell starting with = + - @, tab or CR is taken off).")
    var csvRaw = false

    func validate() throws {
        if template != nil {
            if from != nil || !files.isEmpty || out != nil { throw ValidationError("--template prints a template; give it alone.") }
            return
        }
        guard let from else { throw ValidationError("Give --from sheet, csv, json, popolo or ftm (or --template sheet).") }
        if files.isEmpty { throw ValidationError("Name the files to import.") }
        if out == nil && !dryRun { throw ValidationError("Give --out FILE\(from == .sheet || Self.eventLayout(from) != nil ? " (or --dry-run)" : "").") }
        if csvRaw && from != .csv { throw ValidationError("--csv-raw applies to --from csv only.") }
        if from != .sheet {
            for (flag, given) in [("--into", into != nil), ("--delimiter", delimiter != nil), ("--dry-run", dryRun)]
            where given && !(Self.eventLayout(from) != nil && flag != "--delimiter") {
                throw ValidationError("\(flag) applies to --from sheet only.")
            }
        }
        if format == .csv { throw ValidationError("--format csv is not available here; use table or json.") }
        if let delimiter, Self.delimiterCharacter(delimiter) == nil {
            throw ValidationError("--delimiter takes comma, tab, semicolon or | (got '\(delimiter)').")
        }
        if let out {
            for input in files + (into.map { [$0] } ?? []) where samePath(input, out) {
                throw ValidationError("--out names the input \(input); choose another path, inputs are never overwritten.")
            }
        }
    }

    static func delimiterCharacter(_ text: String) -> Character? {
        switch text.lowercased() {
        case ",", "comma": return ","
        case "\t", "tab", "\\t": return "\t"
        case ";", "semicolon": return ";"
        case "|", "pipe": return "|"
        default: return nil
        }
    }

    func run() throws {
        if template != nil {
            emit(ParticipationSheet.template())
            return
        }
        guard let from else { return }
        if from == .sheet { return try runSheet() }
        if let layout = Self.eventLayout(from) { return try runEvents(layout) }
        guard let out else { return }
        let directory = URL(fileURLWithPath: out).deletingLastPathComponent()
        let dataset = try Importer.load(format: from, paths: files, sourceDirectory: directory, csvFormulas: csvRaw ? .raw : .neutralised)
        // What the reader could not import is said, located, on standard error (the file is still written).
        let notImported = dataset.warnings.filter { $0.line != nil }.map { issue in
            "\(issue.file ?? files[0]):\(issue.line!):\(issue.column ?? 1): warning: \(issue.path): \(issue.message)" + (issue.fix.map { " — \($0)" } ?? "")
        }
        if !notImported.isEmpty { FileHandle.standardError.write(Data((notImported.joined(separator: "\n") + "\n").utf8)) }
        try DatasetWriter.write(dataset, to: out)
        emit("wrote \(out) (\(dataset.entities.count) nodes, \(dataset.relationships.count) relations, \(dataset.sources.count) sources)")
    }

    func runSheet() throws {
        guard files.count == 1 else { throw PartyGraphError.importNeedsOneFile(format: .sheet, given: files.count) }
        let base = try into.map { try DatasetLoader.load(path: $0) }
        let result = try ParticipationSheet.read(path: files[0], delimiter: delimiter.flatMap(Self.delimiterCharacter), into: base, intoPath: into,
                                                outputFolder: out.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
        let created = result.items.filter { $0.action == .created }.count
        let matched = result.items.filter { $0.action == .matched }.count
        let extended = result.items.filter { $0.action == .extended }.count
        let counts = "\(created) created, \(matched) matched, \(extended) extended"
        if dryRun {
            if format == .json {
                let items = result.items.map { DryRunItem(action: $0.action.rawValue, what: $0.what, id: $0.id, name: $0.name, row: $0.row) }
                emit(try jsonText(DryRun(items: items, nodes: result.dataset.entities.count, relations: result.dataset.relationships.count,
                                         sources: result.dataset.sources.count), manifest: try makeManifest(datasetPath: into, given: into, dataset: base)))
                return
            }
            let table = tableText(header: ["action", "what", "id", "row", "name"],
                                  rows: result.items.map { [$0.action.rawValue, $0.what, $0.id, String($0.row), $0.name] })
            emit(table + "\ndry run: nothing written (\(counts); the result would have \(result.dataset.entities.count) nodes, \(result.dataset.relationships.count) relations, \(result.dataset.sources.count) sources)")
            return
        }
        guard let out else { return }
        try DatasetWriter.write(result.dataset, to: out)
        emit("wrote \(out) (\(result.dataset.entities.count) nodes, \(result.dataset.relationships.count) relations, \(result.dataset.sources.count) sources; \(counts))")
    }
}

/// The JSON of `import --from sheet --dry-run --format json`.
private struct DryRun: Encodable {
    var dryRun = true
    var items: [DryRunItem]
    var nodes: Int
    var relations: Int
    var sources: Int
    enum CodingKeys: String, CodingKey { case dryRun = "dry_run", items, nodes, relations, sources }
}

private struct DryRunItem: Encodable {
    var action: String
    var what: String
    var id: String
    var name: String
    var row: Int
}
