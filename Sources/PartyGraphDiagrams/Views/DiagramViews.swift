import PartyGraph

/// The diagrams PartyGraph draws of a dataset, as ``Diagram`` values ready
/// for ``GraphvizRenderer``.
///
/// Every view uses the ``VisualLanguage``: shape by node kind, one colour per
/// party carried through its organs, offices and leaders, nested boxes for
/// party ⊃ organ ⊃ sub-organ (and a dashed box per country's state bodies),
/// meetings between the boxes with hosts on the left and guests on the right,
/// dates and status on meetings, a legend of the styles used, a title with
/// dataset, window and sources, and the evidence quotes as tooltips.
///
/// A view shows meetings that overlap the window and relationships valid in
/// it (open validity bounds count as unknown, so they overlap). Equal inputs
/// give equal diagrams.
public enum DiagramViews {
    /// The structure of the trilateral summits in the window: every
    /// trilateral summit, the series it is part of with its other meetings,
    /// the meetings held in parallel (state visits), their participants,
    /// hosts and inviters, who led each delegation, and the parties with
    /// their organs, offices and leaders. A node that no line reaches is left out.
    ///
    /// - Throws: ``DiagramError/noTrilateralSummit(window:)`` when no
    ///   trilateral summit falls in the window.
    public static func trilateral(dataset: Dataset, window: DateSpan = .unbounded, place: PlaceScope? = nil) throws(DiagramError) -> Diagram {
        var selection = ViewSelection(dataset: dataset, window: window, place: place)
        let summits = dataset.meetings.filter { $0.meeting?.kind == .trilateralSummit && selection.isInWindow($0.id) }.map(\.id)
        guard !summits.isEmpty else {
            throw .noTrilateralSummit(window: window)
        }
        var meetings = Set(summits)
        // The series they belong to, its other parts, and what runs in parallel.
        for summit in summits {
            for relationship in dataset.relationships(from: summit) where relationship.relation == .partOf && selection.isInWindow(relationship) {
                meetings.insert(relationship.to)
                for part in dataset.relationships(to: relationship.to) where part.relation == .partOf && selection.isInWindow(part) {
                    meetings.insert(part.from)
                }
            }
        }
        for meeting in meetings.sorted() {
            for relationship in dataset.relationships(from: meeting) + dataset.relationships(to: meeting)
            where relationship.relation == .parallelWith && selection.isInWindow(relationship) {
                meetings.insert(relationship.from)
                meetings.insert(relationship.to)
            }
        }
        for meeting in meetings.sorted() {
            selection.insert(meeting)
            selection.insertActors(of: meeting)
        }
        selection.insertContext()
        return DiagramComposer.composeConnected(selection, viewTitle: "Trilateral summits: who meets whom, as which organ, hosted and invited by whom")
    }

    /// Everything within `depth` steps of a node over the relationships of the
    /// window (either direction; a `led_by` links the leader and the body led),
    /// and the meetings each reached node attends by the who-met rule
    /// (``/PartyGraph/Dataset/attendances(of:filter:)``): directly, through a
    /// body it leads (`led_by`) or through an office it holds on the meeting's
    /// dates, one step away, with the body or office it attends through.
    ///
    /// The centre's attendances by delegation and by office are drawn as
    /// ``EdgeKind/attends`` lines labelled by how ("via delegation (leads …)",
    /// "via office (…)"); direct ones are its `participant-in` lines. A node
    /// that no line reaches is left out, except the centre.
    ///
    /// - Throws: ``DiagramError/unknownNode(_:)`` when the node is not in the
    ///   dataset, ``DiagramError/negativeDepth(_:)``, or
    ///   ``DiagramError/outsideWindow(_:name:dates:window:)`` for a meeting
    ///   outside the window.
    ///
    /// - Complexity: grows with the neighbourhood drawn (its nodes and their relationships), not with the dataset:
    ///   the dataset is read through its indexes only (some built once per dataset, on first use).
    public static func ego(
        dataset: Dataset, center: NodeID, depth: Int = 2, window: DateSpan = .unbounded, place: PlaceScope? = nil
    ) throws(DiagramError) -> Diagram {
        try ego(dataset: dataset, center: center, depth: depth, window: window, place: place, work: ViewWork())
    }

    /// ``ego(dataset:center:depth:window:place:)``, counting the records read in `work`.
    static func ego(
        dataset: Dataset, center: NodeID, depth: Int, window: DateSpan, place: PlaceScope?, work: ViewWork
    ) throws(DiagramError) -> Diagram {
        guard let entity = dataset.entity(center) else { throw .unknownNode(center) }
        guard depth >= 0 else { throw .negativeDepth(depth) }
        var selection = ViewSelection(dataset: dataset, window: window, place: place, work: work)
        guard selection.isInWindow(center) else {
            throw .outsideWindow(center, name: entity.name, dates: nil, window: window)
        }
        selection.insertNeighbourhood(of: center, depth: depth)
        return DiagramComposer.composeConnected(
            selection, viewTitle: "Around \(entity.name) (depth \(depth))", centre: center, keeping: [center])
    }

