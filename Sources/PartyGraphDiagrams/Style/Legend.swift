import PartyGraph

/// A legend cluster built from the styles a diagram actually draws: one line
/// per node kind (and meeting status) and per edge kind, each naming the
/// shape or line pattern in words, so the legend reads without colour.
///
/// It is one text node in a box, so it stays small beside the drawing (a
/// legend of sample nodes and lines is laid out on the drawing's ranks and
/// can grow larger than a small view). Its ids start with `legend:`, which no
/// ``NodeID`` can contain.
struct Legend {
    private(set) var nodes: [DiagramNode] = []
    let edges: [DiagramEdge] = []
    private(set) var cluster: DiagramCluster

    /// - Parameters:
    ///   - nodeKinds: The node kinds drawn, with the statuses of the meetings drawn.
    ///   - edgeKinds: The edge kinds drawn.
    ///   - hasClusters: Whether any box is drawn (the note on colours and boxes is left out otherwise).
    ///   - hasStateCluster: Whether a country's state bodies are boxed (dashed).
    init(nodeKinds: [NodeKind: Set<MeetingStatus?>], edgeKinds: Set<EdgeKind>, hasClusters: Bool, hasStateCluster: Bool) {
        var lines: [String] = []
        for kind in NodeKind.allCases {
            guard let statuses = nodeKinds[kind] else { continue }
            if kind == .meeting {
                for status in MeetingStatus.allCases where statuses.contains(status) {
                    lines.append("\(Self.shapeText(status: status)): meeting (\(status.rawValue))")
                }
                if statuses.contains(nil) || statuses.isEmpty { lines.append("\(Self.shapeText(status: nil)): meeting") }
            } else {
                lines.append("\(Self.shapeText(kind)): \(kind.rawValue)")
            }
        }
        for kind in EdgeKind.allCases where edgeKinds.contains(kind) {
            lines.append("\(Self.lineText(kind)): \(kind.legendText)")
        }
        if hasClusters {
            lines.append("Colour = party: its organs, offices and leaders share it.")
            lines.append("Boxes nest party ⊃ organ ⊃ sub-organ" + (hasStateCluster ? "; dashed box: a country's state bodies." : "."))
        }
        nodes = [DiagramNode(
            id: "legend:text", label: lines.joined(separator: "\n"),
            style: DiagramStyle(shape: "plaintext", fontSize: 10, extra: ["margin": "0.05"]))]
        cluster = DiagramCluster(
            id: "legend:cluster", label: "Legend",
            style: DiagramStyle(style: "filled,rounded", color: "#999999", fillColor: "#ffffff", fontColor: "#333333", fontName: VisualLanguage.boldFontName, fontSize: 11),
            nodeIDs: ["legend:text"])
    }

    /// The shape of a node kind, in words (see ``VisualLanguage/nodeStyle(kind:color:status:)``).
    static func shapeText(_ kind: NodeKind) -> String {
        switch kind {
        case .party: "3-D box"
        case .organ: "box"
        case .office: "tabbed box"
        case .person: "ellipse"
        case .country: "hexagon"
        case .meeting: shapeText(status: nil)
        case .place: "house"
        }
    }

    /// The outline of a meeting of a status, in words.
    static func shapeText(status: MeetingStatus?) -> String {
        switch status {
        case .held, nil: "rounded box"
        case .announced: "rounded box, dashed outline"
        case .postponed, .cancelled: "rounded box, dotted outline"
        }
    }

    /// The pattern and arrowhead of an edge kind, in words (see ``VisualLanguage/edgeStyle(_:color:)``).
    static func lineText(_ kind: EdgeKind) -> String {
        switch kind {
        case .participant: "solid line, arrow"
        case .ledBy: "dashed line, open circle"
        case .attends: "thick dashed line, diamond"
        case .heads: "dashed line, open diamond"
        case .holds: "thin line, dot"
        case .hosts: "thick line, arrow"
        case .invites: "bold dashed line, open arrow"
        case .parallel: "dashed line, no arrow"
        case .partOf, .officeOf: "dotted line, hollow arrow"
        case .memberOf: "dotted line, open circle"
        case .basedIn: "grey dotted line, V arrow"
        case .heldAt: "olive dotted line, inverted arrow"
        case .locatedIn: "olive dotted line, V arrow"
        }
    }
}
