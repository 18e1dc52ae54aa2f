import ArgumentParser
import Foundation
import PartyGraph

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank actors by a centrality measure of the who-meets-whom graph, the typed graph, or an edge list.",
        discussion: """
            Projections persons, organs, parties and countries are the who-meets-whom graph of 'partygraph matrix': \
            one vertex per actor taking part in an admitted meeting, one undirected edge per pair sharing a meeting, \
            weight = the number of meetings shared (a strength). 'full' is the typed graph: every node and \
            relationship, undirected unless --directed, weight = the number of relationships joining a pair. \
            With --edgelist FILE ('u v' or 'u v w' lines) the vertices are the integer ids 0…max id.

            Weights (--weights): none counts every edge 1; strength reads weights as tie strengths, used as they are \
            by degree, eigenvector, pagerank, katz and hits, and as lengths 1/w by the path measures betweenness, \
            closeness and harmonic (two shared meetings put a pair half as far apart as one); distance reads weights \
            as lengths (path measures only). Default: strength on a dataset, none on an edge list. Values match \
            NetworkX's functions on the same graph. See docs/centrality.md.
            """
    )

    @OptionGroup var options: CentralityOptions

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    // The options under their own names, as the rest of the command reads them.
    var measure: CentralityMeasure { options.measure }
    var projection: GraphProjection? { options.projection }
    var edgelist: String? { options.edgelist }
    var directed: Bool { options.directed }
    var weighted: Bool { options.weighted }
    var endpoints: Bool { options.endpoints }
    var weights: WeightMeaning? { options.weights }
    var normalized: Bool? { options.normalized }
    var damping: Double? { options.damping }
    var alpha: Double? { options.alpha }
    var tolerance: Double? { options.tolerance }
    var maxIterations: Int? { options.maxIterations }
    var samples: Int? { options.samples }
    var seed: UInt64? { options.seed }
    var top: Int? { options.top }
    var threads: Int? { options.threads }
    var by: PeriodUnit? { options.by }
    var window: String? { options.window }
    var parameters: CentralityParameters { options.parameters }

    func validate() throws {
        if let edgelist, let kind = FileKind.nonRegular(at: edgelist) {
            throw ValidationError("--edgelist \(edgelist) is \(kind), not an edge-list file; name a file of 'u v' lines.")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1.") }
        if seed != nil && samples == nil { throw ValidationError("--seed only applies with --samples.") }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1.") }
        if window != nil && by == nil { throw ValidationError("--window slides over periods; give --by year, quarter or month.") }
        if let window, PeriodWindow(parsing: window) == nil {
            throw ValidationError("--window '\(window)' is not a window; write a count and a unit: 2y (years), 3q (quarters) or 18m (months).")
        }
        if let by, let window = window.flatMap(PeriodWindow.init(parsing:)), window.months < by.months {
            throw ValidationError(ErrorMessages.text(.windowShorterThanPeriod(window, unit: by)))
        }
        if edgelist != nil {
            if by != nil { throw ValidationError("--by cuts a dataset's meetings into periods; an edge list has none.") }
            if projection != nil { throw ValidationError("--projection applies to a dataset; leave it out with --edgelist.") }
            if datasetOptions.dataset != nil { throw ValidationError("give either --dataset or --edgelist, not both.") }
            if datasetOptions.knownAt != nil { throw ValidationError("--known-at applies to a dataset's sources; an edge list has none.") }
            if !datasetOptions.sourceKinds.isEmpty { throw ValidationError("--source-kind applies to a dataset's sources; an edge list has none.") }
            if query.from != nil || query.to != nil || query.at != nil || !query.kind.isEmpty || !query.status.isEmpty || query.place != nil {
                throw ValidationError("--from, --to, --at, --kind, --status and --place select meetings of a dataset; an edge list has none.")
            }
            if weighted && weights == nil {
                throw ValidationError("--weighted reads the third column; say what it means with --weights strength (tie strength) or --weights distance (length).")
            }
            if let weights, weights != .none, !weighted {
                throw ValidationError("--weights \(weights.rawValue) needs --weighted to read the third column of the edge list.")
            }
        } else {
            if weighted { throw ValidationError("--weighted applies to --edgelist; dataset graphs are weighted already.") }
            if directed && (projection ?? .persons) != .full {
                throw ValidationError("--directed applies to --projection full and --edgelist; meeting projections are undirected.")
            }
        }
        do { try parameters.validate() } catch { throw ValidationError(ErrorMessages.text(error)) }
    }

    func run() throws {
        if let by {
            let dataset = try datasetOptions.load()
            let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(
                projection: projection ?? .persons, parameters: parameters,
                filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate()), unit: by,
                window: window.flatMap(PeriodWindow.init(parsing:)), top: top))
            try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
            switch formatOptions.format {
            case .json: emit(try jsonText(trajectory, manifest: try datasetOptions.manifest(for: dataset)))
            case .csv: emit(csv(trajectory))
            case .table: emit(table(trajectory))
            }
            return
        }
        let graph: AnalysisGraph
        let manifest: () throws -> Manifest
        if let edgelist {
            graph = try AnalysisGraph(edgeListAt: edgelist, directed: directed, weighted: weighted)
            manifest = { try makeManifest(datasetPath: edgelist, given: edgelist, dataset: nil) }
        } else {
            let dataset = try datasetOptions.load()
            manifest = { try datasetOptions.manifest(for: dataset) }
            graph = try AnalysisGraph(
                dataset: dataset, projection: projection ?? .persons, filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate()),
                directed: directed)
        }
        let report = try graph.centrality(parameters, top: top)
        try formatOptions.writeManifestFile(manifest)
        switch formatOptions.format {
        case .json: emit(try jsonText(report, manifest: try manifest()))
        case .csv: emit(csv(report))
        case .table: emit(table(report))
        }
    }

    /// One row per actor; the parameters are in the JSON and table output, the CSV stays a plain frame.
    func csv(_ report: CentralityReport) -> String {
        let hits = report.parameters.measure == .hits
        var header = ["rank", "id", "name", "kind", "holder_not_named", report.parameters.measure.rawValue]
        if hits { header[5] = "authority"; header.append("hub") }
        return formatOptions.csv(header: header, rows: report.scores.map { score in
            var row = [String(score.rank), score.id, score.name, score.kind?.rawValue ?? "", score.holderNotNamed ? "true" : "false",
                       String(score.value)]
            if hits { row.append(score.hub.map { String($0) } ?? "") }
            return row
        }, numericColumns: [0, 5, 6])
    }

    func table(_ report: CentralityReport) -> String {
        let p = report.parameters, g = report.graph
        var graphLine: String
        if g.origin.source == .edgelist {
            graphLine = "edge list \(g.origin.file ?? "")"
        } else {
            let projection = g.origin.projection
            graphLine = projection == .full ? "typed graph (projection full)" : "who meets whom among \(projection?.rawValue ?? "")"
            if let filter = g.origin.filter { graphLine += " — " + describe(filter) }
        }
        graphLine += " — \(g.vertices) vertices, \(g.edges) edges, \(g.directed ? "directed" : "undirected")"
        var settings = ["normalized: " + (p.normalized.map { $0 ? "yes" : "no" } ?? "n/a") + " (\(p.normalization))",
                        "weights: \(p.weights.rawValue) — \(p.weightsMeaning)"]
        var extra: [String] = []
        if let endpoints = p.endpoints { extra.append("endpoints: \(endpoints ? "yes" : "no")") }
        if let samples = p.samples { extra.append("samples: \(samples), seed \(p.seed ?? 0)") }
        if let damping = p.damping { extra.append("damping: \(damping)") }
        if let alpha = p.alpha { extra.append("alpha: \(alpha)") }
        if let tolerance = p.tolerance { extra.append("tolerance: \(tolerance)") }
        if let maxIterations = p.maxIterations { extra.append("max iterations: \(maxIterations)") }
        extra.append("threads: \(p.threads)")
        settings.append(extra.joined(separator: ", "))
        let titles: [CentralityMeasure: String] = [.pagerank: "PageRank", .hits: "HITS hub and authority", .katz: "Katz"]
        var lines = ["\(titles[p.measure] ?? p.measure.rawValue.capitalized) centrality — \(graphLine)"] + settings.map { "  " + $0 }
        lines.append("")
        if report.scores.isEmpty {
            lines.append("No vertices.")
            return lines.joined(separator: "\n")
        }
        let hits = p.measure == .hits
        var header = ["#", "actor", "id", hits ? "authority" : p.measure.rawValue]
        if hits { header.append("hub") }
        lines.append(tableText(header: header, rows: report.scores.map { score in
            let label = score.holderNotNamed ? score.name + " — holder not named" : score.name
            var row = [String(score.rank), label, score.id, number(score.value)]
            if hits { row.append(score.hub.map(number) ?? "") }
            return row
        }))
        return lines.joined(separator: "\n")
    }

    /// Long form: one row per slice and actor; `inferred` is empty for the typed graph.
    func csv(_ trajectory: CentralityTrajectory) -> String {
        let hits = trajectory.parameters?.measure == .hits
        var header = ["period", "from", "to", "rank", "id", "name", "kind", "holder_not_named", measure.rawValue]
        if hits { header[8] = "authority"; header.append("hub") }
        header.append("inferred")
        var rows: [[String]] = []
        for slice in trajectory.slices {
            for score in slice.scores {
                var row = [slice.period.label, slice.from.description, slice.to.description, String(score.rank), score.id, score.name,
                           score.kind?.rawValue ?? "", score.holderNotNamed ? "true" : "false", String(score.value)]
                if hits { row.append(score.hub.map { String($0) } ?? "") }
                row.append(score.inferred.map { $0 ? "true" : "false" } ?? "")
                rows.append(row)
            }
        }
        let numeric: Set<Int> = hits ? [3, 8, 9] : [3, 8]
        return formatOptions.csv(header: header, rows: rows, numericColumns: numeric)
    }

    func table(_ trajectory: CentralityTrajectory) -> String {
        let titles: [CentralityMeasure: String] = [.pagerank: "PageRank", .hits: "HITS hub and authority", .katz: "Katz"]
        let slicing = trajectory.window.map { "sliding \($0) window ending with each \(trajectory.unit.rawValue)" } ?? "each \(trajectory.unit.rawValue) alone"
        var lines = ["\(titles[measure] ?? measure.rawValue.capitalized) centrality by \(trajectory.unit.rawValue) — who meets whom among "
                     + "\(trajectory.projection.rawValue) — \(slicing) — \(describe(trajectory.filter))"]
        if let p = trajectory.parameters {
            lines.append("  normalized: " + (p.normalized.map { $0 ? "yes" : "no" } ?? "n/a") + " (\(p.normalization)); weights: \(p.weights.rawValue) — \(p.weightsMeaning)")
        }
        lines.append("")
        let hits = measure == .hits
        var rows: [[String]] = []
        var anyInferred = false
        for slice in trajectory.slices {
            if slice.scores.isEmpty {
                rows.append([slice.period.label, "", "(no actors)", "", "", ""])
                continue
            }
            for score in slice.scores {
                let label = score.holderNotNamed ? score.name + " — holder not named" : score.name
                if score.inferred == true { anyInferred = true }
                var row = [slice.period.label, String(score.rank), label + (score.inferred == true ? " (inferred)" : ""), score.id, number(score.value)]
                if hits { row.append(score.hub.map(number) ?? "") }
                row.append("\(slice.vertices)/\(slice.edges)")
                rows.append(row)
            }
        }
        var header = [trajectory.unit.rawValue, "#", "actor", "id", hits ? "authority" : measure.rawValue]
        if hits { header.append("hub") }
        header.append("vertices/edges")
        lines.append(tableText(header: header, rows: rows))
        if anyInferred {
            lines.append("")
            lines.append("(inferred): some of the actor's edges in that slice rest on a holding inferred to continue (no later holder known), not stated.")
        }
        return lines.joined(separator: "\n")
    }

    /// Six significant digits for reading; JSON and CSV keep full precision.
    func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == 0 { return "0" }
        return String(format: "%.6g", value)
    }
}

