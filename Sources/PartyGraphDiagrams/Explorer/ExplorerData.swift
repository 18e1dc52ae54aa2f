import Foundation
import PartyGraph

/// What the explorer page embeds as JSON: the dataset's nodes with their name-matching keys and `show` reports,
/// its relationships and sources, each meeting's participants, each actor's who-met rows, and how the diagram's
/// SVG names map to node ids. Field names are short: the 2,000-meeting benchmark dataset embeds every actor.
struct ExplorerData: Encodable {
    struct Window: Encodable {
        var from: String?
        var to: String?
    }

    struct Source: Encodable {
        var id: String
        var title: String
        var publisher: String
        var date: String
        var url: String?
    }

    struct Node: Encodable {
        var id: String
        var name: String
        var kind: String
        /// The matching keys of ``NameResolver``: of the name, the id's slug and each alias.
        var keys: [String]
        /// The word-run keys of ``NameResolver/wordRunKeys(of:)`` (actors only; omitted when empty).
        var runs: [String]?
        /// The `show` report of the node: every fact, date, role, capacity, status and quote.
        var report: NodeReport
        /// For a meeting: its first and last day as ISO dates (`nil` for an open bound).
        var first: String?
        var last: String?
        /// For a meeting: everyone who takes part, as `meetings` lists them.
        var participants: [Participant]?
        /// For the meeting list, before ``report`` is read: the meeting's dates, status and kind.
        var date: String?
        var status: String?
        var mkind: String?

        /// The report and participants go in the details block, read when a node is first opened.
        enum CodingKeys: String, CodingKey { case id, name, kind, keys, runs, first, last, date, status, mkind }
    }

    /// What the panel shows of a node: its report and, for a meeting, its participants.
    struct Details: Encodable {
        var report: NodeReport
        var participants: [Participant]?
    }

    struct Participant: Encodable {
        var id: String
        var label: String
        var kind: String
        var role: String?
        var capacity: String?
        var how: String
    }

    struct Relationship: Encodable {
        var from: Int
        var to: Int
        var relation: String
        var valid: String
        var role: String?
        var capacity: String?
        var ledBy: Int?
        var evidence: [Citation]
    }

    struct Citation: Encodable {
        var source: String
        var quote: String
        var stance: String
    }

    /// One encounter of `who-met`: the fields of its table, with nodes as indices into ``nodes`` so that the
    /// 170,000 rows of the 2,000-meeting benchmark stay small.
    struct WhoMetRow: Encodable {
        /// The meeting.
        var m: Int
        /// The counterpart.
        var c: Int
        /// The counterpart's label when it is not its name (an office whose holder is not named).
        var cl: String?
        /// The counterpart's role, capacity, derivation and participant (its first participation).
        var r: String?
        var cap: Int?
        var d: String
        var p: Int
        /// The actor's derivation and participant (its first participation).
        var ad: String
        var ap: Int
        /// The sources of the evidence, as indices into ``sources``.
        var s: [Int]
    }

    var title: String
    var window: Window
    var sources: [Source]
    var nodes: [Node]
    var relationships: [Relationship]
    /// Who-met rows by node index (actors only), at the actor's own level, as `partygraph who-met` lists them.
    var whoMet: [String: [WhoMetRow]]
    /// Diagram node names (`n0`, `n1`, …) to node indices; `-1` for legend nodes.
    var svgNodes: [Int]
    /// Why no diagram is drawn, when none is.
    var diagramNote: String?

    /// The who-met rows and the details are blocks of their own, parsed when first needed, so that a large
    /// dataset's page is ready sooner.
    enum CodingKeys: String, CodingKey { case title, window, sources, nodes, relationships, svgNodes, diagramNote }

    /// The details of every node, in node order.
    var details: [Details] { nodes.map { Details(report: $0.report, participants: $0.participants) } }
}

