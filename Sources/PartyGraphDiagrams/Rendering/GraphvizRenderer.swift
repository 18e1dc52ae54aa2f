internal import CGraphviz
import Foundation
import Synchronization

/// Lays out and renders ``Diagram``s with the Graphviz C library, in process.
///
/// This is the only type that touches Graphviz. It builds each diagram with
/// the cgraph API (the graph is never printed as DOT text and parsed back, so
/// user text never meets the DOT lexer): nodes are named `n0`, `n1`, … in the
/// order of ``Diagram/nodes``, clusters are subgraphs `cluster_0`, `cluster_1`,
/// … in depth-first order, and user text goes only into escaped labels and
/// tooltips (see ``DiagramStyle`` for the raw attributes).
///
/// ## Threads
/// Graphviz keeps global state and is not thread-safe, not even with separate
/// contexts. All Graphviz calls of the process go through one lock around a
/// single `gvContext`, so renders from many tasks are safe but run one at a
/// time. A render blocks its thread; from Swift concurrency, keep heavy
/// renders off latency-sensitive executors.
///
/// ## Messages
/// Graphviz's warnings and errors are captured through `agseterrf` instead of
/// reaching standard error. An error, even during a render that produced
/// output, is thrown as a ``DiagramError``; warnings are returned in
/// ``RenderedDiagram/warnings``. (A few messages bypass that channel and
/// still go to standard error: Graphviz's path planner prints, for example,
/// `libpath/shortest.c:324: triangulation failed` itself; the error that
/// follows it is captured.)
///
/// ## Determinism
/// Attributes are declared in sorted order and nodes, edges and clusters are
/// created in the diagram's order, and the shim's ID discipline keeps
/// clusters in that order, so the same diagram gives byte-identical DOT text
/// and SVG, also between renders in one process. (Without that discipline
/// Graphviz reorders cluster elements between in-process renders; compare
/// SVG by content where you can.)
///
/// ## Graphviz 2.42 defects handled here
/// - Its `dot` layout frees a rank array twice after laying out labelled
///   edges between nodes of the same rank (common with clusters), which
///   aborts the process on the next allocation; the renderer repairs the
///   pointer before `gvFreeLayout` (`pg_dot_repair_ranks` in the shim).
/// - It orders subgraphs by the address of their interned names, so clusters
///   moved between in-process renders; the shim's ID discipline makes the
///   order follow creation order.
/// - It expands escapes in tooltips twice and copies `"` into SVG links
///   unescaped; `GraphvizText` escapes for both.
///
/// ## Memory
/// Graphviz 2.42 leaks memory when `dot` lays out a graph with clusters:
/// measured with valgrind, about 20 kB per render of a 40-node, 3-cluster,
/// 60-edge diagram (inside its cluster code, out of reach from here), and
/// nothing per render of the same graph without clusters (`neato` on a
/// small clustered diagram: about 2 kB per render). A long-running
/// process that renders many thousands of clustered diagrams grows slowly
/// because of it. The one `gvContext` (plugins, fonts, about 1 MB) lives for
/// the whole process and is never freed.
public struct GraphvizRenderer: Sendable {
    /// Creates a renderer; every renderer shares the one process-wide Graphviz context.
    public init() {}

    /// The Graphviz library version as the library reports it (Debian's
    /// 2.42.2 package says `"2.43.0"`).
    public static var graphvizVersion: String {
        graphvizSession.withLock { $0.version }
    }

    /// The layouts of ``Layout`` that this Graphviz installation provides.
    public static var availableLayouts: [Layout] {
        let installed = Set(installedLayoutEngines)
        return Layout.allCases.filter { installed.contains($0.engineName) }
    }

    /// The formats of ``OutputFormat`` that this Graphviz installation provides.
    public static var availableFormats: [OutputFormat] {
        let installed = Set(installedFormats)
        return OutputFormat.allCases.filter { installed.contains($0.graphvizName) }
    }

    /// Every layout engine Graphviz reports (its `layout` plugins), sorted.
    public static var installedLayoutEngines: [String] {
        graphvizSession.withLock { $0.layoutEngines }
    }

    /// Every output format Graphviz reports (its `device` plugins), sorted.
    public static var installedFormats: [String] {
        graphvizSession.withLock { $0.formats }
    }

