import PartyGraph

/// A legend cluster built from the styles a diagram actually uses: one sample
/// node per node kind (and meeting status), one sample line per edge kind.
///
/// Its node ids start with `legend:`, which no ``NodeID`` can contain.
struct Legend {
    private(set) var nodes: [DiagramNode] = []
    private(set) var edges: [DiagramEdge] = []
    private(set) var cluster: DiagramCluster

    /// - Parameters:
    ///   - nodeKinds: The node kinds used, with the statuses of the meetings drawn.
    ///   - edgeKinds: The edge kinds used.
    ///   - hasStateCluster: Whether a country's state bodies are boxed (dashed).
    init(nodeKinds: [NodeKind: Set<MeetingStatus?>], edgeKinds: Set<EdgeKind>, hasStateCluster: Bool) {
        var nodeIDs: [String] = []
        for kind in NodeKind.allCases {
            guard let statuses = nodeKinds[kind] else { continue }
            if kind == .meeting {
                for status in MeetingStatus.allCases where statuses.contains(status) {
                    let id = "legend:meeting-\(status.rawValue)"
                    nodes.append(DiagramNode(
                        id: id, label: "meeting (\(status.rawValue))\ndates · place",
                        style: VisualLanguage.nodeStyle(kind: .meeting, color: VisualLanguage.neutral, status: status)))
                    nodeIDs.append(id)
                }
                if statuses.contains(nil) || statuses.isEmpty {
                    let id = "legend:meeting"
                    nodes.append(DiagramNode(id: id, label: "meeting", style: VisualLanguage.nodeStyle(kind: .meeting, color: VisualLanguage.neutral)))
                    nodeIDs.append(id)
                }
            } else {
                let id = "legend:\(kind.rawValue)"
                nodes.append(DiagramNode(id: id, label: kind.rawValue, style: VisualLanguage.nodeStyle(kind: kind, color: VisualLanguage.neutral)))
                nodeIDs.append(id)
            }
        }
        // Pair the samples with invisible lines so they stand in two columns.
        for pair in stride(from: 0, to: nodeIDs.count - 1, by: 2) {
            edges.append(DiagramEdge(from: nodeIDs[pair], to: nodeIDs[pair + 1], style: DiagramStyle(style: "invis")))
        }
        let note = "Colour = party: its organs, offices\nand leaders share it. Boxes nest\nparty ⊃ organ ⊃ sub-organ"
            + (hasStateCluster ? ";\ndashed box: a country's state bodies." : ".")
        nodes.append(DiagramNode(id: "legend:note", label: note, style: DiagramStyle(shape: "plaintext", fontSize: 10, extra: ["margin": "0"])))
        nodeIDs.append("legend:note")
        for kind in EdgeKind.allCases where edgeKinds.contains(kind) {
            let tail = "legend:edge-\(kind.rawValue)", head = "legend:edge-\(kind.rawValue)-text"
            nodes.append(DiagramNode(id: tail, label: "", style: DiagramStyle(shape: "point", color: "#999999", extra: ["width": "0.06"])))
            nodes.append(DiagramNode(id: head, label: kind.legendText, style: DiagramStyle(shape: "plaintext", fontSize: 10, extra: ["margin": "0.12,0"])))
            edges.append(DiagramEdge(from: tail, to: head, style: VisualLanguage.edgeStyle(kind)))
            nodeIDs += [tail, head]
        }
        cluster = DiagramCluster(
            id: "legend:cluster", label: "Legend",
            style: DiagramStyle(style: "filled,rounded", color: "#999999", fillColor: "#ffffff", fontColor: "#333333", fontName: VisualLanguage.boldFontName, fontSize: 12),
            nodeIDs: nodeIDs)
    }
}
