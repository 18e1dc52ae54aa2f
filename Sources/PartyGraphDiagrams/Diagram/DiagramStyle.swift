/// The look of a node, an edge or a cluster, as Graphviz attributes.
///
/// Every field is optional: `nil` leaves Graphviz's default (or the diagram's
/// defaults) in place. Colors are Graphviz color names (`"firebrick"`) or
/// `"#rrggbb"` / `"#rrggbbaa"`. Values of the typed fields are passed to
/// Graphviz as they are, except ``url``, which is escaped like text.
///
/// ``extra`` holds any other Graphviz attribute by its Graphviz name
/// (`["arrowhead": "vee"]`). Its values are passed verbatim, as raw Graphviz
/// values (escape sequences such as `\N` or `\l` keep their Graphviz meaning),
/// so put user text only in labels and tooltips, never in `extra`. A typed
/// field wins over an `extra` entry of the same name.
public struct DiagramStyle: Sendable, Hashable {
    /// Node shape: `box`, `ellipse`, `circle`, `doublecircle`, `diamond`, `plaintext`, `record`, …
    public var shape: String?
    /// Comma-separated styles: `filled`, `rounded`, `dashed`, `dotted`, `bold`, `invis`, …
    public var style: String?
    /// Outline (node, cluster) or line (edge) color.
    public var color: String?
    /// Fill color; nodes and clusters need `style` to contain `filled`.
    public var fillColor: String?
    /// Text color.
    public var fontColor: String?
    /// Font family, for example `"DejaVu Sans"`.
    public var fontName: String?
    /// Font size in points.
    public var fontSize: Double?
    /// Line width in points.
    public var penWidth: Double?
    /// A link target; SVG output wraps the element in `<a xlink:href=…>`.
    public var url: String?
    /// Any other Graphviz attribute, by Graphviz name, passed verbatim.
    public var extra: [String: String]

    /// Creates a style; every field left out keeps the default.
    public init(
        shape: String? = nil,
        style: String? = nil,
        color: String? = nil,
        fillColor: String? = nil,
        fontColor: String? = nil,
        fontName: String? = nil,
        fontSize: Double? = nil,
        penWidth: Double? = nil,
        url: String? = nil,
        extra: [String: String] = [:]
    ) {
        self.shape = shape
        self.style = style
        self.color = color
        self.fillColor = fillColor
        self.fontColor = fontColor
        self.fontName = fontName
        self.fontSize = fontSize
        self.penWidth = penWidth
        self.url = url
        self.extra = extra
    }

    /// The Graphviz attributes this style sets, keyed by Graphviz name.
    var graphvizAttributes: [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for (name, value) in extra { result[name] = .raw(value) }
        if let shape { result["shape"] = .raw(shape) }
        if let style { result["style"] = .raw(style) }
        if let color { result["color"] = .raw(color) }
        if let fillColor { result["fillcolor"] = .raw(fillColor) }
        if let fontColor { result["fontcolor"] = .raw(fontColor) }
        if let fontName { result["fontname"] = .raw(fontName) }
        if let fontSize { result["fontsize"] = .raw(graphvizNumber(fontSize)) }
        if let penWidth { result["penwidth"] = .raw(graphvizNumber(penWidth)) }
        if let url { result["URL"] = .url(url) }
        return result
    }
}

/// The direction in which `dot` ranks nodes.
public enum RankDirection: String, Sendable, Hashable, CaseIterable {
    /// Top to bottom (Graphviz's default).
    case topToBottom = "TB"
    /// Left to right.
    case leftToRight = "LR"
    /// Bottom to top.
    case bottomToTop = "BT"
    /// Right to left.
    case rightToLeft = "RL"
}

/// Graph-level Graphviz attributes of a ``Diagram``.
///
/// As in ``DiagramStyle``, `nil` keeps Graphviz's default and ``extra`` holds
/// raw attributes by Graphviz name (never user text).
public struct GraphStyle: Sendable, Hashable {
    /// Rank direction for `dot`.
    public var rankDirection: RankDirection?
    /// Font family of the title and the default for clusters.
    public var fontName: String?
    /// Font size of the title, in points.
    public var fontSize: Double?
    /// Background color.
    public var backgroundColor: String?
    /// Edge routing: `spline`, `ortho`, `polyline`, `line`, `curved`, …
    public var splines: String?
    /// Overlap removal for `neato`, `fdp`, `sfdp`, …: `false`, `scale`, `prism`, …
    public var overlap: String?
    /// Minimum space between two nodes of the same rank, in inches.
    public var nodeSeparation: Double?
    /// Minimum space between ranks, in inches.
    public var rankSeparation: Double?
    /// Where the title goes: `t` (top) or `b` (bottom).
    public var labelLocation: String?
    /// Any other graph attribute, by Graphviz name, passed verbatim.
    public var extra: [String: String]

    /// Creates graph attributes; every field left out keeps Graphviz's default.
    public init(
        rankDirection: RankDirection? = nil,
        fontName: String? = nil,
        fontSize: Double? = nil,
        backgroundColor: String? = nil,
        splines: String? = nil,
        overlap: String? = nil,
        nodeSeparation: Double? = nil,
        rankSeparation: Double? = nil,
        labelLocation: String? = nil,
        extra: [String: String] = [:]
    ) {
        self.rankDirection = rankDirection
        self.fontName = fontName
        self.fontSize = fontSize
        self.backgroundColor = backgroundColor
        self.splines = splines
        self.overlap = overlap
        self.nodeSeparation = nodeSeparation
        self.rankSeparation = rankSeparation
        self.labelLocation = labelLocation
        self.extra = extra
    }

    /// The Graphviz attributes this style sets, keyed by Graphviz name.
    var graphvizAttributes: [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for (name, value) in extra { result[name] = .raw(value) }
        if let rankDirection { result["rankdir"] = .raw(rankDirection.rawValue) }
        if let fontName { result["fontname"] = .raw(fontName) }
        if let fontSize { result["fontsize"] = .raw(graphvizNumber(fontSize)) }
        if let backgroundColor { result["bgcolor"] = .raw(backgroundColor) }
        if let splines { result["splines"] = .raw(splines) }
        if let overlap { result["overlap"] = .raw(overlap) }
        if let nodeSeparation { result["nodesep"] = .raw(graphvizNumber(nodeSeparation)) }
        if let rankSeparation { result["ranksep"] = .raw(graphvizNumber(rankSeparation)) }
        if let labelLocation { result["labelloc"] = .raw(labelLocation) }
        return result
    }
}

/// An attribute value on its way to Graphviz: raw, or user text to escape.
enum AttributeValue: Hashable {
    /// A Graphviz value passed as is (a color, a shape, a number).
    case raw(String)
    /// User text, escaped with ``GraphvizText/escape(_:)`` before it is set.
    case text(String)
    /// User text as a tooltip, escaped with ``GraphvizText/escapeTooltip(_:)``.
    case tooltip(String)
    /// User text as the label of a record-shaped node.
    case recordText(String)
    /// A link target, escaped with ``GraphvizText/escapeURL(_:)``.
    case url(String)

    /// The string handed to Graphviz.
    var graphvizString: String {
        switch self {
        case .raw(let value): value
        case .text(let value): GraphvizText.escape(value)
        case .tooltip(let value): GraphvizText.escapeTooltip(value)
        case .recordText(let value): GraphvizText.escapeRecordLabel(value)
        case .url(let value): GraphvizText.escapeURL(value)
        }
    }
}

/// Formats a number the same way on every platform: no exponent, no trailing `.0`.
func graphvizNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(value)
}
