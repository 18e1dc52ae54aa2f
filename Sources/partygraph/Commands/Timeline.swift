import ArgumentParser
import Foundation
import PartyGraph

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Count an actor's meetings period by period, with the longest gap and who hosted whom.",
        discussion: """
            The meetings are those of 'who-met' (same levels, --with, window, kinds and statuses). A meeting counts \
            in the period its start date falls in; one dated only to a year is not placed in a quarter or month but \
            listed under its year. Periods run from the first to the last one with a meeting (or the --from/--to \
            bounds); empty periods show zeros. For one counterpart, hosted = the actor's side hosts (a hosts relation, \
            or the role host) and the counterpart's does not; visited = the other way; reciprocity = min(hosted, \
            visited) / max(hosted, visited), n/a when both are 0. The longest gap is at least the days shown (exact \
            when both dates are known to the day). See docs/queries.md.
            """
    )

    @OptionGroup var timelineOptions: TimelineOptions

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let timeline = try dataset.timeline(try timelineOptions.query(in: dataset, filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate())))
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json: emit(try jsonText(timeline, manifest: try datasetOptions.manifest(for: dataset)))
        case .csv: emit(csv(timeline))
        case .table: emit(table(timeline))
        }
    }

    static func ratio(_ count: DirectedCount) -> String {
        count.reciprocity.map { String(format: "%.2f", $0) } ?? "n/a"
    }

    static func mark(_ mark: MeetingMark) -> String {
        "\(mark.date) \(mark.name)" + (mark.announced ? " (announced)" : "")
    }

    static func gap(_ gap: MeetingGap?) -> String {
        guard let gap else { return "" }
        return (gap.exact ? "" : "≥ ") + "\(gap.days)"
    }

    func table(_ timeline: Timeline) -> String {
        let q = timeline.query
        let asked = q.actor.name + (q.with.map { " with \($0.name)" } ?? "")
        let levelNote = q.actorAtLevel.map(\.id) == [q.actor.id] || q.actorAtLevel.isEmpty
            ? "" : " (as " + q.actorAtLevel.map(\.label).joined(separator: ", ") + ")"
        var lines = ["Timeline of \(asked)\(levelNote) — \(q.level.rawValue) level, by \(q.unit.rawValue), \(describe(q.filter))"]
        guard let first = timeline.first, let last = timeline.last else {
            lines.append("No meetings found.")
            return lines.joined(separator: "\n")
        }
        let total = timeline.total
        lines.append("  \(total.meetings) meeting\(total.meetings == 1 ? "" : "s") (\(total.announced) announced); first \(Self.mark(first)); last \(Self.mark(last))")
        if let gap = timeline.longestGap {
            lines.append("  longest gap: \(gap.exact ? "" : "at least ")\(gap.days) days, from \(Self.mark(gap.after)) to \(Self.mark(gap.before))")
        }
        lines.append("  hosted \(total.hosted), visited \(total.visited), reciprocity \(Self.ratio(total))")
        lines.append("")
        let rows = timeline.periods.map { period in
            [period.period.label, String(period.total.meetings), String(period.total.hosted), String(period.total.visited), String(period.total.announced)]
        }
        lines.append(tableText(header: [q.unit.rawValue, "meetings", "hosted", "visited", "announced"], rows: rows))
        if !timeline.coarser.isEmpty {
            lines.append("")
            lines.append("Dated only to the year, not placed in a \(q.unit.rawValue):")
            lines.append(tableText(header: ["year", "meetings", "hosted", "visited", "announced"], rows: timeline.coarser.map { period in
                [period.period.label, String(period.total.meetings), String(period.total.hosted), String(period.total.visited), String(period.total.announced)]
            }))
        }
        lines.append("")
        lines.append(tableText(header: ["counterpart", "meetings", "hosted", "visited", "reciprocity", "first", "last", "longest gap (days)"],
                               rows: timeline.counterparts.map { counterpart in
            [counterpart.actor.label, String(counterpart.total.meetings), String(counterpart.total.hosted), String(counterpart.total.visited),
             Self.ratio(counterpart.total), counterpart.first.date, counterpart.last.date, Self.gap(counterpart.longestGap)]
        }))
        lines.append("")
        lines.append("hosted: the actor's side hosts and the counterpart's does not; visited: the other way round; "
                     + "reciprocity = min(hosted, visited) / max(hosted, visited), n/a when both are 0. "
                     + "≥: a gap bounded by a date not known to the day is at least that long.")
        return lines.joined(separator: "\n")
    }

    /// Long form: per period, one row for all counterparts together (counterpart columns empty), then one per
    /// counterpart, zeros included; meetings dated only to the year follow with period_unit `year`.
    func csv(_ timeline: Timeline) -> String {
        let header = ["period", "period_unit", "actor_id", "actor", "counterpart_id", "counterpart", "meetings", "hosted", "visited", "announced"]
        let actor = timeline.query.actor
        var rows: [[String]] = []
        for period in timeline.periods + timeline.coarser {
            func row(_ id: String, _ name: String, _ count: DirectedCount) -> [String] {
                [period.period.label, period.period.unit.rawValue, actor.id.rawValue, actor.name, id, name,
                 String(count.meetings), String(count.hosted), String(count.visited), String(count.announced)]
            }
            rows.append(row("", "", period.total))
            for (counterpart, count) in zip(timeline.counterparts, period.counterparts) {
                rows.append(row(counterpart.actor.id.rawValue, counterpart.actor.label, count))
            }
        }
        return formatOptions.csv(header: header, rows: rows, numericColumns: [6, 7, 8, 9])
    }
}

/// The actor, counterpart, level and period of `timeline`, shared with `chart timeline`.
struct TimelineOptions: ParsableArguments {
    @Argument(help: "The actor: an id, name or alias (\"CPP\", \"hun sen\").")
    var name: String

    @Option(name: .long, help: "Only meetings with this actor.")
    var with: String?

    @Option(name: .long, help: "Compare at this level: person, organ, party or country (default: the actor's own level).",
            transform: vocabulary("--level"))
    var level: EncounterLevel?

    @Option(name: .long, help: "Period length: year, quarter or month (default: year).", transform: vocabulary("--by"))
    var by: PeriodUnit = .year

    /// The question, names resolved in the dataset.
    func query(in dataset: Dataset, filter: QueryFilter) throws -> TimelineQuery {
        let resolver = NameResolver(dataset: dataset)
        let actor = try resolver.resolve(name)
        let other = try with.map { text throws(PartyGraphError) in try resolver.resolve(text) }
        return TimelineQuery(actor: actor.id, with: other?.id, filter: filter, level: level, unit: by)
    }
}
