import Foundation
import GraphAlgorithms

/// A centrality measure of `partygraph centrality`, each computed by `GraphAlgorithms` as NetworkX does.
public enum CentralityMeasure: String, CaseIterable, Codable, Sendable {
    case degree, betweenness, closeness, harmonic, eigenvector, pagerank, katz, hits

    /// Whether the measure follows shortest paths (so a weight must be read as a length).
    public var isPathBased: Bool { self == .betweenness || self == .closeness || self == .harmonic }
}

/// How stored edge weights are read.
///
/// On a dataset graph the weight is a count of shared meetings (or of relationships): a **strength**, where more is a
/// stronger tie. Spectral measures (eigenvector, PageRank, Katz, HITS) and degree use a strength as it is. Path
/// measures need a length, so a strength `w` becomes the distance `1/w`: a pair that met twice is half as far apart as
/// a pair that met once, and a path through two twice-met ties (½ + ½) ties with one once-met edge.
public enum WeightMeaning: String, CaseIterable, Codable, Sendable {
    /// Ignore weights: every edge counts 1 (hop counts for path measures).
    case none
    /// Weights are tie strengths; path measures use `1/w` as the length.
    case strength
    /// Weights are lengths (NetworkX `weight=` for path measures); path measures only.
    case distance
}

/// A parameter of a centrality run, named in ``PartyGraphError`` when its value is wrong or does not apply.
public enum CentralityParameter: String, CaseIterable, Sendable, Hashable {
    /// ``CentralityParameters/normalized``.
    case normalized
    /// ``CentralityParameters/endpoints``.
    case endpoints
    /// ``CentralityParameters/samples`` (GraphAlgorithms' `k`).
    case samples
    /// ``CentralityParameters/seed``.
    case seed
    /// ``CentralityParameters/damping``.
    case damping
    /// ``CentralityParameters/alpha``.
    case alpha
    /// ``CentralityParameters/tolerance``.
    case tolerance
    /// ``CentralityParameters/maxIterations``.
    case maxIterations
    /// ``CentralityParameters/threads``.
    case threads
    /// The `top` cut of ``AnalysisGraph/centrality(_:top:)``.
    case top

    /// The parameter in words, for messages: `the damping factor`.
    public var noun: String {
        switch self {
        case .normalized: return "normalisation"
        case .endpoints: return "counting endpoints"
        case .samples: return "the number of sampled sources"
        case .seed: return "the sampling seed"
        case .damping: return "the damping factor"
        case .alpha: return "the attenuation factor alpha"
        case .tolerance: return "the tolerance"
        case .maxIterations: return "the iteration limit"
        case .threads: return "the number of threads"
        case .top: return "the number of top scores"
        }
    }
}

/// The parameters of a centrality run. `nil` means the measure's default (NetworkX's).
public struct CentralityParameters: Hashable, Sendable {
    /// The measure to compute.
    public var measure: CentralityMeasure
    /// How stored edge weights are read (default ``WeightMeaning/none``).
    public var weights: WeightMeaning
    /// Degree, betweenness, harmonic, Katz and HITS; see ``CentralityReport/Parameters/normalization``.
    public var normalized: Bool?
    /// Betweenness only: count path endpoints.
    public var endpoints: Bool
    /// PageRank damping factor (NetworkX `alpha`, default 0.85).
    public var damping: Double?
    /// Katz attenuation factor α (default 0.1).
    public var alpha: Double?
    /// Iterative measures' convergence tolerance.
    public var tolerance: Double?
    /// Iterative measures' iteration limit.
    public var maxIterations: Int?
    /// Betweenness only: the number of sampled sources `k`.
    public var samples: Int?
    /// Seed of the source sample.
    public var seed: UInt64
    /// Worker threads for betweenness, closeness and harmonic; `nil` for every active core.
    public var threads: Int?

    /// Creates parameters; `nil` options take the measure's default.
    public init(
        measure: CentralityMeasure, weights: WeightMeaning = .none, normalized: Bool? = nil, endpoints: Bool = false,
        damping: Double? = nil, alpha: Double? = nil, tolerance: Double? = nil, maxIterations: Int? = nil,
        samples: Int? = nil, seed: UInt64 = 0, threads: Int? = nil
    ) {
        self.measure = measure
        self.weights = weights
        self.normalized = normalized
        self.endpoints = endpoints
        self.damping = damping
        self.alpha = alpha
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.samples = samples
        self.seed = seed
        self.threads = threads
    }

