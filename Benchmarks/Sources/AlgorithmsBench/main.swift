// AlgorithmsBench: runs one GraphAlgorithms task on one edge-list file and prints one
// JSON line, in the same shape as Benchmarks/peers.py, for Benchmarks/run.py.
//
//     AlgorithmsBench --task T --graph FILE [--directed] [--weighted]
//                     --threads N --repeat R [--people P]
//
// Only GraphAlgorithms' public API is used. The graph is read outside the timed region
// except for `--task load`, which times reading and building the graph. Each task runs
// R times; the JSON holds every time, the median, the process's peak resident set
// (VmHWM from /proc/self/status) and a digest of the result in the tool-independent
// form described in peers.py.

import GraphAlgorithms

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Options

enum Task: String, CaseIterable {
    case load, betweenness, closeness, harmonic, pagerank, eigenvector, components, bfs, bipartite, comembership
}

struct Options {
    var task: Task = .load
    var graph = ""
    var directed = false
    var weighted = false
    var threads = 1
    var repeatCount = 1
    var people = 50_000

    static let usage = """
        usage: AlgorithmsBench --task T --graph FILE [--directed] [--weighted] --threads N --repeat R [--people P]
          tasks: \(Task.allCases.map(\.rawValue).joined(separator: ", "))
          --people P  bipartite: ids below P are people, the rest meetings (default 50000).
        """

    static func parse(_ arguments: [String]) -> Options {
        var o = Options()
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("missing value for \(arguments[i - 1])") }
            return arguments[i]
        }
        func int(_ s: String, _ name: String) -> Int {
            guard let v = Int(s), v >= 1 else { fail("\(name) must be a positive integer, got \(s)") }
            return v
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--task":
                let s = value()
                guard let t = Task(rawValue: s) else { fail("unknown task \(s)") }
                o.task = t
            case "--graph": o.graph = value()
            case "--directed": o.directed = true
            case "--weighted": o.weighted = true
            case "--threads": o.threads = int(value(), "--threads")
            case "--repeat": o.repeatCount = int(value(), "--repeat")
            case "--people": o.people = int(value(), "--people")
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(arguments[i])")
            }
            i += 1
        }
        if o.graph.isEmpty { fail("--graph is required") }
        return o
    }
}

func printError(_ message: String) {
    var text = message
    text.withUTF8 { buf in _ = write(2, buf.baseAddress, buf.count) }
}

func fail(_ message: String) -> Never {
    printError("AlgorithmsBench: \(message)\n\(Options.usage)\n")
    exit(2)
}

// MARK: - Measuring

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident set size of this process in kB (VmHWM), or 0 if unavailable.
func peakRSSKilobytes() -> Int {
    let fd = open("/proc/self/status", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        bytes += chunk[0..<n]
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(String(line.dropFirst(6).filter(\.isNumber))) ?? 0
    }
    return 0
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

// MARK: - JSON

indirect enum JSON {
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    var text: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v):
            guard v.isFinite else { return "null" }
            // Swift prints the shortest round-tripping form, which is valid JSON.
            return "\(v)"
        case .string(let s):
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default:
                    if c.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) } else { out.unicodeScalars.append(c) }
                }
            }
            return out + "\""
        case .array(let a): return "[" + a.map(\.text).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.map { JSON.string($0.0).text + ": " + $0.1.text }.joined(separator: ", ") + "}"
        }
    }
}

// MARK: - Digests (same forms as peers.py)

/// Sum in sorted order (as peers.py does), the ten largest values and the count.
func digestValues(_ values: [Double]) -> JSON {
    let sorted = values.sorted()
    let sum = sorted.reduce(0, +)
    let top = sorted.reversed().prefix(10).map { JSON.double($0) }
    return .object([("n", .int(values.count)), ("sum", .double(sum)), ("top10", .array(Array(top)))])
}

/// Unit L2 norm, positive orientation, then ``digestValues(_:)``.
func digestEigen(_ values: [Double]) -> JSON {
    var norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if values.reduce(0, +) < 0 { norm = -norm }
    return digestValues(values.map { $0 / norm })
}

func digestComponents(_ sizes: [Int]) -> JSON {
    let s = sizes.sorted(by: >)
    return .object([("count", .int(s.count)), ("largest10", .array(s.prefix(10).map { .int($0) })),
                    ("vertices", .int(s.reduce(0, +)))])
}

func digestLevels(_ levels: [Int]) -> JSON {
    var sumDist = 0
    for (i, c) in levels.enumerated() { sumDist += i * c }
    return .object([("reached", .int(levels.reduce(0, +))), ("levels", .array(levels.map { .int($0) })),
                    ("sum_dist", .int(sumDist))])
}

func digestProjection(edges: Int, totalWeight: Double, strengths: [Double]) -> JSON {
    let top = strengths.sorted(by: >).prefix(10).map { JSON.double($0) }
    return .object([("edges", .int(edges)), ("total_weight", .double(totalWeight)),
                    ("top10_strength", .array(Array(top)))])
}

// MARK: - Tasks

/// A prepared task: `run` is timed, `digest` turns its last result into JSON.
struct Prepared {
    var run: () throws -> Any
    var digest: (Any) -> JSON
}