    /// Lays out the diagram and renders it.
    ///
    /// - Parameters:
    ///   - diagram: The diagram to draw.
    ///   - layout: The layout engine; `dot` by default.
    ///   - format: The output format; SVG by default.
    /// - Returns: The rendered bytes (UTF-8 text for SVG, DOT and JSON).
    /// - Throws: ``DiagramError/invalidDiagram(reason:)`` for an inconsistent
    ///   diagram, ``DiagramError/unknownLayout(_:available:)`` or
    ///   ``DiagramError/unknownFormat(_:available:)`` when this Graphviz lacks
    ///   the plugin, ``DiagramError/layoutFailed(layout:message:)``,
    ///   ``DiagramError/renderFailed(format:message:)`` or
    ///   ``DiagramError/graphvizError(message:)`` when Graphviz fails.
    public func render(_ diagram: Diagram, layout: Layout = .dot, format: OutputFormat = .svg) throws(DiagramError) -> Data {
        try renderDetailed(diagram, engine: layout.engineName, format: format.graphvizName).data
    }

    /// Lays out the diagram with a layout engine and format given by their
    /// Graphviz names (`"osage"`, `"xdot"`, `"canon"`, …), for the engines and
    /// formats that ``Layout`` and ``OutputFormat`` do not list.
    ///
    /// - Throws: as ``render(_:layout:format:)``; an unknown name gives
    ///   ``DiagramError/unknownLayout(_:available:)`` or
    ///   ``DiagramError/unknownFormat(_:available:)`` listing the valid names.
    public func render(_ diagram: Diagram, engine: String, format: String) throws(DiagramError) -> Data {
        try renderDetailed(diagram, engine: engine, format: format).data
    }

    /// Lays out and renders the diagram, returning Graphviz's warnings too.
    ///
    /// - Throws: as ``render(_:layout:format:)``.
    public func renderDetailed(_ diagram: Diagram, layout: Layout = .dot, format: OutputFormat = .svg) throws(DiagramError) -> RenderedDiagram {
        try renderDetailed(diagram, engine: layout.engineName, format: format.graphvizName)
    }

    /// Lays out and renders the diagram with an engine and format given by
    /// their Graphviz names, returning Graphviz's warnings too.
    ///
    /// - Throws: as ``render(_:engine:format:)``.
    public func renderDetailed(_ diagram: Diagram, engine: String, format: String) throws(DiagramError) -> RenderedDiagram {
        let nodeIndex = try diagram.nodeIndexByID()
        return try graphvizSession.withLock { (session: inout GraphvizSession) throws(DiagramError) -> RenderedDiagram in
            guard let context = session.context else {
                throw .graphvizError(message: "Graphviz could not create its context (gvContext returned NULL); the process may be out of memory.")
            }
            guard session.layoutEngines.contains(engine) else {
                throw .unknownLayout(engine, available: session.layoutEngines)
            }
            guard session.formats.contains(format) else {
                throw .unknownFormat(format, available: session.formats)
            }
            session.beginCapture()
            let graph = try GraphBuilder.build(diagram, nodeIndex: nodeIndex)
            defer { agclose(graph) }
            let buildMessages = session.endCapture()
            if let message = buildMessages.errors.first {
                throw .graphvizError(message: message)
            }

            session.beginCapture()
            guard gvLayout(context, graph, engine) == 0 else {
                throw .layoutFailed(layout: engine, message: session.endCapture().summary)
            }
            defer {
                // Graphviz 2.42 `dot` would free one of its rank arrays twice (see the shim).
                if engine == "dot" { _ = pg_dot_repair_ranks(graph) }
                gvFreeLayout(context, graph)
            }

            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(context, graph, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw .renderFailed(format: format, message: session.endCapture().summary)
            }
            let data = Data(bytes: buffer, count: Int(length))
            let messages = session.endCapture()
            if let message = messages.errors.first {
                throw .graphvizError(message: message)
            }
            return RenderedDiagram(data: data, warnings: buildMessages.warnings + messages.warnings)
        }
    }