    /// Rejects parameters that do not apply to the measure, so a given parameter is never silently ignored.
    /// - Throws: ``PartyGraphError/parameterNotApplicable(_:measure:appliesTo:)`` naming the parameter and the
    ///   measures it applies to, ``PartyGraphError/distanceWeightsNeedPathMeasure(_:)``, or
    ///   ``PartyGraphError/parameterOutOfRange(_:value:accepted:)`` for a value outside its domain.
    public func validate() throws(PartyGraphError) {
        func only(_ given: Bool, _ parameter: CentralityParameter, _ measures: [CentralityMeasure]) throws(PartyGraphError) {
            if given && !measures.contains(measure) {
                throw .parameterNotApplicable(parameter, measure: measure, appliesTo: measures)
            }
        }
        try only(normalized != nil, .normalized, [.degree, .betweenness, .harmonic, .katz, .hits])
        try only(endpoints, .endpoints, [.betweenness])
        try only(samples != nil, .samples, [.betweenness])
        try only(damping != nil, .damping, [.pagerank])
        try only(alpha != nil, .alpha, [.katz])
        try only(tolerance != nil, .tolerance, [.eigenvector, .pagerank, .katz, .hits])
        try only(maxIterations != nil, .maxIterations, [.eigenvector, .pagerank, .katz, .hits])
        if weights == .distance && !measure.isPathBased { throw .distanceWeightsNeedPathMeasure(measure) }
        if let samples, samples < 1 { throw .parameterOutOfRange(.samples, value: String(samples), accepted: "must be at least 1") }
        if let threads, threads < 1 { throw .parameterOutOfRange(.threads, value: String(threads), accepted: "must be at least 1") }
        if let maxIterations, maxIterations < 1 {
            throw .parameterOutOfRange(.maxIterations, value: String(maxIterations), accepted: "must be at least 1")
        }
        if let tolerance, !(tolerance > 0 && tolerance.isFinite) {
            throw .parameterOutOfRange(.tolerance, value: String(tolerance), accepted: "must be a positive number")
        }
        if let damping, !(damping >= 0 && damping <= 1) {
            throw .parameterOutOfRange(.damping, value: String(damping), accepted: "must be in [0, 1]")
        }
        if let alpha, !(alpha > 0 && alpha.isFinite) {
            throw .parameterOutOfRange(.alpha, value: String(alpha), accepted: "must be a positive number")
        }
    }
}

/// The result of a centrality run: every parameter that shaped the numbers, the graph, and one score per vertex.
public struct CentralityReport: Codable, Hashable, Sendable {
    /// The parameters as used, defaults filled in; `nil` where a parameter does not apply to the measure.
    public struct Parameters: Codable, Hashable, Sendable {
        /// The measure computed.
        public var measure: CentralityMeasure
        /// Whether the values are normalised; `nil` when the measure has no such choice (its scale is fixed).
        public var normalized: Bool?
        /// How the values are scaled, in words.
        public var normalization: String
        public var weights: WeightMeaning
        /// What the weights mean for this measure, in words (`length = 1 / shared meetings`).
        public var weightsMeaning: String
        /// Betweenness only: whether path endpoints were counted.
        public var endpoints: Bool?
        /// PageRank only: the damping factor used.
        public var damping: Double?
        /// Katz only: the attenuation factor α used.
        public var alpha: Double?
        /// Iterative measures only: the convergence tolerance used.
        public var tolerance: Double?
        /// Iterative measures only: the iteration limit used.
        public var maxIterations: Int?
        /// Sampled sources `k` for betweenness; `nil` when exact.
        public var samples: Int?
        /// The seed of the source sample, when betweenness was sampled.
        public var seed: UInt64?
        /// Worker threads used (1 for the sequential measures).
        public var threads: Int
    }

    /// The graph the measure ran on.
    public struct GraphSummary: Codable, Hashable, Sendable {
        /// Where the graph came from.
        public var origin: AnalysisGraph.Origin
        /// Whether edges were read as directed.
        public var directed: Bool
        /// The number of vertices.
        public var vertices: Int
        /// The number of edges.
        public var edges: Int
    }

    /// One vertex's value.
    public struct Score: Codable, Hashable, Sendable {
        /// 1 for the highest value; equal values share a rank (1, 2, 2, 4).
        public var rank: Int
        /// The vertex's node id, or its integer id for an edge list.
        public var id: String
        /// The vertex's display name.
        public var name: String
        /// The node's kind; `nil` for edge-list vertices.
        public var kind: NodeKind?
        /// `true` for an office standing in for a person the sources do not name.
        public var holderNotNamed: Bool
        /// The centrality (for HITS the authority score).
        public var value: Double
        /// HITS only: the hub score.
        public var hub: Double?
    }

    /// The parameters as used.
    public var parameters: Parameters
    /// The graph the measure ran on.
    public var graph: GraphSummary
    /// Highest value first, then by name and id; cut to `top` when asked.
    public var scores: [Score]
}

