/// A Graphviz layout engine.
///
/// Whether an engine is installed depends on how Graphviz was built; ask
/// ``GraphvizRenderer/availableLayouts`` rather than assuming.
public enum Layout: String, Sendable, Hashable, CaseIterable {
    /// Layered drawing of directed graphs; draws clusters.
    case dot
    /// Spring model (stress majorisation); ignores clusters.
    case neato
    /// Force-directed (Fruchterman–Reingold); draws clusters.
    case fdp
    /// Multiscale force-directed, for large graphs; ignores clusters.
    case sfdp
    /// Circular layout of biconnected components; ignores clusters.
    case circo
    /// Radial layout around a root node; ignores clusters.
    case twopi

    /// The Graphviz engine name (`"dot"`, `"neato"`, …).
    public var engineName: String { rawValue }
}

/// An output format of ``GraphvizRenderer``.
///
/// Whether a format is installed depends on how Graphviz was built; ask
/// ``GraphvizRenderer/availableFormats`` rather than assuming.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Scalable Vector Graphics (UTF-8 XML).
    case svg
    /// Portable Network Graphics (through cairo).
    case png
    /// Portable Document Format (through cairo).
    case pdf
    /// DOT text with the computed layout (positions, sizes) attached.
    case dot
    /// Graphviz JSON with the computed layout.
    case json

    /// The Graphviz format name passed to the renderer (`"svg"`, `"png"`, …).
    public var graphvizName: String { rawValue }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .svg: "svg"
        case .png: "png"
        case .pdf: "pdf"
        case .dot: "gv"
        case .json: "json"
        }
    }

    /// Whether the output is text (UTF-8) rather than binary.
    public var isText: Bool {
        switch self {
        case .svg, .dot, .json: true
        case .png, .pdf: false
        }
    }
}