    /// The diagram as DOT text, without layout: the graph Graphviz would lay
    /// out, written by cgraph (`agwrite`) with its own quoting. Suitable for a
    /// DOT export that other Graphviz tools read back (`dot -Tsvg`).
    ///
    /// Byte-identical for equal diagrams.
    ///
    /// - Throws: ``DiagramError/invalidDiagram(reason:)`` for an inconsistent
    ///   diagram, ``DiagramError/graphvizError(message:)`` if cgraph fails.
    public func dotSource(_ diagram: Diagram) throws(DiagramError) -> String {
        let nodeIndex = try diagram.nodeIndexByID()
        return try graphvizSession.withLock { (session: inout GraphvizSession) throws(DiagramError) -> String in
            session.beginCapture()
            let graph = try GraphBuilder.build(diagram, nodeIndex: nodeIndex)
            defer { agclose(graph) }
            var buffer: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = pg_agwrite_to_memory(graph, &buffer, &length)
            defer { pg_free(buffer) }
            let messages = session.endCapture()
            guard status == 0, let buffer else {
                throw .graphvizError(message: messages.errors.first ?? "could not write the graph as DOT text.")
            }
            if let message = messages.errors.first {
                throw .graphvizError(message: message)
            }
            return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        }
    }
}

extension GraphvizRenderer {
    /// One node of a DOT text as cgraph reads it: its name and the attributes given to it.
    struct ParsedNode: Sendable, Hashable {
        var name: String
        var attributes: [String: String]
    }

    /// DOT text read back by cgraph (`agmemread`), as a check that a DOT export is well formed: the nodes in order
    /// with their attributes, and the number of edges. `nil` when cgraph cannot read it.
    static func parseDOT(_ text: String) -> (nodes: [ParsedNode], edgeCount: Int)? {
        graphvizSession.withLock { (session: inout GraphvizSession) -> (nodes: [ParsedNode], edgeCount: Int)? in
            session.beginCapture()
            defer { _ = session.endCapture() }
            guard let graph = text.withCString({ agmemread($0) }) else { return nil }
            defer { agclose(graph) }
            var symbols: [UnsafeMutablePointer<Agsym_t>] = []
            var symbol = agnxtattr(graph, Int32(AGNODE), nil)
            while let current = symbol {
                symbols.append(current)
                symbol = agnxtattr(graph, Int32(AGNODE), current)
            }
            var nodes: [ParsedNode] = [], edgeCount = 0
            var node = agfstnode(graph)
            while let current = node {
                var attributes: [String: String] = [:]
                for symbol in symbols {
                    guard let value = agxget(UnsafeMutableRawPointer(current), symbol) else { continue }
                    attributes[String(cString: symbol.pointee.name)] = String(cString: value)
                }
                nodes.append(ParsedNode(name: String(cString: agnameof(UnsafeMutableRawPointer(current))), attributes: attributes))
                var edge = agfstout(graph, current)
                while let out = edge {
                    edgeCount += 1
                    edge = agnxtout(graph, out)
                }
                node = agnxtnode(graph, current)
            }
            return (nodes, edgeCount)
        }
    }
}

/// Rendered output with the warnings Graphviz reported while producing it.
public struct RenderedDiagram: Sendable, Hashable {
    /// The rendered bytes.
    public var data: Data
    /// Graphviz's warnings, one message each, without the `Warning:` prefix.
    public var warnings: [String]
}

// MARK: - The process-wide Graphviz session

/// The one Graphviz context of the process, behind the one lock that every
/// Graphviz call goes through.
private let graphvizSession = Mutex(GraphvizSession())

/// Text Graphviz reported through `agseterrf`. Only touched while
/// `graphvizSession` is locked (Graphviz calls the handler synchronously).
nonisolated(unsafe) private var capturedGraphvizText = ""

private let captureGraphvizText: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    if let text { capturedGraphvizText += String(cString: text) }
    return 0
}

private struct GraphvizSession: ~Copyable {
    /// `nil` only when Graphviz could not create its context (out of memory); every render then throws.
    let context: OpaquePointer?
    let version: String
    let layoutEngines: [String]
    let formats: [String]

    init() {
        // Send every warning and error to the handler, never to standard error.
        _ = agseterr(AGWARN)
        _ = agseterrf(captureGraphvizText)
        capturedGraphvizText = ""
        context = gvContext()
        guard let context else {
            version = "unavailable"
            layoutEngines = []
            formats = []
            return
        }
        version = gvcVersion(context).map { String(cString: $0) } ?? "unknown"
        layoutEngines = Self.pluginNames(context, kind: "layout")
        formats = Self.pluginNames(context, kind: "device")
        capturedGraphvizText = ""
    }

    /// The names of the plugins of one kind, without their `:package` suffix.
    private static func pluginNames(_ context: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        defer { pg_free_plugin_list(list, count) }
        var names: Set<String> = []
        for index in 0..<Int(count) {
            if let name = list[index] { names.insert(String(cString: name)) }
        }
        return names.sorted()
    }

