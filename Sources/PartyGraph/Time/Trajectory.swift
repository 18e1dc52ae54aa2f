/// A question for ``Dataset/centralityTrajectory(_:)``: one centrality run per period.
public struct TrajectoryQuery: Hashable, Sendable {
    /// The dataset graph (a meeting projection, or `full`).
    public var projection: GraphProjection
    /// The measure and its options, the same for every slice.
    public var parameters: CentralityParameters
    /// The meetings that count; each slice narrows its window to the slice's.
    public var filter: QueryFilter
    /// The length of the periods.
    public var unit: PeriodUnit
    /// `nil` for tumbling slices (each covers its period); otherwise each slice covers this window ending with its period.
    public var window: PeriodWindow?
    /// Keep only the first `top` scores of each slice.
    public var top: Int?

    /// Creates a question.
    public init(projection: GraphProjection, parameters: CentralityParameters, filter: QueryFilter = .all, unit: PeriodUnit = .year,
                window: PeriodWindow? = nil, top: Int? = nil) {
        self.projection = projection
        self.parameters = parameters
        self.filter = filter
        self.unit = unit
        self.window = window
        self.top = top
    }
}

/// A centrality measure period by period (`partygraph centrality --by year`): one slice per period, in long form.
///
/// Each slice is the centrality of the graph built with the query's filter narrowed to the slice's window — exactly
/// what a run of ``AnalysisGraph/init(dataset:projection:filter:directed:)`` and ``AnalysisGraph/centrality(_:top:)``
/// with that window gives (a meeting counts in every slice its dates overlap, as with any window). Actors are named
/// by their node id in every slice, so a trajectory is followed by id.
public struct CentralityTrajectory: Codable, Hashable, Sendable {
    /// One actor's value in one slice.
    public struct Score: Codable, Hashable, Sendable {
        /// 1 for the highest value in the slice; equal values share a rank.
        public var rank: Int
        /// The node id, the same in every slice.
        public var id: String
        /// The display name.
        public var name: String
        /// The node's kind.
        public var kind: NodeKind?
        /// `true` for an office standing in for a person the sources do not name.
        public var holderNotNamed: Bool
        /// The centrality (for HITS the authority).
        public var value: Double
        /// HITS only: the hub score.
        public var hub: Double?
        /// Meeting projections: whether any of the actor's edges in the slice rests on an inferred holding
        /// (``CoMeetingGraph/edgesRestOnInference()``); `nil` for the typed graph.
        public var inferred: Bool?
    }

    /// One period's run.
    public struct Slice: Codable, Hashable, Sendable {
        /// The period the slice is for.
        public var period: Period
        /// The first date of the slice's window.
        public var from: PartialDate
        /// The last date of the slice's window.
        public var to: PartialDate
        /// The number of vertices of the slice's graph.
        public var vertices: Int
        /// The number of edges of the slice's graph.
        public var edges: Int
        /// Highest value first (as ``CentralityReport/scores``).
        public var scores: [Score]
    }

    /// The parameters as used (the same in every slice); `nil` when no slice had a vertex to compute on.
    public var parameters: CentralityReport.Parameters?
    /// The projection.
    public var projection: GraphProjection
    /// The length of the periods.
    public var unit: PeriodUnit
    /// The sliding window, or `nil` for tumbling slices.
    public var window: PeriodWindow?
    /// The query's window, statuses and kinds (each slice narrows the window).
    public var filter: FilterEcho
    /// One slice per period, from the first to the last period with an admitted meeting (or the window's bounds).
    public var slices: [Slice]
}