extension AnalysisGraph {
    /// Computes a centrality measure on the graph.
    ///
    /// Values agree with NetworkX's function of the same name on the same graph (`degree_centrality`,
    /// `betweenness_centrality`, `closeness_centrality`, `harmonic_centrality`, `eigenvector_centrality`,
    /// `pagerank`, `katz_centrality`, `hits`), with the weight passed as ``WeightMeaning`` says; except that
    /// `normalized` on harmonic divides by `n − 1`, and degree with strengths sums the weights (NetworkX ignores them).
    ///
    /// - Parameters:
    ///   - parameters: the measure and its options (validated here).
    ///   - top: keep only the first `top` scores (ties at the cut are dropped with the rest).
    /// - Throws: what ``CentralityParameters/validate()`` throws; ``PartyGraphError/parameterOutOfRange(_:value:accepted:)``
    ///   for `top` below 1 or a parameter the algorithm rejects (more samples than vertices);
    ///   ``PartyGraphError/graphHasNoWeights(_:)``; ``PartyGraphError/notConverged(algorithm:iterations:tolerance:)``;
    ///   ``PartyGraphError/unusableWeight(file:source:target:value:)`` for a weight that cannot be used (negative,
    ///   zero strength on a path measure).
    /// - Complexity: that of the measure in `GraphAlgorithms`, plus O(n log n) to rank.
    public func centrality(_ parameters: CentralityParameters, top: Int? = nil) throws(PartyGraphError) -> CentralityReport {
        try parameters.validate()
        if let top, top < 1 { throw .parameterOutOfRange(.top, value: String(top), accepted: "must be at least 1") }
        if parameters.weights != .none && !graph.isWeighted { throw .graphHasNoWeights(parameters.weights) }
        let measure = parameters.measure
        let threads = parameters.threads ?? ProcessInfo.processInfo.activeProcessorCount
        var values: [Double]
        var hubs: [Double]?
        var normalized: Bool? = parameters.normalized
        let normalization: String
        var tolerance: Double?, maxIterations: Int?, damping: Double?, alpha: Double?
        do {
            switch measure {
            case .degree:
                let isNormalized = normalized ?? true
                normalized = isNormalized
                let n = graph.vertexCount
                let raw = parameters.weights == .strength ? graph.strengths() : graph.degrees().map(Double.init)
                values = isNormalized && n > 1 ? raw.map { $0 / Double(n - 1) } : raw
                normalization = (parameters.weights == .strength ? "sum of edge strengths" : "number of edges")
                    + (graph.isDirected ? " in and out" : "") + (isNormalized ? ", divided by n − 1" : ", not scaled")
            case .betweenness:
                let isNormalized = normalized ?? true
                normalized = isNormalized
                let (pathGraph, distances) = try pathGraph(parameters.weights)
                values = try pathGraph.betweennessCentrality(
                    normalized: isNormalized, endpoints: parameters.endpoints, distances: distances,
                    k: parameters.samples, seed: parameters.seed, threads: threads)
                let half = graph.isDirected ? "" : "/2"
                normalization = isNormalized
                    ? "divided by " + (parameters.endpoints ? "n(n − 1)" : "(n − 1)(n − 2)") + half + ", the number of pairs (NetworkX normalized=True)"
                    : "sums over " + (graph.isDirected ? "ordered" : "unordered") + " pairs, not scaled (NetworkX normalized=False)"
            case .closeness:
                let (pathGraph, distances) = try pathGraph(parameters.weights)
                values = try pathGraph.closenessCentrality(distances: distances, wfImproved: true, threads: threads)
                normalization = "(r − 1) / Σ distances to the vertex, times (r − 1)/(n − 1) where r counts the vertices that reach it (Wasserman–Faust; NetworkX wf_improved=True)"
            case .harmonic:
                let isNormalized = normalized ?? false
                normalized = isNormalized
                let (pathGraph, distances) = try pathGraph(parameters.weights)
                values = try pathGraph.harmonicCentrality(distances: distances, threads: threads)
                let n = graph.vertexCount
                if isNormalized && n > 1 { values = values.map { $0 / Double(n - 1) } }
                normalization = "Σ 1/distance to the vertex" + (isNormalized ? ", divided by n − 1" : ", not scaled (NetworkX)")
            case .eigenvector:
                tolerance = parameters.tolerance ?? 1e-6
                maxIterations = parameters.maxIterations ?? 100
                values = try graph.eigenvectorCentrality(
                    strengths: strengths(parameters.weights), maxIterations: maxIterations!, tolerance: tolerance!)
                normalization = "Euclidean norm 1"
            case .pagerank:
                tolerance = parameters.tolerance ?? 1e-6
                maxIterations = parameters.maxIterations ?? 100
                damping = parameters.damping ?? 0.85
                values = try graph.pageRank(
                    damping: damping!, strengths: strengths(parameters.weights), tolerance: tolerance!, maxIterations: maxIterations!)
                normalization = "sums to 1"
            case .katz:
                let isNormalized = normalized ?? true
                normalized = isNormalized
                tolerance = parameters.tolerance ?? 1e-6
                maxIterations = parameters.maxIterations ?? 1000
                alpha = parameters.alpha ?? 0.1
                values = try graph.katzCentrality(
                    alpha: alpha!, beta: 1, strengths: strengths(parameters.weights), maxIterations: maxIterations!,
                    tolerance: tolerance!, normalized: isNormalized)
                normalization = "β = 1; " + (isNormalized ? "Euclidean norm 1" : "not scaled")
            case .hits:
                let isNormalized = normalized ?? true
                normalized = isNormalized
                tolerance = parameters.tolerance ?? 1e-10
                maxIterations = parameters.maxIterations ?? 1000
                let result = try graph.hits(
                    strengths: strengths(parameters.weights), maxIterations: maxIterations!, tolerance: tolerance!,
                    normalized: isNormalized)
                values = result.authorities
                hubs = result.hubs
                normalization = "value = authority, hub beside it; " + (isNormalized ? "each vector sums to 1" : "each vector's maximum is 1")
            }
        } catch let error as GraphError {
            throw PartyGraphError(error, file: origin.file)
        } catch let error as PartyGraphError {
            throw error
        } catch {
            // GraphError is the single error type of GraphAlgorithms; anything else is a defect.
            preconditionFailure("GraphAlgorithms threw a non-GraphError: \(error)")
        }

        let parallel = measure.isPathBased
        let used = CentralityReport.Parameters(
            measure: measure, normalized: normalized, normalization: normalization,
            weights: parameters.weights, weightsMeaning: weightsMeaning(parameters.weights, measure: measure),
            endpoints: measure == .betweenness ? parameters.endpoints : nil,
            damping: damping, alpha: alpha, tolerance: tolerance, maxIterations: maxIterations,
            samples: measure == .betweenness ? parameters.samples : nil,
            seed: measure == .betweenness && parameters.samples != nil ? parameters.seed : nil,
            threads: parallel ? threads : 1)
        var order = Array(vertices.indices)
        order.sort { a, b in
            if values[a] != values[b] { return values[a] > values[b] }
            if vertices[a].name != vertices[b].name { return vertices[a].name < vertices[b].name }
            return vertices[a].id < vertices[b].id
        }
        var scores: [CentralityReport.Score] = []
        scores.reserveCapacity(order.count)
        for (position, v) in order.enumerated() {
            let rank = position > 0 && values[order[position - 1]] == values[v] ? scores[position - 1].rank : position + 1
            let vertex = vertices[v]
            scores.append(CentralityReport.Score(
                rank: rank, id: vertex.id, name: vertex.name, kind: vertex.kind, holderNotNamed: vertex.holderNotNamed,
                value: values[v], hub: hubs?[v]))
        }
        if let top, top < scores.count { scores.removeSubrange(top...) }
        return CentralityReport(
            parameters: used,
            graph: .init(origin: origin, directed: graph.isDirected, vertices: graph.vertexCount, edges: graph.edgeCount),
            scores: scores)
    }