    func beginCapture() {
        capturedGraphvizText = ""
        _ = agreseterrors()
    }

    func endCapture() -> GraphvizMessages {
        defer { capturedGraphvizText = "" }
        return GraphvizMessages(parsing: capturedGraphvizText)
    }
}

/// Graphviz's messages, split into errors and warnings.
struct GraphvizMessages {
    var errors: [String] = []
    var warnings: [String] = []

    /// Messages longer than this many lines (some Graphviz errors dump
    /// internal state) are cut, with a note saying how many lines were left out.
    static let maximumLines = 6

    /// Splits text such as `"Warning: a\nError: b\nmore of b\n"`; a line without
    /// a prefix continues the message before it.
    init(parsing text: String) {
        enum Kind { case error, warning }
        var current: (kind: Kind, text: String)?
        func flush() {
            guard let message = current else { return }
            var lines = message.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n")
            if lines.count > Self.maximumLines {
                let omitted = lines.count - (Self.maximumLines - 1)
                lines = Array(lines.prefix(Self.maximumLines - 1)) + ["(\(omitted) more lines)"]
            }
            let trimmed = lines.joined(separator: "\n")
            if !trimmed.isEmpty {
                switch message.kind {
                case .error: errors.append(trimmed)
                case .warning: warnings.append(trimmed)
                }
            }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") || line == "Error:" {
                flush()
                current = (.error, String(line.dropFirst("Error:".count)))
            } else if line.hasPrefix("Warning: ") || line == "Warning:" {
                flush()
                current = (.warning, String(line.dropFirst("Warning:".count)))
            } else if current != nil {
                current!.text += "\n" + line
            } else {
                current = (.warning, String(line))
            }
        }
        flush()
    }

    /// All messages in one string, errors first, for an error's message.
    var summary: String {
        let all = errors + warnings
        return all.isEmpty ? "no message from Graphviz." : all.joined(separator: "\n")
    }
}

// MARK: - Building the cgraph graph

private enum GraphBuilder {
    typealias Graph = UnsafeMutablePointer<Agraph_t>
    typealias Symbol = UnsafeMutablePointer<Agsym_t>

    /// Builds the cgraph graph of a validated diagram. The caller closes it.
    ///
    /// - Throws: ``DiagramError/graphvizError(message:)`` when cgraph cannot allocate part of the graph.
    static func build(_ diagram: Diagram, nodeIndex: [String: Int]) throws(DiagramError) -> Graph {
        guard let graph = pg_agopen("G", diagram.directed ? 1 : 0, diagram.strict ? 1 : 0) else {
            throw allocationFailure("a graph (agopen)")
        }
        do {
            try populate(graph, diagram, nodeIndex: nodeIndex)
        } catch {
            agclose(graph)
            throw error
        }
        return graph
    }

    private static func allocationFailure(_ what: String) -> DiagramError {
        .graphvizError(message: "could not allocate \(what); the process may be out of memory.")
    }

