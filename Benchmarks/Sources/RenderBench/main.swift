// RenderBench: in-process Graphviz rendering versus spawning `dot`.
//
//   cd Benchmarks && swift run -c release RenderBench [iterations] [--print-dot]
//
// Prints the median time of an in-process SVG render of a representative
// diagram, the median time of `dot -Tsvg` on the same DOT text (a new
// process each time), their ratio, and the time of a 1,000-node `sfdp` view.

import Foundation
import PartyGraph
import PartyGraphDiagrams

// MARK: - Diagrams under test

/// The representative diagram: the trilateral view of the bundled dataset
/// (`partygraph render trilateral`), found as the CLI finds it.
func representativeDiagram() -> Diagram {
    do {
        let dataset = try DatasetLoader.load(path: BundledDataset.locate().get())
        return try DiagramViews.trilateral(dataset: dataset)
    } catch {
        print("RenderBench: cannot build the trilateral view: \(error)")
        exit(1)
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so every run draws
/// the same diagrams.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Nodes spread over clusters (a few left outside), labelled with
/// Vietnamese-style names, with styled nodes, labelled edges and tooltips.
func syntheticClusteredDiagram(nodeCount: Int, clusterCount: Int, edgeCount: Int) -> Diagram {
    var random = SplitMix64(state: 42)
    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
    let given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Long", "Lâm", "Phúc"]
    let palette = ["#fde0dd", "#e0ecf4", "#e5f5e0"]
    var nodes: [DiagramNode] = []
    for index in 0..<nodeCount {
        let name = "\(families[index % families.count]) \(given[(index / families.count + index) % given.count])"
        nodes.append(DiagramNode(
            id: "p\(index)",
            label: "\(name)\nMember #\(index)",
            tooltip: "Person \(index): \(name)",
            style: DiagramStyle(fillColor: palette[index % palette.count], penWidth: index.isMultiple(of: 7) ? 2 : nil)
        ))
    }
    let inClusters = nodeCount - nodeCount / 10
    let clusters = (0..<clusterCount).map { cluster in
        DiagramCluster(
            id: "c\(cluster)",
            label: "Faction \(cluster + 1)",
            style: DiagramStyle(style: "rounded", color: "#888888"),
            nodeIDs: stride(from: cluster, to: inClusters, by: clusterCount).map { "p\($0)" }
        )
    }
    let relations = ["ally", "patron of", "rival", "kin", "colleague"]
    var edges: [DiagramEdge] = []
    for index in 1..<nodeCount where edges.count < edgeCount {
        // A spanning tree first, so the diagram is connected.
        let parent = Int.random(in: 0..<index, using: &random)
        edges.append(DiagramEdge(from: "p\(parent)", to: "p\(index)", label: relations[index % relations.count]))
    }
    while edges.count < edgeCount {
        let from = Int.random(in: 0..<nodeCount, using: &random)
        let to = Int.random(in: 0..<nodeCount, using: &random)
        guard from != to else { continue }
        edges.append(DiagramEdge(
            from: "p\(from)", to: "p\(to)",
            tooltip: relations[(from + to) % relations.count],
            style: DiagramStyle(style: (from + to).isMultiple(of: 3) ? "dashed" : nil)
        ))
    }
    return Diagram(
        title: "Representative diagram (\(nodeCount) nodes, \(clusterCount) clusters, \(edgeCount) edges)",
        graphStyle: GraphStyle(rankDirection: .leftToRight, fontName: "DejaVu Sans"),
        nodeDefaults: DiagramStyle(shape: "box", style: "rounded,filled", fontName: "DejaVu Sans", fontSize: 11),
        edgeDefaults: DiagramStyle(color: "#555555", fontName: "DejaVu Sans", fontSize: 9),
        nodes: nodes,
        edges: edges,
        clusters: clusters
    )
}

/// An ego-like view: a random tree of `nodeCount` nodes plus 10% extra edges,
/// no clusters, for `sfdp`.
func largeEgoDiagram(nodeCount: Int) -> Diagram {
    var random = SplitMix64(state: 7)
    let nodes = (0..<nodeCount).map { DiagramNode(id: "v\($0)", label: "Person \($0)") }
    var edges = (1..<nodeCount).map { index in
        DiagramEdge(from: "v\(Int.random(in: 0..<index, using: &random))", to: "v\(index)")
    }
    for _ in 0..<(nodeCount / 10) {
        edges.append(DiagramEdge(
            from: "v\(Int.random(in: 0..<nodeCount, using: &random))",
            to: "v\(Int.random(in: 0..<nodeCount, using: &random))"
        ))
    }
    return Diagram(
        title: "Ego view, \(nodeCount) nodes",
        directed: false,
        graphStyle: GraphStyle(overlap: "false"),
        nodeDefaults: DiagramStyle(shape: "point"),
        nodes: nodes,
        edges: edges
    )
}

// MARK: - Timing

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

func milliseconds(_ value: Double) -> String {
    String(format: "%.2f ms", value * 1000)
}

/// Runs `dot -Tsvg file` (found on PATH) and returns its output.
func spawnDot(_ file: URL) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["dot", "-Tsvg", file.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(domain: "RenderBench", code: Int(process.terminationStatus),
                      userInfo: [NSLocalizedDescriptionKey: "dot exited with \(process.terminationStatus)"])
    }
    return data
}

// MARK: - Main

let iterations = CommandLine.arguments.dropFirst().lazy.compactMap { Int($0) }.first ?? 30
let renderer = GraphvizRenderer()
let diagram = representativeDiagram()

if CommandLine.arguments.contains("--print-dot") {
    // The DOT text that the spawned `dot` reads, for inspection.
    print((try? renderer.dotSource(diagram)) ?? "")
    exit(0)
}
print("Graphviz \(GraphvizRenderer.graphvizVersion); \(iterations) iterations; " +
      "diagram: \(diagram.nodes.count) nodes, \(diagram.clusters.count) clusters, \(diagram.edges.count) edges")

do {
    // Warm up: loads plugins and fonts once.
    let warm = try renderer.render(diagram)
    print("SVG size: \(warm.count) bytes")

    var inProcess: [Double] = []
    for _ in 0..<iterations {
        inProcess.append(try seconds { _ = try renderer.render(diagram, layout: .dot, format: .svg) })
    }

    let dotText = try renderer.dotSource(diagram)
    let dotFile = FileManager.default.temporaryDirectory.appendingPathComponent("renderbench-\(ProcessInfo.processInfo.processIdentifier).gv")
    try Data(dotText.utf8).write(to: dotFile)
    defer { try? FileManager.default.removeItem(at: dotFile) }
    // Both paths draw the same graph.
    let spawnedSVG = String(decoding: try spawnDot(dotFile), as: UTF8.self)
    let nodeGroups = { (svg: String) in svg.components(separatedBy: "class=\"node\"").count - 1 }
    guard nodeGroups(spawnedSVG) == diagram.nodes.count, nodeGroups(String(decoding: warm, as: UTF8.self)) == diagram.nodes.count else {
        print("RenderBench: the two SVGs do not both hold \(diagram.nodes.count) nodes")
        exit(1)
    }
    var spawned: [Double] = []
    for _ in 0..<iterations {
        spawned.append(try seconds { _ = try spawnDot(dotFile) })
    }

    let inProcessMedian = median(inProcess)
    let spawnedMedian = median(spawned)
    print("in-process dot → SVG, median: \(milliseconds(inProcessMedian))")
    print("spawned `dot -Tsvg`, median:  \(milliseconds(spawnedMedian))")
    print(String(format: "ratio spawned / in-process: %.2f×", spawnedMedian / inProcessMedian))

    let large = largeEgoDiagram(nodeCount: 1_000)
    var sfdp: [Double] = []
    var size = 0
    for _ in 0..<3 {
        sfdp.append(try seconds { size = try renderer.render(large, layout: .sfdp, format: .svg).count })
    }
    print("1,000-node ego view (\(large.edges.count) edges), sfdp → SVG, median of 3: \(milliseconds(median(sfdp))) (\(size) bytes)")
} catch {
    print("RenderBench failed: \(error)")
    exit(1)
}
