import Foundation
import PartyGraph

extension Dataset {
    /// A timeline chart: one lane per counterpart of the actor (or one lane for the pair with `with`), time across
    /// with year ticks, one mark per meeting shaped and coloured by kind, filled when held and hollow otherwise,
    /// each with a tooltip naming the meeting, its date, status and kind and the quotes of the meeting's own evidence.
    ///
    /// Lanes and counts are those of `timeline(_:)`; the marks are its meetings, read from `encounters(_:)`
    /// (the same rule). A meeting dated only to a month or year is drawn at the middle of that span.
    /// - Parameter query: the actor, counterpart, level, window and period, as for `timeline(_:)`.
    /// - Parameter manifest: opaque JSON text kept in the SVG `<metadata>` and the PDF keywords.
    /// - Throws: what `timeline(_:)` throws.
    public func timelineChart(_ query: TimelineQuery, manifest: String? = nil) throws(PartyGraphError) -> Chart {
        let timeline = try timeline(query)
        let report = try encounters(EncounterQuery(actor: query.actor, with: query.with, filter: query.filter, level: query.level))
        let q = timeline.query
        // Lanes: the pair, or each counterpart in the timeline's order (most meetings first).
        struct Lane { var label: String; var counterparts: Set<NodeID> }
        let lanes: [Lane]
        if let with = q.with {
            lanes = [Lane(label: "\(q.actor.label) — \(with.label)", counterparts: Set(timeline.counterparts.map(\.actor.id)))]
        } else {
            lanes = timeline.counterparts.map { Lane(label: $0.actor.label, counterparts: [$0.actor.id]) }
        }
        // One mark per lane and meeting.
        var marks = [[MeetingRef]](repeating: [], count: lanes.count)
        var laneOf: [NodeID: Int] = [:]
        for (index, lane) in lanes.enumerated() { for id in lane.counterparts { laneOf[id] = index } }
        for encounter in report.encounters {
            guard let lane = laneOf[encounter.counterpart.actor.id], !marks[lane].contains(where: { $0.id == encounter.meeting.id }) else { continue }
            marks[lane].append(encounter.meeting)
        }
        // The meeting's own evidence: its quotes, and the sources the caption names.
        let publisher = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var citedSources: Set<String> = []
        func quotes(_ meeting: NodeID) -> [Evidence] { entity(meeting)?.evidence ?? [] }
        for meeting in marks.joined() { citedSources.formUnion(quotes(meeting.id).map(\.source)) }

        // The years drawn: those of the timeline's periods, else of the marks.
        let years = (timeline.periods + timeline.coarser).compactMap { PeriodUnit.year.period(containing: $0.period.start) }
            + marks.joined().compactMap { $0.start }.compactMap { PeriodUnit.year.period(containing: $0) }
        let asked = q.actor.name + (q.with.map { " and \($0.name)" } ?? "")
        let heading = "Meetings of \(asked), by year"
        let title = "\(heading) — \(self.title)"
        guard let firstYear = years.min(), let lastYear = years.max() else {
            // Nothing to place in time: no axis, no legend, the caption and the fact.
            var empty = SVGWriter(width: 1000, height: SVGWriter.headerHeight + 50)
            empty.text("No meetings found.", x: 16, y: SVGWriter.headerHeight + 20, size: 13)
            let subtitle = "\(q.level.rawValue) level, \(Caption.window(q.filter)). \(Caption.sources([]))"
            return Chart(title: title, subtitle: subtitle, width: empty.width, height: empty.height, manifest: manifest,
                         svg: empty.document(title: title, heading: heading, lines: [self.title, subtitle], manifest: manifest))
        }
        let startDay = firstYear.start.firstDay, endDay = Period(unit: .year, index: lastYear.index + 1).start.firstDay

        let kinds = MeetingKind.allCases.filter { kind in marks.joined().contains { $0.kind == kind } }
        let statuses = MeetingStatus.allCases.filter { status in marks.joined().contains { $0.status == status } }
        let laneHeight = 30.0, left = 260.0, right = 30.0, top = SVGWriter.headerHeight + 12
        let width = 1000.0
        let plotWidth = width - left - right
        let legendTop = top + Double(max(lanes.count, 1)) * laneHeight + 40
        let height = legendTop + 24 * Double(max(1, (kinds.count + statuses.count + 3) / 4)) + 20
        var svg = SVGWriter(width: width, height: height)
        func x(_ day: Double) -> Double { left + plotWidth * (day - Double(startDay)) / Double(max(1, endDay - startDay)) }

        // Year ticks and gridlines.
        let plotBottom = top + Double(max(lanes.count, 1)) * laneHeight
        for index in firstYear.index...(lastYear.index + 1) {
            let tick = x(Double(Period(unit: .year, index: index).start.firstDay))
            svg.line(tick, top, tick, plotBottom, stroke: "#ddd")
            if index <= lastYear.index {
                let next = x(Double(Period(unit: .year, index: index + 1).start.firstDay))
                svg.text(Period(unit: .year, index: index).label, x: (tick + next) / 2, y: plotBottom + 18, size: 11, anchor: "middle", fill: "#444")
            }
        }
        for (index, lane) in lanes.enumerated() {
            let y = top + laneHeight * (Double(index) + 0.5)
            if index % 2 == 0 { svg.rect(left, y - laneHeight / 2, plotWidth, laneHeight, fill: "#f6f6f6") }
            svg.text(lane.label, x: left - 10, y: y + 4, size: 12, anchor: "end")
            svg.line(left, y, width - right, y, stroke: "#bbb", width: 0.5)
            for mark in marks[index] {
                guard let start = mark.start else { continue }
                let mx = x(Double(start.firstDay + start.lastDay + 1) / 2)
                var tooltip = "\(mark.name)\n\(mark.date) — \(mark.status.rawValue), \(mark.kind.rawValue)"
                for evidence in quotes(mark.id) {
                    let source = publisher[evidence.source]
                    tooltip += "\n“\(evidence.quote)” — " + (source.map { "\($0.publisher), \($0.date)" } ?? evidence.source)
                }
                let colour = SVGWriter.palette[(MeetingKind.allCases.firstIndex(of: mark.kind) ?? 0) % SVGWriter.palette.count]
                svg.raw("<g class=\"meeting\" data-meeting=\"\(SVGWriter.escaped(mark.id.rawValue))\" data-status=\"\(mark.status.rawValue)\">"
                        + "<title>\(SVGWriter.escaped(tooltip))</title>"
                        + Self.shape(kind: mark.kind, status: mark.status, x: mx, y: y, colour: colour) + "</g>")
            }
        }
        svg.line(left, plotBottom, width - right, plotBottom, stroke: "#888")

        // Legend: only the kinds and statuses drawn.
        var entries: [(String, String)] = kinds.map { kind in
            let colour = SVGWriter.palette[(MeetingKind.allCases.firstIndex(of: kind) ?? 0) % SVGWriter.palette.count]
            return (kind.rawValue, Self.shape(kind: kind, status: .held, x: 0, y: 0, colour: colour))
        }
        entries += statuses.map { status in
            (status == .held ? "held (filled)" : "\(status.rawValue) (hollow)", Self.shape(kind: .bilateralSummit, status: status, x: 0, y: 0, colour: "#555"))
        }
        for (index, entry) in entries.enumerated() {
            let ex = 16 + Double(index % 4) * 240, ey = legendTop + Double(index / 4) * 24
            svg.raw("<g class=\"legend-entry\" transform=\"translate(\(SVGWriter.number(ex + 8)) \(SVGWriter.number(ey)))\">" + entry.1 + "</g>")
            svg.text(entry.0, x: ex + 22, y: ey + 4, size: 12)
        }

        let sources = self.sources.filter { citedSources.contains($0.id) }
        let subtitle = "\(q.level.rawValue) level, \(Caption.window(q.filter)). \(Caption.sources(sources))"
        return Chart(title: title, subtitle: subtitle, width: width, height: height, manifest: manifest,
                     svg: svg.document(title: title, heading: heading, lines: [self.title, subtitle], manifest: manifest))
    }

    /// The mark of a meeting: a shape per kind, filled when held, hollow (white inside) otherwise; dashed when
    /// postponed or cancelled.
    static func shape(kind: MeetingKind, status: MeetingStatus, x: Double, y: Double, colour: String) -> String {
        let fill = status == .held ? colour : "#ffffff"
        var paint = "fill=\"\(fill)\" stroke=\"\(colour)\" stroke-width=\"2\""
        if status == .postponed || status == .cancelled { paint += " stroke-dasharray=\"2 2\"" }
        let n = SVGWriter.number, r = 6.0
        switch (MeetingKind.allCases.firstIndex(of: kind) ?? 0) % 4 {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>"
        case 1: return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" \(paint)/>"
        case 2: return "<polygon points=\"\(n(x)),\(n(y - r - 1)) \(n(x + r + 1)),\(n(y)) \(n(x)),\(n(y + r + 1)) \(n(x - r - 1)),\(n(y))\" \(paint)/>"
        default: return "<polygon points=\"\(n(x)),\(n(y - r - 1)) \(n(x + r + 1)),\(n(y + r)) \(n(x - r - 1)),\(n(y + r))\" \(paint)/>"
        }
    }
}