/// The measure and its settings, shared by `centrality` and `chart trajectory`.
struct CentralityOptions: ParsableArguments {
    @Option(name: .long, help: "The measure: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: vocabulary("--measure"))
    var measure: CentralityMeasure

    @Option(name: .long, help: "The dataset graph: full, persons, organs, parties or countries (default: persons).",
            transform: vocabulary("--projection"))
    var projection: GraphProjection?

    @Option(name: .long, help: "Read this edge list instead of a dataset: one 'u v' or 'u v w' line per edge, # comments.",
            completion: .file())
    var edgelist: String?

    @Flag(name: .long, help: "Treat edges as directed (--edgelist and --projection full).")
    var directed = false

    @Flag(name: .long, help: "Read the third column of the edge list as the edge weight.")
    var weighted = false

    @Option(name: .long, help: "How weights are read: none, strength or distance (default: strength on a dataset, none on an edge list).",
            transform: vocabulary("--weights"))
    var weights: WeightMeaning?

    @Flag(inversion: .prefixedNo, help: "Normalise (degree, betweenness, harmonic, katz, hits; default: as NetworkX).")
    var normalized: Bool?

    @Flag(name: .long, help: "Betweenness: count the endpoints of each path.")
    var endpoints = false

    @Option(name: .long, parsing: .unconditional, help: "PageRank damping factor (NetworkX alpha; default 0.85).")
    var damping: Double?

    @Option(name: .long, parsing: .unconditional, help: "Katz attenuation factor (default 0.1).")
    var alpha: Double?

    @Option(name: .long, parsing: .unconditional, help: "Convergence tolerance of eigenvector, pagerank, katz and hits.")
    var tolerance: Double?

    @Option(name: .long, parsing: .unconditional, help: "Iteration limit of eigenvector, pagerank, katz and hits.")
    var maxIterations: Int?

    @Option(name: .long, parsing: .unconditional, help: "Betweenness: estimate from this many sampled source vertices.")
    var samples: Int?

    @Option(name: .long, parsing: .unconditional, help: "Seed of the --samples draw (default 0).")
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: "Show only the first N actors.")
    var top: Int?

    @Option(name: .long, parsing: .unconditional, help: "Worker threads for betweenness, closeness and harmonic (default: every core).")
    var threads: Int?

    @Option(name: .long, help: "One run per period: year, quarter or month (a trajectory in long form: period, actor, value, rank).",
            transform: vocabulary("--by"))
    var by: PeriodUnit?

    @Option(name: .long, help: "With --by: each slice covers this window ending with its period (2y, 3q, 18m) instead of the period alone.")
    var window: String?

    var parameters: CentralityParameters {
        CentralityParameters(
            measure: measure, weights: weights ?? (edgelist == nil ? .strength : .none), normalized: normalized,
            endpoints: endpoints, damping: damping, alpha: alpha, tolerance: tolerance, maxIterations: maxIterations,
            samples: samples, seed: seed ?? 0, threads: threads)
    }
}
