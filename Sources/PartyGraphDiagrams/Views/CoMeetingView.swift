import PartyGraph

extension DiagramViews {
    /// The most actors ``coMeeting(dataset:level:window:maxActors:place:)`` draws unless told otherwise: beyond it a
    /// drawing is neither readable nor quick to lay out.
    public static let defaultMaxCoMeetingActors = 150

    /// Who meets whom at a level: the ``/PartyGraph/CoMeetingGraph`` drawn. One node per actor taking part in a
    /// meeting of the window (shape by kind, colour by party), one line per pair that shares a meeting, labelled
    /// with the number of meetings and thicker the more they share; tooltips list the shared meetings. An actor
    /// that shares no meeting with another is left out (no node without a line); the title counts it.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - level: the level whose actors are drawn.
    ///   - window: the meetings that count (announced and held ones overlapping it).
    ///   - maxActors: refuse to draw more actors than this.
    ///   - place: when set, only meetings held in the place count.
    /// - Throws: ``DiagramError/tooManyActors(count:limit:level:)`` above `maxActors`.
    public static func coMeeting(
        dataset: Dataset, level: EncounterLevel, window: DateSpan = .unbounded, maxActors: Int = defaultMaxCoMeetingActors,
        place: PlaceScope? = nil
    ) throws(DiagramError) -> Diagram {
        // A DateSpan is ordered by construction, so the filter always builds.
        var filter = (try? QueryFilter(from: window.start, to: window.end)) ?? .all
        if let place, let restricted = try? dataset.restricting(filter, toPlace: place.place) { filter = restricted }
        let graph = dataset.coMeetingGraph(level: level, filter: filter)
        guard graph.actors.count <= maxActors else {
            throw .tooManyActors(count: graph.actors.count, limit: maxActors, level: level)
        }
        let affiliations = Affiliations(dataset: ViewData(dataset))
        let meetingNames = Dictionary(uniqueKeysWithValues: graph.meetings.map { id in
            (id, dataset.entity(id).map { "\($0.name) (\($0.meeting.map { DateText.text($0.date) } ?? "undated"))" } ?? id.rawValue)
        })
        let edges: [DiagramEdge] = (0..<graph.pairCount).map { index in
            let pair = graph.pair(index)
            let first = graph.actors[Int(pair.first)], second = graph.actors[Int(pair.second)]
            let shared = graph.sharedMeetings(ofPair: index).map { meetingNames[$0] ?? $0.rawValue }
            return DiagramEdge(
                from: first.id.rawValue, to: second.id.rawValue, label: String(pair.meetings),
                tooltip: "\(first.label) and \(second.label) share \(pair.meetings) meeting\(pair.meetings == 1 ? "" : "s"): "
                    + shared.joined(separator: "; "),
                style: coMeetingLineStyle(meetings: pair.meetings))
        }
        var usedKinds: [NodeKind] = []
        // An actor that shares no meeting with another would stand without a line: it is left out (the title counts it).
        var paired = Set<Int>()
        for index in 0..<graph.pairCount {
            let pair = graph.pair(index)
            paired.insert(Int(pair.first))
            paired.insert(Int(pair.second))
        }
        var nodes: [DiagramNode] = graph.actors.enumerated().filter { paired.contains($0.offset) }.map { vertex, actor in
            if !usedKinds.contains(actor.kind) { usedKinds.append(actor.kind) }
            let count = graph.meetingCount(of: Int32(vertex))
            return DiagramNode(
                id: actor.id.rawValue, label: Wrap.lines(actor.label, width: 28) + "\n\(count) meeting\(count == 1 ? "" : "s")",
                tooltip: "\(actor.label) — \(actor.kind.rawValue) \(actor.id): takes part in \(count) meeting\(count == 1 ? "" : "s") of the window",
                style: VisualLanguage.nodeStyle(kind: actor.kind, color: affiliations.color(of: actor.id)))
        }
        // The legend: the kinds drawn, what colour and a line mean.
        var legendIDs: [String] = []
        for kind in NodeKind.allCases where usedKinds.contains(kind) {
            let id = "legend:\(kind.rawValue)"
            nodes.append(DiagramNode(id: id, label: kind.rawValue, style: VisualLanguage.nodeStyle(kind: kind, color: VisualLanguage.neutral)))
            legendIDs.append(id)
        }
        nodes.append(DiagramNode(
            id: "legend:note",
            label: "A line: the two actors share N meetings\n(N on the line; thicker: more).\nColour = party of the actor.\nCounted: announced and held meetings.",
            style: DiagramStyle(shape: "plaintext", fontSize: 10, extra: ["margin": "0"])))
        legendIDs.append("legend:note")
        let legend = DiagramCluster(
            id: "legend:cluster", label: "Legend",
            style: DiagramStyle(style: "filled,rounded", color: "#999999", fillColor: "#ffffff", fontColor: "#333333",
                                fontName: VisualLanguage.boldFontName, fontSize: 12),
            nodeIDs: legendIDs)

        var sourceIDs: [String] = []
        for meeting in graph.meetings {
            for record in dataset.entity(meeting)?.evidence ?? [] where !sourceIDs.contains(record.source) { sourceIDs.append(record.source) }
        }
        let sources = sourceIDs.compactMap { dataset.source($0) }.map { "\($0.publisher), \(DateText.text($0.date)) [\($0.id)]" }
        let placeText: String = place.map { " · held in \($0.name)" } ?? ""
        let title = [
            dataset.title,
            "Who meets whom at \(level.rawValue) level: \(graph.actors.count) actors"
                + (paired.count < graph.actors.count ? " (\(graph.actors.count - paired.count) meeting no other, not drawn)" : "")
                + ", \(graph.pairCount) pairs, "
                + "\(graph.meetings.count) meetings · window: \(window == .unbounded ? "all dates" : DateText.text(window))"
                + placeText,
            "Sources: " + (sources.isEmpty ? "none cited" : sources.joined(separator: "; ")),
        ].joined(separator: "\n")
        return Diagram(
            title: title, directed: false,
            graphStyle: GraphStyle(
                fontName: VisualLanguage.boldFontName, fontSize: 16, backgroundColor: "white", splines: "true",
                overlap: "false", nodeSeparation: 0.5, labelLocation: "t", extra: ["pad": "0.3", "labeljust": "l", "sep": "+12", "K": "1.6"]),
            nodeDefaults: DiagramStyle(fontName: VisualLanguage.fontName, fontSize: 11, extra: ["margin": "0.12,0.06"]),
            edgeDefaults: DiagramStyle(fontName: VisualLanguage.fontName, fontSize: 10),
            nodes: nodes, edges: edges, clusters: [legend])
    }

    /// A co-meeting line: grey, 1 pt for one shared meeting, thicker with the logarithm of the count.
    private static func coMeetingLineStyle(meetings: Int) -> DiagramStyle {
        var width = 1.0
        var remaining = meetings
        while remaining > 1 { width += 1; remaining /= 2 }
        return DiagramStyle(color: "#555555", fontColor: "#333333", penWidth: width)
    }
}
