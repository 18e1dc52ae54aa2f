import Foundation

/// A kind of output PartyGraph writes, as far as where its manifest goes is concerned.
public enum OutputKind: Sendable, Hashable {
    /// A report printed as a JSON object (`--format json` of a query).
    case jsonReport
    /// A report printed as a JSON array (`validate --format json`): one object per file.
    case jsonReportList
    /// A report printed as CSV (`--format csv`).
    case csvReport
    /// A diagram or chart file, by its file extension (`svg`, `png`, `pdf`, `dot`, `json`).
    case drawing(fileExtension: String)
    /// An export (`partygraph export`).
    case export(ExportFormat)
    /// A self-contained HTML page (`partygraph explore`).
    case page

    /// Where this kind of output carries its manifest: the one rule every writer asks.
    ///
    /// JSON objects get a top-level `manifest` member; the objects of a JSON array each get one (the array stays an
    /// array, so scripts that iterate it keep working); SVG gets `<metadata>`; PDF charts get document info; GraphML
    /// gets a graph-level `manifest` data key and node-link JSON a `manifest` graph attribute; every other output — CSV,
    /// PNG, PDF diagrams, DOT, Graphviz JSON, GEXF (whose `<meta>` holds only free text), Popolo, FollowTheMoney, HTML
    /// pages and folder exports — gets a sidecar (``Manifest/sidecarPath(for:)``).
    public var manifestPlacement: ManifestPlacement {
        switch self {
        case .jsonReport: return .jsonMember
        case .jsonReportList: return .jsonMemberOfEachElement
        case .csvReport, .page: return .sidecar
        case .drawing(let fileExtension):
            switch fileExtension.lowercased() {
            case "svg": return .svgMetadata
            default: return .sidecar
            }
        case .export(let format):
            switch format {
            case .graphml, .json: return .graphAttribute
            case .gexf, .csv, .neo4j, .cypher, .dot, .popolo, .ftm: return .sidecar
            }
        }
    }

    /// The same rule for a chart (`partygraph chart`): as a drawing, except that a PDF chart holds its manifest in
    /// its document info, which the chart writer controls.
    public static func chartPlacement(fileExtension: String) -> ManifestPlacement {
        fileExtension.lowercased() == "pdf" ? .pdfDocumentInfo : OutputKind.drawing(fileExtension: fileExtension).manifestPlacement
    }
}

/// Where an output carries its ``Manifest``.
public enum ManifestPlacement: String, Sendable, Hashable, CaseIterable {
    /// A top-level `manifest` member of the JSON object.
    case jsonMember
    /// A `manifest` member of every object of a top-level JSON array.
    case jsonMemberOfEachElement
    /// An SVG `<metadata>` element (``Manifest/svgMetadataElement``) right inside the root `<svg>`.
    case svgMetadata
    /// The PDF's document info (the chart writer's `Subject`/custom key holding ``Manifest/jsonText``).
    case pdfDocumentInfo
    /// A graph-level attribute named `manifest` (GraphML `<data key="g_manifest">`, node-link JSON `graph.manifest`).
    case graphAttribute
    /// A sidecar file beside the output: ``Manifest/sidecarPath(for:)``.
    case sidecar
}

extension Manifest {
    /// The sidecar of an output file or folder: its path with `.manifest.json` appended (`meetings.csv` →
    /// `meetings.csv.manifest.json`, the folder `output/x-csv` → `output/x-csv.manifest.json`), so two outputs with
    /// the same stem (`a.svg`, `a.png`) never share one.
    public static func sidecarPath(for output: String) -> String {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path + sidecarSuffix
    }

    /// What ``sidecarPath(for:)`` appends.
    public static let sidecarSuffix = ".manifest.json"
}

extension Manifest {
    /// Writes ``jsonText`` atomically as the sidecar of `output` (``sidecarPath(for:)``).
    ///
    /// - Returns: the sidecar's path.
    /// - Throws: ``PartyGraphError/unwritable(file:reason:)``.
    @discardableResult
    public func writeSidecar(for output: String) throws(PartyGraphError) -> String {
        let path = Self.sidecarPath(for: output)
        try write(to: path)
        return path
    }

    /// Writes ``jsonText`` atomically to `path` (a sidecar named by the user, for output printed to standard output).
    ///
    /// - Throws: ``PartyGraphError/unwritable(file:reason:)``.
    public func write(to path: String) throws(PartyGraphError) {
        try AtomicFile.write(sidecarData, to: path)
    }

    /// The bytes of a sidecar: ``jsonText`` and a line end.
    public var sidecarData: Data { Data((jsonText + "\n").utf8) }
}
