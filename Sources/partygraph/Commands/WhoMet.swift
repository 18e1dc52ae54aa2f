import ArgumentParser
import PartyGraph

/// Parses one value of a vocabulary, or fails with the accepted values.
func vocabulary<T: RawRepresentable & CaseIterable & Sendable>(_ option: String) -> @Sendable (String) throws -> T where T.RawValue == String {
    let values = Array(T.allCases)
    return { text in
        guard let value = values.first(where: { $0.rawValue == text }) else {
            throw ValidationError("\(option) '\(text)' is not accepted; use one of: " + values.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return value
    }
}

/// The meeting filter shared by who-met, meetings and matrix.
struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: "Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); meetings overlapping the window count.")
    var from: String?

    @Option(name: .long, help: "Only meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var to: String?

    @Option(name: .long, help: ArgumentHelp("The day for office-holder questions outside a meeting (what the asked actor stands for).",
                                            discussion: "Encounters at a meeting always use that meeting's dates."))
    var at: String?

    @Option(name: .long, help: "Only meetings of this kind (repeatable): \(MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")), or one the dataset declares; a core kind includes the kinds refining it.")
    var kind: [String] = []

    @Option(name: .long, help: "Only meetings held at this place or a place located in it (a place or country: id, name or alias).")
    var place: String?

    @Option(name: .long, help: "Only meetings with this status (repeatable): announced, held, postponed, cancelled. Default: announced and held.",
            transform: vocabulary("--status"))
    var status: [MeetingStatus] = []

    func validate() throws { _ = try baseFilter() }

    /// The library filter for a dataset: ``baseFilter(knownAt:)`` with the kinds and the place resolved in it.
    func filter(in dataset: Dataset, knownAt: PartialDate? = nil) throws -> QueryFilter {
        var filter = try dataset.restricting(try baseFilter(knownAt: knownAt), toMeetingKinds: kind)
        if let place { filter = try dataset.restricting(filter, toPlace: try NameResolver(dataset: dataset).resolve(place).id) }
        return filter
    }

    /// The filter of the options that need no dataset (dates, statuses), or a usage error saying what is accepted;
    /// `knownAt` is echoed (see ``DatasetOptions/load()``).
    func baseFilter(knownAt: PartialDate? = nil) throws -> QueryFilter {
        func date(_ text: String?, _ option: String) throws -> PartialDate? {
            try text.map { try ErrorMessages.date($0, option: option) }
        }
        do {
            var filter = try QueryFilter(
                from: try date(from, "--from"), to: try date(to, "--to"), at: try date(at, "--at"),
                statuses: status.isEmpty ? QueryFilter.defaultStatuses : Set(status))
            filter.knownAt = knownAt
            return filter
        } catch let error as PartyGraphError {
            throw ValidationError(ErrorMessages.text(error))
        }
    }
}

/// A human sentence for the filter, used in headings and empty answers.
func describe(_ filter: FilterEcho) -> String {
    var parts: [String] = []
    parts.append(filter.statuses.map(\.rawValue).joined(separator: " or ") + " meetings")
    if filter.meetingKinds != nil || filter.declaredMeetingKinds != nil {
        let kinds = (filter.meetingKinds ?? []).map(\.rawValue) + (filter.declaredMeetingKinds ?? [])
        parts.append("of kind " + kinds.joined(separator: " or "))
    }
    if let place = filter.place { parts.append("held in \(place.name)") }
    if let from = filter.from { parts.append("from \(from)") }
    if let to = filter.to { parts.append("to \(to)") }
    if let at = filter.at { parts.append("office holders outside meetings on \(at)") }
    if let knownAt = filter.knownAt { parts.append("as the sources stood on \(knownAt)") }
    return parts.joined(separator: ", ")
}

/// Numbers quotes as they are first cited, for tables with a footnoted evidence list.
struct QuoteNotes {
    private(set) var lines: [String] = []
    private var numbers: [NodeReport.Citation: Int] = [:]

    mutating func refer(_ citations: [NodeReport.Citation]) -> String {
        citations.map { citation in
            if let number = numbers[citation] { return "[\(number)]" }
            lines.append("[\(lines.count + 1)] \(citation.source): “\(citation.quote)”" + (citation.stance == .disputes ? " (disputes)" : ""))
            numbers[citation] = lines.count
            return "[\(lines.count)]"
        }.joined()
    }

