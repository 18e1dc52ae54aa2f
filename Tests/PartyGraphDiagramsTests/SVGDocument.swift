import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PartyGraphDiagrams

/// A rendered SVG parsed as XML, with the parts Graphviz emits for nodes,
/// edges and clusters (`<g class="node|edge|cluster">`).
struct SVGDocument {
    /// One `<g class=…>` group: its `<title>`, the texts of its `<text>`
    /// elements in order, and the `xlink:title` / `xlink:href` of its links.
    struct Group {
        var title: String
        var texts: [String]
        var linkTitles: [String]
        var linkTargets: [String]

        /// The texts joined by line breaks: a multi-line label as written.
        var label: String { texts.joined(separator: "\n") }
    }

    let document: XMLDocument

    /// Parses the bytes; throws if they are not well-formed XML.
    init(_ data: Data) throws {
        document = try XMLDocument(data: data, options: [])
    }

    /// The groups of a Graphviz class (`node`, `edge`, `cluster`), in document order.
    func groups(_ graphvizClass: String) throws -> [Group] {
        try document.nodes(forXPath: "//*[local-name()='g'][@class='\(graphvizClass)']").map { node in
            guard let element = node as? XMLElement else { return Group(title: "", texts: [], linkTitles: [], linkTargets: []) }
            let title = try element.nodes(forXPath: "./*[local-name()='title']").first?.stringValue ?? ""
            let texts = try element.nodes(forXPath: ".//*[local-name()='text']").map { $0.stringValue ?? "" }
            let links = try element.nodes(forXPath: ".//*[local-name()='a']").compactMap { $0 as? XMLElement }
            return Group(
                title: title,
                texts: texts,
                linkTitles: links.compactMap { attribute($0, "title") },
                linkTargets: links.compactMap { attribute($0, "href") }
            )
        }
    }

    /// The texts of the `<text>` elements that belong to the graph itself (its title).
    func graphTexts() throws -> [String] {
        try document.nodes(forXPath: "//*[local-name()='g'][@class='graph']/*[local-name()='text']").map { $0.stringValue ?? "" }
    }

    /// An axis-aligned box in SVG units.
    struct Box {
        var minX, minY, maxX, maxY: Double
        var area: Double { (maxX - minX) * (maxY - minY) }
    }

    /// The box of the graph's background polygon: the whole picture.
    func boundingBox(ofGraph _: Void) throws -> Box? {
        let shapes = try document.nodes(forXPath: "//*[local-name()='g'][@class='graph']/*[local-name()='polygon']")
        return shapes.compactMap { ($0 as? XMLElement).flatMap(Self.box) }.first
    }

    /// The box of the outline of the cluster whose label is `label`.
    func boundingBox(ofClusterLabelled label: String) throws -> Box? {
        for node in try document.nodes(forXPath: "//*[local-name()='g'][@class='cluster']") {
            guard let element = node as? XMLElement else { continue }
            let texts = try element.nodes(forXPath: "./*[local-name()='text']").map { $0.stringValue ?? "" }
            guard texts.first == label else { continue }
            let outline = try element.nodes(forXPath: "./*[local-name()='polygon' or local-name()='path']").first
            return (outline as? XMLElement).flatMap(Self.box)
        }
        return nil
    }

    /// The box of the numbers of a polygon's `points` or a path's `d`, read as x,y pairs.
    private static func box(_ element: XMLElement) -> Box? {
        let value = { (name: String) in element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue }
        let raw = value("points") ?? value("d") ?? ""
        var numbers: [Double] = []
        var current = ""
        for character in raw {
            if character.isNumber || character == "." || (character == "-" && current.isEmpty) {
                current.append(character)
            } else {
                if let value = Double(current) { numbers.append(value) }
                current = character == "-" ? "-" : ""
            }
        }
        if let value = Double(current) { numbers.append(value) }
        guard numbers.count >= 4 else { return nil }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        return Box(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
    }

    private func attribute(_ element: XMLElement, _ localName: String) -> String? {
        element.attributes?.first { $0.localName == localName || $0.name == "xlink:\(localName)" }?.stringValue
    }
}

/// Renders to SVG and parses it.
func renderSVG(_ diagram: Diagram, layout: Layout = .dot) throws -> SVGDocument {
    try SVGDocument(GraphvizRenderer().render(diagram, layout: layout, format: .svg))
}

/// A small diagram with three clusters (one nested) and a few edges.
func sampleDiagram() -> Diagram {
    Diagram(
        title: "Sample",
        graphStyle: GraphStyle(rankDirection: .leftToRight, fontName: "DejaVu Sans"),
        nodeDefaults: DiagramStyle(shape: "box", style: "rounded,filled", fillColor: "#eeeeee"),
        edgeDefaults: DiagramStyle(color: "#555555"),
        nodes: [
            DiagramNode(id: "tl", label: "Tô Lâm", tooltip: "General Secretary"),
            DiagramNode(id: "pc", label: "Politburo"),
            DiagramNode(id: "cc", label: "Central Committee"),
            DiagramNode(id: "na", label: "National Assembly", style: DiagramStyle(shape: "ellipse")),
            DiagramNode(id: "gov", label: "Government"),
            DiagramNode(id: "vn", label: "Việt Nam"),
        ],
        edges: [
            DiagramEdge(from: "tl", to: "pc", label: "leads"),
            DiagramEdge(from: "pc", to: "cc", label: "elected by"),
            DiagramEdge(from: "cc", to: "na"),
            DiagramEdge(from: "na", to: "gov", tooltip: "approves"),
            DiagramEdge(from: "gov", to: "vn", style: DiagramStyle(style: "dashed")),
        ],
        clusters: [
            DiagramCluster(
                id: "party", label: "Party", style: DiagramStyle(color: "red"),
                nodeIDs: ["tl"],
                subclusters: [DiagramCluster(id: "organs", label: "Party organs", nodeIDs: ["pc", "cc"])]
            ),
            DiagramCluster(id: "state", label: "State", nodeIDs: ["na", "gov"]),
        ]
    )
}
