import ArgumentParser
import Foundation
import PartyGraph

/// How a command prints its data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension SourceKind: ExpressibleByArgument {}

/// The dataset option every command shares.
struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "The dataset file to read (default: the bundled dataset).", completion: .file(extensions: ["json"]))
    var dataset: String?

    @Option(name: .long, help: "Answer as the sources stood on this date (YYYY, YYYY-MM or YYYY-MM-DD): later sources are ignored.")
    var knownAt: String?

    @Option(name: .customLong("source-kind"),
            help: "Answer from sources of this kind only: reported or machine-coded (repeatable; default: both).")
    var sourceKinds: [SourceKind] = []

    /// Refuses at once a `--dataset` that is not a file (a folder, a FIFO, a device): a usage error, never a read;
    /// and a `--known-at` that is not a date.
    func validate() throws {
        if let dataset, let kind = FileKind.nonRegular(at: dataset) {
            throw ValidationError("--dataset \(dataset) is \(kind), not a dataset file; name a dataset file (.json).")
        }
        _ = try knownAtDate()
    }

    /// The `--known-at` date, or a usage error naming what is wrong.
    func knownAtDate() throws -> PartialDate? {
        try knownAt.map { try ErrorMessages.date($0, option: "--known-at") }
    }

    /// The path of the chosen dataset, or of the bundled one.
    func path() throws(PartyGraphError) -> String {
        if let dataset { return dataset }
        return try BundledDataset.locate().get()
    }

    /// Loads the chosen dataset, or the bundled one, narrowed by ``narrow(_:)``.
    func load() throws -> Dataset {
        try narrow(DatasetLoader.load(path: try path()))
    }

    /// The dataset as its sources stood on `--known-at` (``Dataset/known(at:)``), stated by sources of the
    /// `--source-kind` kinds only (``Dataset/admitting(sourceKinds:)``).
    func narrow(_ dataset: Dataset) throws -> Dataset {
        dataset.known(at: try knownAtDate()).admitting(sourceKinds: Set(sourceKinds))
    }

    /// Refuses an output path that names the dataset itself: inputs are never overwritten.
    /// - Parameter use: what the command does with the dataset, for the message ("exported", "drawn").
    func refuseOverwriting(_ out: String, use: String) throws {
        try DatasetOptions.refuseOverwriting(out, input: try path(), use: use)
    }

    /// ``refuseOverwriting(_:use:)`` for a command that names its input itself (`migrate FILE`).
    static func refuseOverwriting(_ out: String, input: String, use: String) throws {
        if samePath(out, input) {
            throw UsageError(description: "--out names the dataset being \(use); choose another path (inputs are never overwritten).")
        }
    }
}

/// How every command that writes CSV (`--format csv`, `export` to csv, neo4j or cypher) writes text cells that a
/// spreadsheet would run as a formula, and how `import --from csv` reads them back.
struct CSVOptions: ParsableArguments {
    @Flag(name: .customLong("csv-raw"),
          help: "Write CSV text cells as they are: no ' in front of cells starting with = + - @, tab or CR (see docs/interchange.md).")
    var raw = false

    /// The library's rule for formula-like cells.
    var formulas: CSVText.Formulas { raw ? .raw : .neutralised }
}

/// The output-format option of commands that print data.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var csvOptions: CSVOptions

    @OptionGroup var manifestOptions: ManifestOptions

    /// Rejects formats a command does not offer.
    func require(_ allowed: [OutputFormat]) throws {
        if !allowed.contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available here; use " + allowed.map(\.rawValue).joined(separator: " or ") + ".")
        }
    }

    func validate() throws {
        if csvOptions.raw && format != .csv { throw ValidationError("--csv-raw applies to --format csv only.") }
    }

    /// RFC 4180 CSV with CRLF line ends, as the library writes it (``CSVText``), formula-like text cells written as
    /// `--csv-raw` says; the cells of `numericColumns` that are numbers are never changed.
    func csv(header: [String], rows: [[String]], numericColumns: Set<Int> = []) -> String {
        CSVText.table(header: header, rows: rows, numericColumns: numericColumns, formulas: csvOptions.formulas)
    }
}

/// The `--place` of commands that draw or export meetings (`render`, `export`).
struct PlaceOptions: ParsableArguments {
    @Option(name: .long, help: "Keep only meetings held at this place or a place located in it (a place or country: id, name or alias).")
    var place: String?

    /// The place scope in a dataset, `nil` when no place is given.
    func scope(in dataset: Dataset) throws(PartyGraphError) -> PlaceScope? {
        guard let place else { return nil }
        return try dataset.restricting(.all, toPlace: try NameResolver(dataset: dataset).resolve(place).id).place
    }
}

/// The `--from`/`--to` window of commands that keep what is dated inside it (`render`, `export`).
struct WindowOptions: ParsableArguments {
    @Option(name: .long, help: "Keep meetings and relationships dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(name: .long, help: "Keep meetings and relationships dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var to: String?

    func validate() throws { _ = try window() }

    /// The window, `nil` when neither bound is given, or a usage error naming what is wrong.
    func window() throws -> DateSpan? {
        guard from != nil || to != nil else { return nil }
        do {
            return try DateSpan(start: try from.map { try PartialDate(parsing: $0) }, end: try to.map { try PartialDate(parsing: $0) })
        } catch {
            throw ValidationError("--from/--to: \(error)")
        }
    }
}