    /// One meeting: its participants, hosts and inviters, who led each
    /// delegation, what each represented, the meetings it is part of, its
    /// parts and what is held in parallel, with the parties' structure.
    /// A node that no line reaches is left out, except the meeting.
    ///
    /// - Throws: ``DiagramError/unknownNode(_:)`` when the node is not in the
    ///   dataset, ``DiagramError/notAMeeting(_:name:kind:)``, or
    ///   ``DiagramError/outsideWindow(_:name:dates:window:)``.
    public static func meeting(dataset: Dataset, meeting id: NodeID, window: DateSpan = .unbounded, place: PlaceScope? = nil) throws(DiagramError) -> Diagram {
        guard let entity = dataset.entity(id) else { throw .unknownNode(id) }
        guard let details = entity.meeting else { throw .notAMeeting(id, name: entity.name, kind: entity.kind) }
        guard details.date.overlaps(window) else {
            throw .outsideWindow(id, name: entity.name, dates: details.date, window: window)
        }
        var selection = ViewSelection(dataset: dataset, window: window, place: place)
        selection.insertAlways(id)
        selection.insertActors(of: id)
        for related in selection.relatedMeetings(of: id) {
            selection.insert(related)
            // The parts of a meeting are drawn with their participants too.
            if dataset.relationships(from: related).contains(where: { $0.relation == .partOf && $0.to == id }) {
                selection.insertActors(of: related)
            }
        }
        selection.insertContext()
        return DiagramComposer.composeConnected(selection, viewTitle: "\(entity.name): participants, hosts and leaders", keeping: [id])
    }

    /// The whole dataset: every node (meetings in the window) and every
    /// relationship valid in the window.
    public static func all(dataset: Dataset, window: DateSpan = .unbounded, place: PlaceScope? = nil) -> Diagram {
        var selection = ViewSelection(dataset: dataset, window: window, place: place)
        for entity in dataset.entities { selection.insert(entity.id) }
        return DiagramComposer(selection: selection, viewTitle: "All nodes and relationships").compose()
    }
}

/// A view chosen by name, as the `partygraph render` command does.
public enum DiagramView: Sendable, Hashable {
    /// ``DiagramViews/trilateral(dataset:window:place:)``.
    case trilateral
    /// ``DiagramViews/ego(dataset:center:depth:window:place:)``.
    case ego(NodeID, depth: Int)
    /// ``DiagramViews/meeting(dataset:meeting:window:place:)``.
    case meeting(NodeID)
    /// ``DiagramViews/all(dataset:window:place:)``.
    case all
    /// ``DiagramViews/coMeeting(dataset:level:window:maxActors:place:)``.
    case coMeeting(EncounterLevel, maxActors: Int)

    /// Builds the view's diagram of what is dated in `window` (all dates by default).
    ///
    /// With a `place`, only meetings held there are drawn (the meeting of a meeting view always is).
    public func diagram(dataset: Dataset, window: DateSpan = .unbounded, place: PlaceScope? = nil) throws(DiagramError) -> Diagram {
        switch self {
        case .trilateral: return try DiagramViews.trilateral(dataset: dataset, window: window, place: place)
        case .ego(let center, let depth): return try DiagramViews.ego(dataset: dataset, center: center, depth: depth, window: window, place: place)
        case .meeting(let id): return try DiagramViews.meeting(dataset: dataset, meeting: id, window: window, place: place)
        case .all: return DiagramViews.all(dataset: dataset, window: window, place: place)
        case .coMeeting(let level, let maxActors):
            return try DiagramViews.coMeeting(dataset: dataset, level: level, window: window, maxActors: maxActors, place: place)
        }
    }

    /// The default output file, relative to the working folder:
    /// `output/trilateral.svg`, `output/ego-hun-sen.png`,
    /// `output/meeting-2026-02-trilateral-summit.pdf`, `output/all.svg`, `output/who-meets-whom-party.svg`.
    public func defaultOutputPath(format: OutputFormat) -> String {
        let stem: String
        switch self {
        case .trilateral: stem = "trilateral"
        case .ego(let id, _): stem = "ego-" + id.rawValue.drop(while: { $0 != "/" }).dropFirst()
        case .meeting(let id): stem = "meeting-" + id.rawValue.drop(while: { $0 != "/" }).dropFirst()
        case .all: stem = "all"
        case .coMeeting(let level, _): stem = "who-meets-whom-\(level.rawValue)"
        }
        return "output/\(stem).\(format.fileExtension)"
    }
}