    var text: String { lines.isEmpty ? "" : "Evidence:\n" + lines.joined(separator: "\n") }
}

extension Participation {
    /// `via-office (CPV General Secretary)`, `via-delegation (Politburo of …)`, `direct`.
    var how: String {
        switch derivation {
        case .direct, .hosting: return derivation.rawValue
        case .viaDelegation, .viaOffice: return "\(derivation.rawValue) (\(participant.name))"
        }
    }
}

struct WhoMet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-met",
        abstract: "List whom an actor met, meeting by meeting, with how it is derived and the quotes.",
        discussion: """
            Two actors meet when they take part in the same meeting: directly, as the person leading a participating \
            body (led_by), through an office held on the meeting's dates, or as host. With --level, the question is \
            asked of the actor's person, organ, party or country (Hun Sen → the CPP at party level). Announced \
            meetings count and are marked. See docs/queries.md.
            """
    )

    @Argument(help: "The actor: an id, name or alias (\"hun sen\", \"CPP\", \"Viet Nam\").")
    var name: String

    @Option(name: .long, help: "Only encounters with this actor.")
    var with: String?

    @Option(name: .long, help: "Compare at this level: person, organ, party or country (default: the actor's own level).",
            transform: vocabulary("--level"))
    var level: EncounterLevel?

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let resolver = NameResolver(dataset: dataset)
        let actor = try resolver.resolve(name)
        let other = try with.map { text throws(PartyGraphError) in try resolver.resolve(text) }
        let report = try dataset.encounters(of: actor.id, with: other?.id, filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate()), level: level)
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json: emit(try jsonText(report, manifest: try datasetOptions.manifest(for: dataset)))
        case .csv: emit(csv(report))
        case .table: emit(table(report))
        }
    }

    func table(_ report: EncounterReport) -> String {
        let asked = report.query.actor.name + (report.query.with.map { " with \($0.name)" } ?? "")
        let levelNote = report.query.actorAtLevel.map(\.id) == [report.query.actor.id] || report.query.actorAtLevel.isEmpty
            ? "" : " (as " + report.query.actorAtLevel.map(\.label).joined(separator: ", ") + ")"
        var lines = ["Who met \(asked)\(levelNote) — \(report.query.level.rawValue) level, \(describe(report.query.filter))"]
        if report.encounters.isEmpty {
            lines.append("No encounters found.")
            if report.query.actorAtLevel.isEmpty {
                // Say why instead of leaving an empty answer to be read as "met no one".
                let level = report.query.level
                let noun = [EncounterLevel.person: "person", .organ: "organ or state body", .party: "party", .country: "country"][level] ?? level.rawValue
                let day = report.query.filter.at.map { " on \($0)" } ?? ""
                lines.append("\(report.query.actor.name) stands for no \(noun) in this dataset\(day): no holds, heads, member-of, office-of, "
                             + "part-of or based-in leads from it to one, and none of its participations is in the capacity of one. "
                             + "Add such a relation, or ask at another --level.")
            }
            lines.append(contentsOf: notAtLevelNote(report))
            return lines.joined(separator: "\n")
        }
        var notes = QuoteNotes()
        let rows = report.encounters.map { encounter -> [String] in
            let theirs = encounter.counterpart.participations[0], ours = encounter.actor.participations[0]
            let extra = { (side: EncounterSide) in side.participations.count > 1 ? " +\(side.participations.count - 1)" : "" }
            return [
                encounter.meeting.date, encounter.meeting.name, StatusClaimsText.status(encounter.meeting.status, contested: encounter.meeting.contested),
                encounter.counterpart.actor.label + (encounter.counterpart.certainty == .inferred ? " (inferred)" : ""),
                [theirs.roleText, theirs.capacity.map { "for " + $0.name }].compactMap { $0 }.joined(separator: ", "),
                theirs.how + extra(encounter.counterpart),
                ours.how + extra(encounter.actor),
                notes.refer(encounter.evidence),
            ]
        }
        let side = report.query.actorAtLevel.count == 1 ? report.query.actorAtLevel[0].name : report.query.actor.name
        lines.append(tableText(header: ["date", "meeting", "status", "met", "their role", "they took part", "\(side) took part", "evidence"], rows: rows))
        lines.append("")
        lines.append(tableText(header: ["met", "meetings", "announced"], rows: report.counterparts.map {
            [$0.actor.label, String($0.meetings), String($0.announced)]
        }))
        if report.encounters.contains(where: { $0.meeting.announced }) {
            lines.append("")
            lines.append("announced: the meeting is announced, not yet reported as held (status as of the latest source).")
        }
        let inferred = report.encounters.compactMap { encounter in
            encounter.counterpart.certainty == .inferred ? encounter.counterpart.participations.first?.certainty.reason : nil
        }
        if !inferred.isEmpty {
            lines.append("")
            lines.append("(inferred): the holding it rests on is inferred, not stated: " + Array(Set(inferred)).sorted().joined(separator: "; ") + ".")
        }
        let leftOut = notAtLevelNote(report)
        if !leftOut.isEmpty { lines.append(""); lines.append(contentsOf: leftOut) }
        if report.encounters.contains(where: \.meeting.contested) {
            lines.append("")
            lines.append(StatusClaimsText.contestedNote)
        }
        if report.encounters.contains(where: { $0.evidence.contains { $0.stance == .disputes } }) {
            lines.append("")
            lines.append(StatusClaimsText.disputedNote)
        }
        lines.append("")
        lines.append(notes.text)
        return lines.joined(separator: "\n")
    }

    /// Says which of the actor's participations were left out because their capacity stands for nothing at the level.
    func notAtLevelNote(_ report: EncounterReport) -> [String] {
        guard let left = report.notAtLevel, !left.isEmpty else { return [] }
        let items = left.map { "\($0.meeting) (as \($0.capacity.map(\.rawValue) ?? ""))" }
        return ["Not counted at \(report.query.level.rawValue) level: \(report.query.actor.name) took part in a capacity that stands for "
                + "no \(report.query.level.rawValue) (an explicit capacity wins over lifting; see docs/queries.md, Levels): "
                + items.joined(separator: "; ") + "."]
    }

    func csv(_ report: EncounterReport) -> String {
        let header = [
            "meeting_id", "meeting", "meeting_kind", "start", "end", "status", "announced",
            "actor_id", "actor", "counterpart_id", "counterpart", "counterpart_kind", "counterpart_holder_not_named",
            "counterpart_role", "counterpart_capacity", "counterpart_derivation", "counterpart_participant",
            "actor_role", "actor_capacity", "actor_derivation", "actor_participant", "sources", "quotes",
            "counterpart_certainty", "counterpart_certainty_reason",
            "declared_meeting_kind", "held_at", "counterpart_declared_role", "actor_declared_role",
        ]
        let rows = report.encounters.map { encounter -> [String] in
            let theirs = encounter.counterpart.participations[0], ours = encounter.actor.participations[0]
            return [
                encounter.meeting.id.rawValue, encounter.meeting.name, encounter.meeting.kind.rawValue,
                encounter.meeting.start?.description ?? "", encounter.meeting.end?.description ?? "",
                encounter.meeting.status.rawValue, String(encounter.meeting.announced),
                encounter.actor.actor.id.rawValue, encounter.actor.actor.name,
                encounter.counterpart.actor.id.rawValue, encounter.counterpart.actor.name, encounter.counterpart.actor.kind.rawValue,
                String(encounter.counterpart.actor.holderNotNamed),
                theirs.role?.rawValue ?? "", theirs.capacity?.id.rawValue ?? "", theirs.derivation.rawValue,
                theirs.participant.id.rawValue,
                ours.role?.rawValue ?? "", ours.capacity?.id.rawValue ?? "", ours.derivation.rawValue, ours.participant.id.rawValue,
                Array(Set(encounter.evidence.map(\.source))).sorted().joined(separator: " "),
                encounter.evidence.map(\.quote).joined(separator: " | "),
                encounter.counterpart.certainty.rawValue, certaintyReason(encounter.counterpart),
                encounter.meeting.declaredKind?.id ?? "", encounter.meeting.heldAtIDs,
                theirs.declaredRole?.id ?? "", ours.declaredRole?.id ?? "",
            ]
        }
        return formatOptions.csv(header: header, rows: rows)
    }

    /// Why a side is not stated: its surest participation's reason, or the stand-in's unknown succession.
    func certaintyReason(_ side: EncounterSide) -> String {
        side.actor.tenure?.words ?? side.participations.first { $0.certainty.level == side.certainty }?.certainty.words ?? ""
    }
}
