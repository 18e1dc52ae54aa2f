import Foundation

/// A file format that ``Exporter`` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphML with typed keys, for NetworkX, igraph, yEd, Cytoscape.
    case graphml
    /// GEXF 1.3, dynamic (dated), for Gephi.
    case gexf
    /// Node-link JSON as NetworkX's `node_link_graph` reads it.
    case json
    /// A folder of CSV files: nodes.csv, edges.csv (and sources.csv, dataset.csv for the full graph).
    case csv
    /// A folder with Neo4j import CSV files and a Cypher `LOAD CSV` script.
    case neo4j
    /// A folder that a running Cypher engine (Neo4j, FalkorDB) loads as it is: one CSV file per node label and per
    /// relationship type, `load.cypher` (typed `LOAD CSV` statements for both engines), and each engine's schema
    /// script (`schema-neo4j.cypher`, `schema-falkordb.cypher`) indexing the ids.
    case cypher
    /// Graphviz DOT text: here a plain graph (node kind as shape, relation as label); `PartyGraphDiagrams`'
    /// `DiagramExporter` writes the typed graph as the styled diagram the renderer draws.
    case dot
    /// One Popolo JSON document (persons, organizations, posts, memberships, events, areas) with a `partygraph`
    /// extension holding what Popolo has no field for; see docs/interchange.md.
    case popolo
    /// A FollowTheMoney entity stream: one JSON entity per line (Person, Organization, PublicBody, Position,
    /// Occupancy, Membership, Event…); see docs/interchange.md.
    case ftm

    /// The file extension of a single-file format, or `nil` for formats that write a folder.
    public var fileExtension: String? {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .json: return "json"
        case .dot: return "dot"
        case .popolo: return "popolo.json"
        case .ftm: return "ftm.json"
        case .csv, .neo4j, .cypher: return nil
        }
    }

    /// The default output path for a dataset file: `output/<stem>.<ext>`, or the folder `output/<stem>-<format>`.
    public func defaultOutput(forDataset datasetPath: String, projection: GraphProjection = .full) -> String {
        var stem = URL(fileURLWithPath: datasetPath).deletingPathExtension().lastPathComponent
        if projection != .full { stem += "-" + projection.rawValue }
        if let fileExtension { return "output/\(stem).\(fileExtension)" }
        return "output/\(stem)-\(rawValue)"
    }
}

/// One file of an export: a name relative to the output (empty for single-file formats) and its bytes.
public struct ExportFile: Sendable, Hashable {
    /// The file name inside the output folder (`nodes.csv`), or empty for a single-file format.
    public var name: String
    /// The file's bytes (UTF-8 text).
    public var data: Data

    /// A file of an export: `name` inside the output folder (empty for a single-file format) and its bytes.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// Exports a dataset, or its who-meets-whom projection, to interchange formats. Same input, same bytes.
public enum Exporter {
    /// The files of an export, in memory.
    ///
    /// - Parameters:
    ///   - dataset: the dataset to export.
    ///   - format: the file format.
    ///   - window: keep only meetings and relationships whose dates overlap it (open bounds overlap everything).
    ///   - projection: the full graph, or the who-meets-whom graph of a level (see ``GraphProjection``).
    ///   - place: keep only meetings held in it (see ``Dataset/restricting(_:toPlace:)``), with what is not a meeting.
    ///   - csvFormulas: how CSV files (csv, neo4j, cypher) write text cells that a spreadsheet would run as a
    ///     formula: neutralised with a leading `'` (the default, undone by ``Importer`` and by the Cypher load
    ///     scripts) or raw (see ``CSVText``).
    ///   - manifest: what produced the export, held as a graph attribute where the format has one
    ///     (``OutputKind/manifestPlacement``); the other formats get a sidecar from ``write(_:format:to:manifest:)``.
    public static func files(
        _ dataset: Dataset, format: ExportFormat, projection: GraphProjection = .full, window: DateSpan? = nil,
        place: PlaceScope? = nil, csvFormulas: CSVText.Formulas = .neutralised, manifest: Manifest? = nil
    ) -> [ExportFile] {
        var graph = projection == .full
            ? InterchangeGraph.full(dataset, window: window, place: place)
            : MeetingProjection.graph(dataset, projection: projection, window: window, place: place)
        if let manifest, OutputKind.export(format).manifestPlacement == .graphAttribute {
            graph.graphValues.append(("manifest", .json(manifest.jsonValue)))
        }
        func file(_ name: String, _ text: String) -> ExportFile { ExportFile(name: name, data: Data(text.utf8)) }
        switch format {
        case .graphml: return [file("", GraphMLWriter.text(graph))]
        case .gexf: return [file("", GEXFWriter.text(graph))]
        case .json: return [file("", NodeLinkWriter.text(graph))]
        case .dot: return [file("", DOTWriter.text(graph))]
        // Popolo and FollowTheMoney hold datasets, not who-meets-whom projections: they always write the full graph.
        case .popolo: return [file("", PopoloWriter.text(dataset, InterchangeGraph.full(dataset, window: window, place: place)))]
        case .ftm: return [file("", FtMWriter.text(dataset, InterchangeGraph.full(dataset, window: window, place: place)))]
        case .csv:
            var files = [file("nodes.csv", CSVWriter.nodes(graph, formulas: csvFormulas)),
                         file("edges.csv", CSVWriter.edges(graph, formulas: csvFormulas))]
            if projection == .full {
                files.append(file("sources.csv", CSVWriter.sources(dataset, formulas: csvFormulas)))
                files.append(file("dataset.csv", CSVWriter.metadata(dataset, formulas: csvFormulas)))
            }
            return files
        case .neo4j:
            return [
                file("nodes.csv", Neo4jWriter.nodes(graph, formulas: csvFormulas)),
                file("relationships.csv", Neo4jWriter.relationships(graph, formulas: csvFormulas)),
                file("load.cypher", Neo4jWriter.cypher(graph, formulas: csvFormulas)),
            ]
        case .cypher:
            return CypherWriter.files(graph, withQueries: projection == .full, formulas: csvFormulas).map { file($0.name, $0.text) }
        }
    }

