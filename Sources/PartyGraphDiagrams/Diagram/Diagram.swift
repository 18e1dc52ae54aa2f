/// A value description of a diagram: nodes, edges and (nested) clusters with
/// their styles, independent of Graphviz.
///
/// A `Diagram` is plain data: build it, compare it, send it across tasks, then
/// hand it to ``GraphvizRenderer`` to lay it out and render it.
///
/// Text fields (`title`, labels, tooltips) are plain user text: the renderer
/// escapes them for Graphviz, so a label may contain quotes, backslashes,
/// `<script>`, `&nbsp;` or line breaks and is shown as written. Node, edge and
/// cluster identifiers never reach Graphviz: the renderer names nodes `n0`,
/// `n1`, … and clusters `cluster_0`, `cluster_1`, … in the order given here.
///
/// The order of `nodes`, `edges` and `clusters` is kept: the same diagram
/// always produces the same graph, and therefore the same DOT text and SVG.
public struct Diagram: Sendable, Hashable {
    /// The most nodes drawn in one picture: beyond it Graphviz takes minutes and the picture cannot be read.
    public static let defaultMaxNodes = 400

    /// Refuses a diagram with more than `maxNodes` nodes before any layout work.
    /// - Throws: ``DiagramError/tooLargeToDraw(nodes:limit:)``.
    public func checkDrawable(maxNodes: Int = Diagram.defaultMaxNodes) throws(DiagramError) {
        if nodes.count > maxNodes { throw .tooLargeToDraw(nodes: nodes.count, limit: maxNodes) }
    }

    /// A title drawn as the graph label, or `nil` for none.
    public var title: String?
    /// Whether edges are drawn as arrows (`digraph`) or lines (`graph`).
    public var directed: Bool
    /// Whether parallel edges between the same two nodes are merged (`strict`).
    public var strict: Bool
    /// Graph-level attributes (rank direction, font, spacing, …).
    public var graphStyle: GraphStyle
    /// Defaults for every node; a node's own ``DiagramNode/style`` overrides them.
    public var nodeDefaults: DiagramStyle
    /// Defaults for every edge; an edge's own ``DiagramEdge/style`` overrides them.
    public var edgeDefaults: DiagramStyle
    /// The nodes, in drawing order; ids must be unique.
    public var nodes: [DiagramNode]
    /// The edges, in drawing order; both ends must name nodes of ``nodes``.
    public var edges: [DiagramEdge]
    /// Top-level clusters (boxes around groups of nodes), possibly nested.
    public var clusters: [DiagramCluster]

    /// Creates a diagram.
    public init(
        title: String? = nil,
        directed: Bool = true,
        strict: Bool = false,
        graphStyle: GraphStyle = GraphStyle(),
        nodeDefaults: DiagramStyle = DiagramStyle(),
        edgeDefaults: DiagramStyle = DiagramStyle(),
        nodes: [DiagramNode] = [],
        edges: [DiagramEdge] = [],
        clusters: [DiagramCluster] = []
    ) {
        self.title = title
        self.directed = directed
        self.strict = strict
        self.graphStyle = graphStyle
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }
}

/// A node of a ``Diagram``.
public struct DiagramNode: Sendable, Hashable, Identifiable {
    /// A stable key, unique in the diagram, used by edges and clusters.
    /// It is never shown and never passed to Graphviz.
    public var id: String
    /// The text drawn in the node; `\n` in it starts a new line.
    public var label: String
    /// A tooltip (SVG `title` of the node's link), or `nil` for none.
    public var tooltip: String?
    /// The node's look; unset fields fall back to ``Diagram/nodeDefaults``.
    public var style: DiagramStyle

    /// Creates a node; the label defaults to the id.
    public init(id: String, label: String? = nil, tooltip: String? = nil, style: DiagramStyle = DiagramStyle()) {
        self.id = id
        self.label = label ?? id
        self.tooltip = tooltip
        self.style = style
    }
}

/// An edge of a ``Diagram``, between two node ids.
public struct DiagramEdge: Sendable, Hashable {
    /// The id of the tail node (where a directed edge starts).
    public var from: String
    /// The id of the head node (where a directed edge points).
    public var to: String
    /// Text drawn along the edge, or `nil` for none.
    public var label: String?
    /// A tooltip for the edge, or `nil` for none.
    public var tooltip: String?
    /// The edge's look; unset fields fall back to ``Diagram/edgeDefaults``.
    public var style: DiagramStyle

    /// Creates an edge between two node ids.
    public init(from: String, to: String, label: String? = nil, tooltip: String? = nil, style: DiagramStyle = DiagramStyle()) {
        self.from = from
        self.to = to
        self.label = label
        self.tooltip = tooltip
        self.style = style
    }
}

/// A cluster: a labelled box drawn around some nodes, possibly holding
/// subclusters. Only the `dot` and `fdp` layouts draw clusters; the other
/// layouts ignore them and place the nodes freely.
public struct DiagramCluster: Sendable, Hashable, Identifiable {
    /// A stable key, unique among all clusters of the diagram.
    public var id: String
    /// The title drawn at the top of the box, or `nil` for none.
    public var label: String?
    /// A tooltip for the cluster, or `nil` for none.
    public var tooltip: String?
    /// The box's look (`color`, `fillcolor`, `style`, `penwidth`, fonts …).
    public var style: DiagramStyle
    /// Ids of the nodes directly in this cluster. A node may also be listed in
    /// an enclosing cluster, but not in two clusters that do not nest.
    public var nodeIDs: [String]
    /// Clusters nested inside this one.
    public var subclusters: [DiagramCluster]

    /// Creates a cluster.
    public init(
        id: String,
        label: String? = nil,
        tooltip: String? = nil,
        style: DiagramStyle = DiagramStyle(),
        nodeIDs: [String] = [],
        subclusters: [DiagramCluster] = []
    ) {
        self.id = id
        self.label = label
        self.tooltip = tooltip
        self.style = style
        self.nodeIDs = nodeIDs
        self.subclusters = subclusters
    }
}