extension ExplorerData {
    init(dataset: Dataset, filter: QueryFilter, diagram: Diagram?, diagramNote: String?) {
        let indexByID = Dictionary(uniqueKeysWithValues: dataset.entities.enumerated().map { ($0.element.id, $0.offset) })
        title = dataset.title
        window = Window(from: filter.from?.description, to: filter.to?.description)
        sources = dataset.sources.map {
            Source(id: $0.id, title: $0.title, publisher: $0.publisher, date: $0.date.description, url: $0.url)
        }
        var participants: [NodeID: [Participant]] = [:]
        if let listing = try? dataset.meetings(filter: filter) {
            for item in listing.meetings {
                participants[item.meeting.id] = item.participants.map { participation in
                    let how: String
                    switch participation.derivation {
                    case .direct, .hosting: how = participation.derivation.rawValue
                    case .viaDelegation, .viaOffice: how = "\(participation.derivation.rawValue) (\(participation.participant.name))"
                    }
                    return Participant(
                        id: participation.attendee.id.rawValue, label: participation.attendee.label, kind: participation.attendee.kind.rawValue,
                        role: participation.role?.rawValue, capacity: participation.capacity?.name, how: how)
                }
            }
        }
        nodes = dataset.entities.map { entity in
            return Node(
                id: entity.id.rawValue, name: entity.name, kind: entity.kind.rawValue, keys: NameResolver.matchingKeys(of: entity),
                runs: { let runs = NameResolver.wordRunKeys(of: entity); return runs.isEmpty ? nil : runs }(),
                report: NodeReport(entity: entity, in: dataset),
                first: entity.meeting?.date.start.map(Self.isoFirstDay), last: entity.meeting?.date.end.map(Self.isoLastDay),
                participants: entity.meeting == nil ? nil : participants[entity.id] ?? [],
                date: entity.meeting.map { _ in NodeReport(entity: entity, in: dataset).date ?? "" },
                status: entity.meeting?.status.rawValue, mkind: entity.meeting?.kind.rawValue)
        }
        relationships = dataset.relationships.compactMap { relationship in
            guard let from = indexByID[relationship.from], let to = indexByID[relationship.to] else { return nil }
            return Relationship(
                from: from, to: to, relation: relationship.relation.rawValue, valid: DateText.text(relationship.valid),
                role: relationship.role?.rawValue, capacity: relationship.capacity.map { dataset.name(of: $0) },
                ledBy: relationship.ledBy.flatMap { indexByID[$0] },
                evidence: relationship.evidence.map { Citation(source: $0.source, quote: $0.quote, stance: $0.stance.rawValue) })
        }
        let sourceIndex = Dictionary(dataset.sources.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var whoMet: [String: [WhoMetRow]] = [:]
        for (index, entity) in dataset.entities.enumerated() where entity.kind != .meeting {
            guard let report = try? dataset.encounters(EncounterQuery(actor: entity.id, filter: filter)) else { continue }
            whoMet[String(index)] = report.encounters.compactMap { encounter in
                let counterpart = encounter.counterpart.actor
                guard let meeting = indexByID[encounter.meeting.id], let other = indexByID[counterpart.id],
                      let theirs = encounter.counterpart.participations.first, let ours = encounter.actor.participations.first,
                      let participant = indexByID[theirs.participant.id], let actorParticipant = indexByID[ours.participant.id]
                else { return nil }
                return WhoMetRow(
                    m: meeting, c: other, cl: counterpart.label == counterpart.name ? nil : counterpart.label,
                    r: theirs.role?.rawValue, cap: theirs.capacity.flatMap { indexByID[$0.id] },
                    d: theirs.derivation.rawValue, p: participant, ad: ours.derivation.rawValue, ap: actorParticipant,
                    s: Set(encounter.evidence.map(\.source)).compactMap { sourceIndex[$0] }.sorted())
            }
        }
        self.whoMet = whoMet
        svgNodes = diagram?.nodes.map { indexByID[NodeID($0.id)] ?? -1 } ?? []
        self.diagramNote = diagramNote
    }

    /// `2026-02-01` for `2026-02`.
    static func isoFirstDay(_ date: PartialDate) -> String {
        iso(date.year, date.month ?? 1, date.day ?? 1)
    }

    /// `2026-02-28` for `2026-02`, `2026-12-31` for `2026`.
    static func isoLastDay(_ date: PartialDate) -> String {
        let month = date.month ?? 12
        if let day = date.day { return iso(date.year, month, day) }
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return iso(date.year, month, days)
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
