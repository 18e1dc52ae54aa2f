import Foundation
import PartyGraph

/// One self-contained HTML page for exploring a dataset in a browser: the diagram of every node (the SVG of
/// ``DiagramViews/all(dataset:window:place:)``) with pan and zoom, a side panel with every fact, role, capacity, status and
/// quote of the node or line clicked, a name search, a date range that filters the diagram, the meeting list and the
/// tables together, and for the selected actor the who-met table with a CSV download.
///
/// The page needs nothing else: its CSS, script, SVG and data are inline, it loads no font, and its
/// Content-Security-Policy forbids every request (`default-src 'none'`). The data is JSON computed here by the
/// library — name-matching keys of ``/PartyGraph/NameResolver/matchingKeys(of:)``, the reports of ``/PartyGraph/NodeReport``, the
/// participants of ``/PartyGraph/Dataset/meetings(involving:filter:)``, the encounters of ``/PartyGraph/Dataset/encounters(_:)`` — in a
/// `<script type="application/json">` block with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, so no
/// text of the dataset can end the block or start markup. Only the search query is folded by the page itself, by the
/// rule of ``/PartyGraph/NameResolver/matchingKey(_:)``.
public enum ExplorerPage {
    /// The most nodes drawn in the page's diagram. A larger dataset gets the page without a diagram (the search,
    /// meeting list, date range and tables still cover every node): Graphviz takes minutes to lay out thousands of
    /// nodes, and a picture of them cannot be read.
    public static let defaultMaxDiagramNodes = Diagram.defaultMaxNodes

    /// The page's HTML.
    ///
    /// - Parameters:
    ///   - dataset: The dataset explored.
    ///   - filter: The meetings that count for the who-met tables and participants, and the window of the diagram.
    ///     The page's date range narrows it further.
    ///   - maxDiagramNodes: The largest dataset (in nodes) whose diagram is drawn.
    /// - Throws: ``DiagramError`` when Graphviz fails to lay out or render the diagram.
    public static func html(
        dataset: Dataset, filter: QueryFilter = .all, maxDiagramNodes: Int = defaultMaxDiagramNodes
    ) throws(DiagramError) -> String {
        var diagram: Diagram?
        var svg = ""
        var note: String?
        if dataset.entities.count <= maxDiagramNodes {
            let drawn = DiagramViews.all(dataset: dataset, window: filter.window)
            let data = try GraphvizRenderer().render(drawn, layout: .dot, format: .svg)
            let text = String(decoding: data, as: UTF8.self)
            // Inline SVG starts at its root element: the XML prolog and DOCTYPE have no place in HTML.
            svg = text.range(of: "<svg").map { String(text[$0.lowerBound...]) } ?? ""
            diagram = drawn
        } else {
            note = "No diagram: \(dataset.entities.count) nodes are more than the \(maxDiagramNodes) drawn in one picture. "
                + "Search for a name, or pick a meeting from the list; `partygraph render ego NAME` draws one actor's surroundings."
        }
        let payload = ExplorerData(dataset: dataset, filter: filter, diagram: diagram, diagramNote: note)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) -> String {
            scriptSafeJSON((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null")
        }
        // Concatenated, not substituted: no text of the SVG or the data is ever searched for a placeholder.
        return ExplorerTemplate.beforeDiagram + svg + ExplorerTemplate.beforeData + json(payload)
            + ExplorerTemplate.beforeDetails + json(payload.details) + ExplorerTemplate.beforeWhoMet + json(payload.whoMet)
            + ExplorerTemplate.end
    }

    /// JSON text that can stand inside `<script type="application/json">`: `<`, `>` and `&` (which could end the
    /// block or open a comment) and the line separators U+2028 and U+2029 become `\u` escapes. They can only occur
    /// inside JSON strings, where the escapes mean the same characters.
    static func scriptSafeJSON(_ json: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result.append(contentsOf: "\\u003c".unicodeScalars)
            case ">": result.append(contentsOf: "\\u003e".unicodeScalars)
            case "&": result.append(contentsOf: "\\u0026".unicodeScalars)
            case "\u{2028}": result.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": result.append(contentsOf: "\\u2029".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