extension Dataset {
    /// A centrality measure period by period; see ``CentralityTrajectory``.
    ///
    /// Periods run from the one holding the earliest date of an admitted meeting to the one holding the latest
    /// (or from the filter's `from` to its `to` when given). A slice covers its period (tumbling), or with a window
    /// the `window` months ending with its period's last month (sliding); it never reaches outside the filter's window.
    /// - Throws: what ``CentralityParameters/validate()`` and ``AnalysisGraph/centrality(_:top:)`` throw;
    ///   ``PartyGraphError/windowShorterThanPeriod(_:unit:)``; ``PartyGraphError/projectionIsUndirected(_:)`` never
    ///   (slices are undirected).
    /// - Complexity: one co-meeting graph and one centrality run per period.
    public func centralityTrajectory(_ query: TrajectoryQuery) throws(PartyGraphError) -> CentralityTrajectory {
        try query.parameters.validate()
        if let top = query.top, top < 1 { throw .parameterOutOfRange(.top, value: String(top), accepted: "must be at least 1") }
        if let window = query.window, window.months < query.unit.months { throw .windowShorterThanPeriod(window, unit: query.unit) }
        let filter = query.filter
        var first: Int?, last: Int?
        for meeting in meetings {
            guard let details = meeting.meeting, filter.admits(details, id: meeting.id) else { continue }
            if let day = details.date.firstDay { first = min(first ?? day, day) }
            if let day = details.date.end?.lastDay ?? details.date.start?.lastDay { last = max(last ?? day, day) }
        }
        if let from = filter.from { first = from.firstDay }
        if let to = filter.to { last = to.lastDay }
        var slices: [CentralityTrajectory.Slice] = []
        var used: CentralityReport.Parameters?
        // The actors of each meeting depend on the meeting's own dates only: found once, then each slice keeps the
        // meetings its window overlaps (what a filter with the slice's window admits).
        let perMeeting = query.projection.level.map { meetingActors(level: $0, filter: filter) }
        let meetingDates = perMeeting.map { actors in actors.meetings.map { entities[Int($0)].meeting!.date } } ?? []
        if let first, let last, first <= last {
            let lowest = query.unit.period(containingDay: first), highest = query.unit.period(containingDay: last)
            for index in lowest.index...highest.index {
                let period = Period(unit: query.unit, index: index)
                let span = query.window.map { period.window(months: $0.months) } ?? (try! DateSpan(start: period.start, end: period.end))
                // Never outside the query's window: the later start, the earlier end.
                var from = span.start!, to = span.end!
                if let bound = filter.from, bound.firstDay > from.firstDay { from = bound }
                if let bound = filter.to, bound.lastDay < to.lastDay { to = bound }
                var sliceFilter = try QueryFilter(from: from, to: to, at: filter.at, statuses: filter.statuses, meetingKinds: filter.meetingKinds)
                // The same kinds (declared ones included) and place as the query: only the window narrows.
                sliceFilter.meetingKinds = filter.meetingKinds
                sliceFilter.declaredKinds = filter.declaredKinds
                sliceFilter.declaredKindsAdmitted = filter.declaredKindsAdmitted
                sliceFilter.place = filter.place
                sliceFilter.knownAt = filter.knownAt
                let graph: AnalysisGraph
                var inferredByID: [String: Bool]?
                if let level = query.projection.level {
                    let window = sliceFilter.window
                    let coMeeting = CoMeetingGraph(perMeeting: perMeeting!.subset { meetingDates[$0].overlaps(window) },
                                                   dataset: self, level: level, filter: sliceFilter)
                    graph = AnalysisGraph.meetingProjection(coMeeting, projection: query.projection, filter: sliceFilter)
                    let flags = coMeeting.edgesRestOnInference()
                    inferredByID = Dictionary(uniqueKeysWithValues: coMeeting.actors.indices.map { (coMeeting.actors[$0].id.rawValue, flags[$0]) })
                } else {
                    graph = try AnalysisGraph(dataset: self, projection: query.projection, filter: sliceFilter)
                }
                var scores: [CentralityTrajectory.Score] = []
                if graph.graph.vertexCount > 0 {
                    // A slice without edges stores no weights; with no edge to weigh, strengths and no weights give the
                    // same values, so the slice is computed unweighted instead of failing the whole trajectory.
                    var parameters = query.parameters
                    let edgeless = graph.graph.edgeCount == 0 && !graph.graph.isWeighted
                    if edgeless { parameters.weights = .none }
                    let report = try graph.centrality(parameters, top: query.top)
                    if !edgeless || query.parameters.weights == .none { used = used ?? report.parameters }
                    scores = report.scores.map { score in
                        CentralityTrajectory.Score(rank: score.rank, id: score.id, name: score.name, kind: score.kind,
                                                   holderNotNamed: score.holderNotNamed, value: score.value, hub: score.hub,
                                                   inferred: inferredByID.map { $0[score.id] ?? false })
                    }
                }
                slices.append(CentralityTrajectory.Slice(period: period, from: from, to: to, vertices: graph.graph.vertexCount,
                                                         edges: graph.graph.edgeCount, scores: scores))
            }
        }
        return CentralityTrajectory(parameters: used, projection: query.projection, unit: query.unit, window: query.window,
                                    filter: filter.echo, slices: slices)
    }
}