    /// The graph and distance mode for a path measure: strengths become lengths `1/w`.
    private func pathGraph(_ weights: WeightMeaning) throws -> (CompressedGraph, EdgeDistances) {
        switch weights {
        case .none: return (graph, .unit)
        case .distance: return (graph, .weights)
        case .strength:
            let edges = graph.edges
            var lengths: [Double] = []
            lengths.reserveCapacity(edges.count)
            for edge in edges {
                let w = edge.weight ?? 1
                guard w > 0 && w.isFinite else { throw GraphError.invalidStrength(source: edge.source, target: edge.target, value: w) }
                lengths.append(1 / w)
            }
            let inverted = try CompressedGraph(
                vertexCount: graph.vertexCount, sources: edges.map(\.source), targets: edges.map(\.target),
                weights: lengths, directed: graph.isDirected)
            return (inverted, .weights)
        }
    }

    private func strengths(_ weights: WeightMeaning) -> EdgeStrengths { weights == .strength ? .weights : .unit }

    private func weightsMeaning(_ weights: WeightMeaning, measure: CentralityMeasure) -> String {
        let stored = origin.storedWeights
        switch weights {
        case .none: return "ignored: every edge counts 1" + (measure.isPathBased ? " (hop count)" : "")
        case .strength:
            return measure.isPathBased
                ? "strength, read as length 1/w (w = \(stored))"
                : "strength w = \(stored)"
        case .distance: return "length w = \(stored)"
        }
    }
}