    /// Declares the attributes and adds the nodes, clusters and edges of the diagram to an empty graph.
    private static func populate(_ graph: Graph, _ diagram: Diagram, nodeIndex: [String: Int]) throws(DiagramError) {

        // Attributes of the root graph and of every cluster, in creation order.
        var rootAttributes = diagram.graphStyle.graphvizAttributes
        if let title = diagram.title { rootAttributes["label"] = .text(title) }
        var clusterAttributes: [[String: AttributeValue]] = []
        func collect(_ cluster: DiagramCluster) {
            clusterAttributes.append(attributes(of: cluster))
            cluster.subclusters.forEach(collect)
        }
        diagram.clusters.forEach(collect)
        let defaultShape = diagram.nodeDefaults.shape ?? diagram.nodeDefaults.extra["shape"]
        let nodeAttributes = diagram.nodes.map { attributes(of: $0, defaultShape: defaultShape) }
        let edgeAttributes = diagram.edges.map(attributes(of:))

        // Declare every attribute once, in sorted order, with its default.
        // The node label default must be replaced: gvContext makes it `\N`
        // (the node name), which would show `n0`, `n1`, ….
        var graphNames = Set(rootAttributes.keys)
        clusterAttributes.forEach { graphNames.formUnion($0.keys) }
        let graphSymbols = try declare(graph, kind: AGRAPH, names: graphNames, defaults: rootAttributes)

        let nodeDefaults = diagram.nodeDefaults.graphvizAttributes
        var nodeNames = Set(nodeDefaults.keys).union(["label"])
        nodeAttributes.forEach { nodeNames.formUnion($0.keys) }
        let nodeSymbols = try declare(graph, kind: AGNODE, names: nodeNames, defaults: nodeDefaults)

        let edgeDefaults = diagram.edgeDefaults.graphvizAttributes
        var edgeNames = Set(edgeDefaults.keys)
        edgeAttributes.forEach { edgeNames.formUnion($0.keys) }
        let edgeSymbols = try declare(graph, kind: AGEDGE, names: edgeNames, defaults: edgeDefaults)

        // Nodes n0, n1, … in diagram order.
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        nodes.reserveCapacity(diagram.nodes.count)
        for (position, values) in nodeAttributes.enumerated() {
            guard let node = pg_agnode(graph, "n\(position)") else {
                throw allocationFailure("a node (agnode)")
            }
            set(values, on: UnsafeMutableRawPointer(node), symbols: nodeSymbols)
            nodes.append(node)
        }

        // Clusters cluster_0, cluster_1, … depth-first.
        var clusterNumber = 0
        func addCluster(_ cluster: DiagramCluster, to parent: Graph) throws(DiagramError) {
            let number = clusterNumber
            clusterNumber += 1
            guard let subgraph = pg_agsubg(parent, "cluster_\(number)") else {
                throw allocationFailure("a subgraph (agsubg)")
            }
            set(clusterAttributes[number], on: UnsafeMutableRawPointer(subgraph), symbols: graphSymbols)
            for nodeID in cluster.nodeIDs {
                _ = agsubnode(subgraph, nodes[nodeIndex[nodeID]!], 1)
            }
            for subcluster in cluster.subclusters {
                try addCluster(subcluster, to: subgraph)
            }
        }
        for cluster in diagram.clusters {
            try addCluster(cluster, to: graph)
        }

        // Edges, in diagram order.
        for (edge, values) in zip(diagram.edges, edgeAttributes) {
            guard let created = pg_agedge(graph, nodes[nodeIndex[edge.from]!], nodes[nodeIndex[edge.to]!]) else {
                throw allocationFailure("an edge (agedge)")
            }
            set(values, on: UnsafeMutableRawPointer(created), symbols: edgeSymbols)
        }
    }

    private static func attributes(of node: DiagramNode, defaultShape: String?) -> [String: AttributeValue] {
        var result = node.style.graphvizAttributes
        let shape = node.style.shape ?? node.style.extra["shape"] ?? defaultShape
        let isRecord = shape.map { ["record", "mrecord"].contains($0.lowercased()) } ?? false
        result["label"] = isRecord ? .recordText(node.label) : .text(node.label)
        if let tooltip = node.tooltip { result["tooltip"] = .tooltip(tooltip) }
        return result
    }

    private static func attributes(of edge: DiagramEdge) -> [String: AttributeValue] {
        var result = edge.style.graphvizAttributes
        if let label = edge.label { result["label"] = .text(label) }
        if let tooltip = edge.tooltip { result["tooltip"] = .tooltip(tooltip) }
        return result
    }

    private static func attributes(of cluster: DiagramCluster) -> [String: AttributeValue] {
        var result = cluster.style.graphvizAttributes
        if let label = cluster.label { result["label"] = .text(label) }
        if let tooltip = cluster.tooltip { result["tooltip"] = .tooltip(tooltip) }
        return result
    }

    /// Declares attributes in sorted order; a name without a default gets `""`,
    /// which Graphviz reads as "use the built-in default".
    private static func declare(
        _ graph: Graph, kind: Int32, names: Set<String>, defaults: [String: AttributeValue]
    ) throws(DiagramError) -> [String: Symbol] {
        var symbols: [String: Symbol] = [:]
        for name in names.sorted() {
            let value = defaults[name]?.graphvizString ?? ""
            guard let symbol = pg_agattr(graph, kind, name, value) else {
                throw allocationFailure("the attribute \(name) (agattr)")
            }
            symbols[name] = symbol
        }
        return symbols
    }

    private static func set(_ values: [String: AttributeValue], on object: UnsafeMutableRawPointer, symbols: [String: Symbol]) {
        for name in values.keys.sorted() {
            _ = pg_agxset(object, symbols[name]!, values[name]!.graphvizString)
        }
    }
}
