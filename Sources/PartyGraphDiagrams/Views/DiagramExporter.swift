import Foundation
import PartyGraph

/// Exports a dataset as `PartyGraph`'s ``/PartyGraph/Exporter`` does, except that the typed graph in DOT is the
/// styled diagram the renderer draws: ``DiagramViews/all(dataset:window:place:)`` written by Graphviz's own `agwrite`.
///
/// This is what `partygraph export` writes, so a script and the command line get the same bytes. The meeting
/// projections stay plain weighted DOT graphs, and every other format is ``/PartyGraph/Exporter``'s.
public enum DiagramExporter {
    /// The files of an export, in memory.
    ///
    /// - Parameters:
    ///   - dataset: the dataset to export.
    ///   - format: the interchange format.
    ///   - window: keep only meetings and relationships whose dates overlap it (open bounds overlap everything).
    ///   - projection: the full graph, or a who-meets-whom graph (a meeting projection).
    ///   - place: keep only meetings held in it, with what is not a meeting.
    ///   - csvFormulas: how CSV files write formula-like text cells (see ``/PartyGraph/CSVText``).
    ///   - manifest: what produced the export, for formats that hold it (see ``/PartyGraph/Exporter``).
    /// - Throws: ``DiagramError`` when Graphviz cannot write the styled diagram.
    public static func files(
        _ dataset: Dataset, format: ExportFormat, projection: GraphProjection = .full, window: DateSpan? = nil,
        place: PlaceScope? = nil, csvFormulas: CSVText.Formulas = .neutralised, manifest: Manifest? = nil
    ) throws(DiagramError) -> [ExportFile] {
        guard format == .dot && projection == .full else {
            return Exporter.files(dataset, format: format, projection: projection, window: window, place: place, csvFormulas: csvFormulas,
                                  manifest: manifest)
        }
        let diagram = DiagramViews.all(dataset: dataset, window: window ?? .unbounded, place: place)
        return [ExportFile(name: "", data: Data(try GraphvizRenderer().dotSource(diagram).utf8))]
    }

    /// Writes an export to `path` (a file, or a folder for CSV, Neo4j and Cypher) atomically, a folder as a whole, creating folders.
    ///
    /// - Parameters:
    ///   - dataset: the dataset to export.
    ///   - format: the interchange format.
    ///   - projection: the full graph, or a who-meets-whom graph (a meeting projection).
    ///   - window: keep only meetings and relationships whose dates overlap it (open bounds overlap everything).
    ///   - place: keep only meetings held in it, with what is not a meeting.
    ///   - csvFormulas: how CSV files write formula-like text cells (see ``/PartyGraph/CSVText``).
    ///   - manifest: what produced the export: in the file where the format holds it, else in a sidecar.
    ///   - path: the file, or the folder for CSV and Neo4j.
    /// - Returns: the paths written, in order.
    /// - Throws: ``DiagramError`` when Graphviz cannot write the styled diagram; ``/PartyGraph/PartyGraphError`` when the path
    ///   cannot be written (see ``/PartyGraph/Exporter/write(_:format:to:manifest:)``).
    @discardableResult
    public static func write(
        _ dataset: Dataset, format: ExportFormat, projection: GraphProjection = .full, window: DateSpan? = nil,
        place: PlaceScope? = nil, csvFormulas: CSVText.Formulas = .neutralised, manifest: Manifest? = nil, to path: String
    ) throws -> [String] {
        try Exporter.write(try files(dataset, format: format, projection: projection, window: window, place: place, csvFormulas: csvFormulas,
                                     manifest: manifest),
                           format: format, to: path, manifest: manifest)
    }
}
