import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphDiagrams

extension ExportFormat: ExpressibleByArgument {}
extension GraphProjection: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the graph to GraphML, GEXF, node-link JSON, CSV, Neo4j import files, Cypher load files or DOT.",
        discussion: """
            The full projection is lossless: every field of every node and relation, evidence included, so \
            'partygraph import' rebuilds the same dataset from the CSV or JSON export. The persons, organs, parties and countries \
            projections write the who-meets-whom graph (weight = distinct meetings shared). Files are written \
            atomically; the same input always gives the same bytes. See docs/interchange.md.
            """
    )

    @OptionGroup var datasetOptions: DatasetOptions

    @Option(name: .long, help: "Format: graphml, gexf, json, csv, neo4j, cypher, dot, popolo or ftm.")
    var format: ExportFormat

    @Option(name: .long, help: "Output file, or folder for csv, neo4j and cypher (default: output/<dataset>.<ext> or output/<dataset>-<format>/).")
    var out: String?

    @OptionGroup var windowOptions: WindowOptions

    @OptionGroup var placeOptions: PlaceOptions

    @Option(name: .long, help: "Which graph: full, persons, organs, parties or countries.")
    var projection: GraphProjection = .full

    @OptionGroup var csvOptions: CSVOptions

    func validate() throws {
        if csvOptions.raw && ![.csv, .neo4j, .cypher].contains(format) {
            throw ValidationError("--csv-raw applies to --format csv, neo4j and cypher only.")
        }
        if projection != .full && [.popolo, .ftm].contains(format) {
            throw ValidationError("--format \(format.rawValue) writes the dataset itself; --projection applies to the other formats.")
        }
    }

    func run() throws {
        let window = try windowOptions.window()
        let datasetPath = try datasetOptions.path()
        let path = out ?? format.defaultOutput(forDataset: datasetPath, projection: projection)
        try datasetOptions.refuseOverwriting(path, use: "exported")
        let dataset = try datasetOptions.narrow(DatasetLoader.load(path: datasetPath))
        // The typed graph as DOT is the styled diagram the renderer draws; DiagramExporter makes that choice.
        let written = try DiagramExporter.write(dataset, format: format, projection: projection, window: window,
                                                 place: try placeOptions.scope(in: dataset), csvFormulas: csvOptions.formulas,
                                                 manifest: try datasetOptions.manifest(for: dataset), to: path)
        for file in written {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            emit("wrote \(file)" + (size.map { " (\($0) bytes)" } ?? ""))
        }
    }
}

/// Whether two paths name the same file (after making them absolute and resolving symbolic links).
func samePath(_ first: String, _ second: String) -> Bool {
    func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
    return canonical(first) == canonical(second)
}