func loadGraph(_ o: Options) throws -> CompressedGraph {
    try EdgeListReader.readGraph(contentsOf: o.graph, directed: o.directed)
}

func prepare(_ o: Options) throws -> Prepared {
    switch o.task {
    case .load:
        return Prepared(
            run: { try loadGraph(o) },
            digest: { g in
                let g = g as! CompressedGraph
                return .object([("nodes", .int(g.vertexCount)), ("edges", .int(g.edgeCount))])
            })
    default:
        return try prepareAlgorithm(o)
    }
}

// Iteration settings shared with peers.py (see its docstring and the README).
let pageRankDamping = 0.85
let pageRankL1Tolerance = 1e-10   // stop when Σ|x_k − x_{k−1}| < this
let pageRankMaxIterations = 10_000
let eigenvectorTolerance = 1e-14  // NetworkX meaning: Σ|x_k − x_{k−1}| < n · this
let eigenvectorMaxIterations = 10_000

func prepareAlgorithm(_ o: Options) throws -> Prepared {
    let g = try loadGraph(o)
    let distances: EdgeDistances = o.weighted ? .weights : .unit
    let strengths: EdgeStrengths = o.weighted ? .weights : .unit
    let threads = o.threads
    let values: (Any) -> JSON = { digestValues($0 as! [Double]) }
    switch o.task {
    case .load:
        fatalError("handled in prepare(_:)")
    case .betweenness:
        return Prepared(
            run: { try g.betweennessCentrality(normalized: false, distances: distances, threads: threads) },
            digest: values)
    case .closeness:
        return Prepared(
            run: { try g.closenessCentrality(distances: distances, wfImproved: true, threads: threads) },
            digest: values)
    case .harmonic:
        return Prepared(run: { try g.harmonicCentrality(distances: distances, threads: threads) }, digest: values)
    case .pagerank:
        // GraphAlgorithms stops when Σ|Δx| < n · tolerance, as NetworkX does.
        let n = Double(max(g.vertexCount, 1))
        return Prepared(
            run: {
                try g.pageRank(damping: pageRankDamping, strengths: strengths,
                               tolerance: pageRankL1Tolerance / n, maxIterations: pageRankMaxIterations,
                               threads: threads)
            },
            digest: values)
    case .eigenvector:
        return Prepared(
            run: {
                try g.eigenvectorCentrality(strengths: strengths, maxIterations: eigenvectorMaxIterations,
                                            tolerance: eigenvectorTolerance, threads: threads)
            },
            digest: { digestEigen($0 as! [Double]) })
    case .components:
        return Prepared(
            run: { g.weaklyConnectedComponents() },
            digest: { digestComponents(($0 as! Components).sizes) })
    case .bfs:
        return Prepared(
            run: { try g.breadthFirstDistances(from: 0) },
            digest: { result in
                let d = result as! [Int32]
                var levels: [Int] = []
                for x in d where x >= 0 {
                    if Int(x) >= levels.count { levels += [Int](repeating: 0, count: Int(x) + 1 - levels.count) }
                    levels[Int(x)] += 1
                }
                return digestLevels(levels)
            })
    case .comembership:
        // The same person x meeting graph read as groups: meeting -> its people (the input CoMeetingGraph builds).
        let people = min(o.people, g.vertexCount)
        var offsets = [0], members: [Int32] = []
        for meeting in Int32(people)..<Int32(g.vertexCount) {
            members.append(contentsOf: g.neighbours(of: meeting))
            offsets.append(members.count)
        }
        return Prepared(
            run: { try CoMembership(memberCount: people, groupOffsets: offsets, groupMembers: members) },
            digest: { result in
                let p = (result as! CoMembership).graph
                let s = p.strengths()
                let total = s.sorted().reduce(0, +) / 2
                return digestProjection(edges: p.edgeCount, totalWeight: total, strengths: s)
            })
    case .bipartite:
        let people = (0..<Int32(min(o.people, g.vertexCount))).map { $0 }
        return Prepared(
            run: { try g.bipartiteProjection(onto: people, weighting: .sharedNeighbours) },
            digest: { result in
                let p = (result as! BipartiteProjection).graph
                let s = p.strengths()
                let total = s.sorted().reduce(0, +) / 2
                return digestProjection(edges: p.edgeCount, totalWeight: total, strengths: s)
            })
    }
}


// MARK: - Main

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
do {
    let prepared = try prepare(options)
    var times: [Double] = []
    var last: Any = ()
    for _ in 0..<options.repeatCount {
        last = ()
        let t0 = now()
        last = try prepared.run()
        times.append(now() - t0)
    }
    let digest = prepared.digest(last)
    let name = options.graph.split(separator: "/").last.map(String.init) ?? options.graph
    let out = JSON.object([
        ("tool", .string("ours")), ("task", .string(options.task.rawValue)), ("graph", .string(name)),
        ("threads", .int(options.threads)), ("times", .array(times.map { .double($0) })),
        ("median_s", .double(median(times))), ("peak_rss_kb", .int(peakRSSKilobytes())),
        ("digest", digest),
    ])
    print(out.text)
} catch {
    printError("AlgorithmsBench: \(error)\n")
    exit(1)
}
