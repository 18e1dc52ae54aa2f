import ArgumentParser
import PartyGraph

struct Meetings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List meetings chronologically with their conveners and participants.",
        discussion: """
            With --involving (repeatable), only meetings that involve every named actor: as participant, as the \
            person leading a participating body, through an office, as host, or through a body that maps to it \
            (the CPP is involved through its Standing Committee). A summit series is listed in its own right, and \
            its parts name it; participants of the parts are not rolled up into the series. See docs/queries.md.
            """
    )

    @Option(name: .long, help: "Only meetings involving this actor (repeatable: all must be involved).")
    var involving: [String] = []

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let actors = try NameResolver(dataset: dataset).resolveAll(involving)
        let report = try dataset.meetings(involving: actors.map(\.id), filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate()))
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json: emit(try jsonText(report, manifest: try datasetOptions.manifest(for: dataset)))
        case .csv: emit(csv(report))
        case .table: emit(table(report))
        }
    }

    func table(_ report: MeetingsReport) -> String {
        var heading = "Meetings"
        if !report.query.involving.isEmpty { heading += " involving " + report.query.involving.map(\.name).joined(separator: " and ") }
        var lines = [heading + " — " + describe(report.query.filter)]
        if report.meetings.isEmpty {
            lines.append("No meetings found.")
            return lines.joined(separator: "\n")
        }
        for listing in report.meetings {
            let meeting = listing.meeting
            lines.append("")
            lines.append("\(meeting.date)  \(meeting.name)  [\(meeting.kindText), \(StatusClaimsText.status(meeting.status, contested: meeting.contested))"
                + (meeting.statusAsOf.map { " as of \($0)" } ?? "") + (meeting.placeText.map { ", \($0)" } ?? "") + "]  \(meeting.id)")
            if StatusClaimsText.worthListing(meeting.claims, contested: meeting.contested) {
                lines.append("  status claims: " + StatusClaimsText.timeline(meeting.claims))
            }
            if !listing.partOf.isEmpty { lines.append("  part of: " + listing.partOf.map(\.name).joined(separator: "; ")) }
            if !listing.parts.isEmpty { lines.append("  parts: " + listing.parts.map(\.name).joined(separator: "; ")) }
            if !listing.parallelWith.isEmpty { lines.append("  in parallel with: " + listing.parallelWith.map(\.name).joined(separator: "; ")) }
            if !listing.conveners.isEmpty {
                var order: [NodeID] = [], ways: [NodeID: [String]] = [:], names: [NodeID: String] = [:]
                for convener in listing.conveners {
                    if ways[convener.actor.id] == nil { order.append(convener.actor.id) }
                    ways[convener.actor.id, default: []].append(convener.how.rawValue)
                    names[convener.actor.id] = convener.actor.name
                }
                lines.append("  convened by: " + order.map { "\(names[$0]!) (\(ways[$0]!.joined(separator: ", ")))" }.joined(separator: "; "))
            }
            if listing.participants.isEmpty {
                lines.append("  no participants of its own")
            } else {
                let table = tableText(header: ["participant", "kind", "role", "for", "how"], rows: listing.participants.map {
                    [$0.attendee.label + ($0.certainty.level == .inferred ? " (inferred: \($0.certainty.reason ?? ""))" : ""),
                     $0.attendee.kind.rawValue, $0.roleText ?? "", $0.capacity?.name ?? "", $0.how]
                })
                lines.append(contentsOf: table.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
            }
        }
        if report.meetings.contains(where: \.meeting.contested) {
            lines.append("")
            lines.append(StatusClaimsText.contestedNote)
        }
        return lines.joined(separator: "\n")
    }

    func csv(_ report: MeetingsReport) -> String {
        let header = [
            "meeting_id", "meeting", "meeting_kind", "start", "end", "status", "announced", "contested", "part_of",
            "attendee_id", "attendee", "attendee_kind", "holder_not_named", "derivation", "participant_id", "role", "capacity_id",
            "certainty", "certainty_reason",
            "declared_meeting_kind", "held_at", "declared_role",
        ]
        var rows: [[String]] = []
        for listing in report.meetings {
            let meeting = listing.meeting
            let base = [meeting.id.rawValue, meeting.name, meeting.kind.rawValue, meeting.start?.description ?? "",
                        meeting.end?.description ?? "", meeting.status.rawValue, String(meeting.announced), String(meeting.contested),
                        meeting.partOf.map(\.rawValue).joined(separator: " ")]
            let place = [meeting.declaredKind?.id ?? "", meeting.heldAtIDs]
            if listing.participants.isEmpty { rows.append(base + Array(repeating: "", count: 10) + place + [""]) }
            for participation in listing.participants {
                rows.append(base + [
                    participation.attendee.id.rawValue, participation.attendee.name, participation.attendee.kind.rawValue,
                    String(participation.attendee.holderNotNamed), participation.derivation.rawValue,
                    participation.participant.id.rawValue, participation.role?.rawValue ?? "", participation.capacity?.id.rawValue ?? "",
                    participation.certainty.level.rawValue, participation.certainty.words,
                ] + place + [participation.declaredRole?.id ?? ""])
            }
        }
        return formatOptions.csv(header: header, rows: rows)
    }
}