    /// Writes an export to `path` (a file, or a folder for CSV, Neo4j and Cypher) atomically, a folder as a whole, creating folders.
    ///
    /// - Returns: the paths written, in order.
    /// - Throws: ``PartyGraphError/exportNeedsFolder(file:format:)`` when a folder format is given an existing file,
    ///   ``PartyGraphError/unwritable(file:reason:)``.
    @discardableResult
    public static func write(
        _ dataset: Dataset, format: ExportFormat, projection: GraphProjection = .full, window: DateSpan? = nil,
        place: PlaceScope? = nil, csvFormulas: CSVText.Formulas = .neutralised, manifest: Manifest? = nil, to path: String
    ) throws(PartyGraphError) -> [String] {
        try write(files(dataset, format: format, projection: projection, window: window, place: place, csvFormulas: csvFormulas,
                        manifest: manifest),
                  format: format, to: path, manifest: manifest)
    }

    /// Writes the files of an export in `format` to `path` (a file, or a folder for CSV, Neo4j and Cypher) atomically
    /// — a folder as a whole (``AtomicFolder``) — creating folders; for exports built elsewhere (the styled DOT of
    /// `PartyGraphDiagrams`).
    ///
    /// With a `manifest`, formats that hold none themselves (``OutputKind/manifestPlacement``) get its sidecar
    /// (``Manifest/sidecarPath(for:)``), written after the export.
    ///
    /// - Returns: the paths written, in order (the sidecar last).
    /// - Throws: ``PartyGraphError/exportNeedsFolder(file:format:)`` when a folder format is given an existing file,
    ///   ``PartyGraphError/unwritable(file:reason:)``.
    @discardableResult
    public static func write(
        _ files: [ExportFile], format: ExportFormat, to path: String, manifest: Manifest? = nil
    ) throws(PartyGraphError) -> [String] {
        var written = try writeFiles(files, format: format, to: path)
        if let manifest, OutputKind.export(format).manifestPlacement == .sidecar {
            written.append(try manifest.writeSidecar(for: path))
        }
        return written
    }

    private static func writeFiles(_ files: [ExportFile], format: ExportFormat, to path: String) throws(PartyGraphError) -> [String] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if format.fileExtension == nil, exists, !isDirectory.boolValue {
            throw .exportNeedsFolder(file: path, format: format)
        }
        if format.fileExtension != nil, exists, isDirectory.boolValue {
            throw .unwritable(file: path, reason: "it is a folder; name the \(format.rawValue) file to write")
        }
        guard format.fileExtension == nil else {
            // A single-file format has one file, named "".
            try AtomicFile.write(files.first?.data ?? Data(), to: path)
            return [path]
        }
        // A folder is written as a whole: a failure half-way replaces nothing, two exports never mix.
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        try AtomicFolder.write(files.map { ($0.name, $0.data) }, to: folder)
        return files.map { folder + "/" + $0.name }
    }
}
