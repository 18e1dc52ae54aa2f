import Foundation
import Testing
@testable import PartyGraph

/// `Dataset.timeline(_:)` on Fixtures/valid/timeline-multi-year.json, whose answers are worked out by hand:
///
/// | meeting | start | CPP's side | other sides |
/// |---|---|---|---|
/// | 2021-03 talks | 2021-03-10 | host | CPV guest |
/// | 2021-11 talks | 2021-11-20 | guest | CPV hosts (`hosts`) |
/// | 2023-05 talks | 2023-05 (month) | host | LPRP guest |
/// | 2023 round table | 2023 (year only) | — | CPV, LPRP, MPP, no host |
/// | 2024-02 talks | 2024-02-14 | guest | LPRP hosts (`hosts`) |
/// | 2024-11 talks | 2024-11-03 | host | LPRP guest |
/// | 2025-06 talks | 2025-06-01 | host through its president (headship inferred) | CPV guest |
/// | 2025-09 talks | 2025-09 | cancelled | CPV |
/// | 2026-02 summit | 2026-02-06 | guest, announced | CPV hosts (`hosts`) |
@Suite struct TimelineTests {
    static let path = fixturePath("valid/timeline-multi-year.json")
    let dataset: Dataset
    let cpp = NodeID(rawValue: "party/cpp"), cpv = NodeID(rawValue: "party/cpv")
    let lprp = NodeID(rawValue: "party/lprp"), mpp = NodeID(rawValue: "party/mpp")

    init() throws { dataset = try DatasetLoader.load(path: TimelineTests.path) }

    func timeline(_ unit: PeriodUnit = .year, with: NodeID? = nil, filter: QueryFilter = .all) throws -> Timeline {
        try dataset.timeline(TimelineQuery(actor: cpp, with: with, filter: filter, level: .party, unit: unit))
    }

    func counts(_ count: DirectedCount) -> [Int] { [count.meetings, count.hosted, count.visited, count.announced] }

    @Test func yearlyPeriodsCountMeetingsAndShowTheEmptyYearAsZero() throws {
        let answer = try timeline()
        #expect(answer.periods.map(\.period.label) == ["2021", "2022", "2023", "2024", "2025", "2026"])
        #expect(answer.periods.map(\.total.meetings) == [2, 0, 2, 2, 1, 1])
        #expect(answer.periods.map(\.total.hosted) == [1, 0, 1, 1, 1, 0])
        #expect(answer.periods.map(\.total.visited) == [1, 0, 0, 1, 0, 1])
        #expect(answer.periods.map(\.total.announced) == [0, 0, 0, 0, 0, 1])
        #expect(answer.coarser.isEmpty)
        #expect(counts(answer.total) == [8, 4, 3, 1])
        #expect(answer.total.reciprocity == 0.75)
        #expect(answer.first?.id.rawValue == "meeting/2021-03-cpp-cpv")
        #expect(answer.last?.id.rawValue == "meeting/2026-02-cpv-cpp")
        // Every period lists every counterpart, zeros included, in counterpart order.
        #expect(answer.counterparts.map(\.actor.id) == [cpv, lprp, mpp])
        #expect(answer.periods.allSatisfy { $0.counterparts.count == 3 })
        #expect(answer.periods[1].counterparts.allSatisfy { $0 == .zero })
        #expect(counts(answer.periods[0].counterparts[0]) == [2, 1, 1, 0])
        #expect(counts(answer.periods[2].counterparts[1]) == [2, 1, 0, 0])
        #expect(counts(answer.periods[2].counterparts[2]) == [1, 0, 0, 0])
    }

    @Test func directionAndReciprocityPerCounterpart() throws {
        let answer = try timeline()
        let byID = Dictionary(uniqueKeysWithValues: answer.counterparts.map { ($0.actor.id, $0) })
        // Hosting through a `hosts` relationship (CPV 2021-11, 2026-02; LPRP 2024-02), through the role host, and
        // through the party president's participation lifted to the party (2025-06).
        #expect(counts(byID[cpv]!.total) == [5, 2, 2, 1])
        #expect(byID[cpv]!.total.reciprocity == 1)
        #expect(counts(byID[lprp]!.total) == [4, 2, 1, 0])
        #expect(byID[lprp]!.total.reciprocity == 0.5)
        // The round table has no host: a meeting, but no visit either way, and 0/0 is no ratio.
        #expect(counts(byID[mpp]!.total) == [1, 0, 0, 0])
        #expect(byID[mpp]!.total.reciprocity == nil)
        #expect(byID[mpp]!.longestGap == nil)
    }

    @Test func reciprocityIsMinOverMaxAndNullForNoVisits() throws {
        #expect(DirectedCount(meetings: 5, hosted: 3, visited: 1, announced: 0).reciprocity == 1.0 / 3.0)
        #expect(DirectedCount(meetings: 5, hosted: 0, visited: 4, announced: 0).reciprocity == 0)
        #expect(DirectedCount(meetings: 5, hosted: 0, visited: 0, announced: 0).reciprocity == nil)
        let json = String(decoding: try JSONEncoder().encode(DirectedCount(meetings: 1, hosted: 0, visited: 0, announced: 0)), as: UTF8.self)
        #expect(json.contains("\"reciprocity\":null"))
    }

    @Test func longestGapsAreAtLeastWhatTheDatesAllow() throws {
        let answer = try timeline()
        // 2021-11-20 → the round table dated only 2023: at least 407 days (to 1 January 2023), not exact.
        let overall = try #require(answer.longestGap)
        #expect(overall.after.id.rawValue == "meeting/2021-11-cpv-cpp")
        #expect(overall.before.id.rawValue == "meeting/2023-round-table")
        #expect(overall.days == 407 && !overall.exact)
        let byID = Dictionary(uniqueKeysWithValues: answer.counterparts.map { ($0.actor.id, $0) })
        // CPV: the round table (latest possible start 2023-12-31) → 2025-06-01.
        #expect(byID[cpv]!.longestGap?.days == 518)
        #expect(byID[cpv]!.longestGap?.after.id.rawValue == "meeting/2023-round-table")
        // LPRP: 2024-02-14 → 2024-11-03, both known to the day; the May 2023 talks lie within the round table's year.
        let lao = try #require(byID[lprp]!.longestGap)
        #expect(lao.days == 263 && lao.exact)
        #expect(lao.after.id.rawValue == "meeting/2024-02-lprp-cpp" && lao.before.id.rawValue == "meeting/2024-11-cpp-lprp")
        #expect(byID[lprp]!.first.id.rawValue == "meeting/2023-round-table")
    }

    @Test func theGapRuleUsesTheLatestPossibleStartSoFar() throws {
        func mark(_ id: String, _ start: String) throws -> MeetingMark {
            var ref = try #require(try dataset.timeline(TimelineQuery(actor: cpp, level: .party)).first)
            ref.id = NodeID(rawValue: id)
            ref.start = try PartialDate(parsing: start)
            ref.date = start
            return ref
        }
        func longestGap(_ marks: [MeetingMark]) -> MeetingGap? { Dataset.longestGap(of: Array(marks.indices), in: marks) }
        let gap = try #require(longestGap([try mark("a", "2020-01-01"), try mark("b", "2020"), try mark("c", "2020-06-01"),
                                           try mark("d", "2021-01-10")]))
        // b may fall on 2020-12-31, so c's 152 days after a are not guaranteed; 10 days before d are.
        #expect(gap.after.id.rawValue == "b" && gap.before.id.rawValue == "d" && gap.days == 10 && !gap.exact)
        let exact = try #require(longestGap([try mark("a", "2020-01-01"), try mark("b", "2020-03-01")]))
        #expect(exact.days == 60 && exact.exact)
    }

    @Test func monthsLeaveAYearOnlyDateUnplaced() throws {
        let answer = try timeline(.month)
        #expect(answer.periods.first?.period.label == "2021-03" && answer.periods.last?.period.label == "2026-02")
        #expect(answer.periods.count == 60)
        #expect(answer.periods.reduce(0) { $0 + $1.total.meetings } == 7)
        #expect(answer.periods.first { $0.period.label == "2023-05" }?.total.meetings == 1)
        #expect(answer.coarser.map(\.period.label) == ["2023"])
        #expect(counts(answer.coarser[0].total) == [1, 0, 0, 0])
        #expect(counts(answer.total) == [8, 4, 3, 1])
        let quarters = try timeline(.quarter)
        // A month is placed in its quarter; the year-only date is not.
        #expect(quarters.periods.first { $0.period.label == "2023-Q2" }?.total.meetings == 1)
        #expect(quarters.coarser.map(\.period.label) == ["2023"])
    }

    @Test func onePairAndTheSharedFilters() throws {
        let pair = try timeline(with: cpv)
        #expect(pair.counterparts.map(\.actor.id) == [cpv])
        #expect(pair.periods.map(\.total.meetings) == [2, 0, 1, 0, 1, 1])
        #expect(counts(pair.total) == [5, 2, 2, 1])
        // The cancelled September 2025 talks count only when asked for; they have no host.
        let all = try timeline(filter: QueryFilter(statuses: Set(MeetingStatus.allCases)))
        #expect(all.periods.map(\.total.meetings) == [2, 0, 2, 2, 2, 1])
        #expect(all.periods[4].total.hosted == 1)
        // The window sets the periods, even where they are empty.
        let window = try timeline(filter: QueryFilter(from: try PartialDate(parsing: "2020"), to: try PartialDate(parsing: "2022")))
        #expect(window.periods.map(\.period.label) == ["2020", "2021", "2022"])
        #expect(window.periods.map(\.total.meetings) == [0, 2, 0])
    }

    @Test func theTimelineCountsTheMeetingsOfWhoMet() throws {
        // No second attendance rule: the meetings per counterpart are those of encounters(_:).
        let answer = try timeline()
        let report = try dataset.encounters(of: cpp, level: .party)
        for summary in report.counterparts {
            #expect(answer.counterparts.first { $0.actor.id == summary.actor.id }?.total.meetings == summary.meetings)
        }
        #expect(answer.total.meetings == Set(report.encounters.map(\.meeting.id)).count)
    }

    /// Direction per counterpart computed from the full `who-met` report, the plain version the timeline's walk
    /// without evidence must agree with.
    static func plainCounts(_ report: EncounterReport) -> [NodeID: [Int]] {
        var sides: [NodeID: [NodeID: (actor: Bool, counterpart: Bool)]] = [:]
        for encounter in report.encounters {
            let hosts = { (side: EncounterSide) in side.participations.contains { $0.role == .host } }
            var entry = sides[encounter.counterpart.actor.id, default: [:]][encounter.meeting.id] ?? (false, false)
            entry.actor = entry.actor || hosts(encounter.actor)
            entry.counterpart = entry.counterpart || hosts(encounter.counterpart)
            sides[encounter.counterpart.actor.id, default: [:]][encounter.meeting.id] = entry
        }
        return sides.mapValues { meetings in
            [meetings.count, meetings.values.filter { $0.actor && !$0.counterpart }.count, meetings.values.filter { $0.counterpart && !$0.actor }.count]
        }
    }

    @Test(arguments: ["bundled", "fixture"])
    func everyActorAtEveryLevelAgreesWithWhoMet(_ which: String) throws {
        let data = which == "bundled" ? bundledDataset : dataset
        for entity in data.entities where entity.kind != .meeting {
            for level in EncounterLevel.allCases {
                let answer = try data.timeline(TimelineQuery(actor: entity.id, level: level))
                let report = try data.encounters(of: entity.id, level: level)
                let plain = Self.plainCounts(report)
                #expect(answer.counterparts.count == plain.count, "\(entity.id) \(level)")
                for counterpart in answer.counterparts {
                    let total = counterpart.total
                    #expect([total.meetings, total.hosted, total.visited] == plain[counterpart.actor.id], "\(entity.id) \(level) \(counterpart.actor.id)")
                }
                #expect(answer.total.meetings == Set(report.encounters.map(\.meeting.id)).count, "\(entity.id) \(level)")
                #expect(answer.query.actorAtLevel == report.query.actorAtLevel)
            }
        }
    }

    @Test func periodsAndWindows() throws {
        #expect(Period(unit: .quarter, index: 2023 * 4 + 1).label == "2023-Q2")
        #expect(Period(unit: .quarter, index: 2023 * 4 + 1).start.description == "2023-04")
        #expect(Period(unit: .quarter, index: 2023 * 4 + 1).end.description == "2023-06")
        #expect(PeriodUnit.quarter.period(containing: try PartialDate(parsing: "2023-05-31"))?.label == "2023-Q2")
        #expect(PeriodUnit.month.period(containing: try PartialDate(parsing: "2023")) == nil)
        #expect(Period(unit: .year, index: 2024).window(months: 24).description == "2023/2024")
        #expect(Period(unit: .month, index: 2024 * 12).window(months: 3).description == "2023-11/2024-01")
        #expect(PeriodWindow(parsing: "2y")?.months == 24 && PeriodWindow(parsing: "3q")?.months == 9 && PeriodWindow(parsing: "18m")?.months == 18)
        #expect(PeriodWindow(parsing: "0y") == nil && PeriodWindow(parsing: "y") == nil && PeriodWindow(parsing: "2w") == nil)
        let decoded = try JSONDecoder().decode([Period].self, from: Data(#"["2023","2023-Q2","2023-04"]"#.utf8))
        #expect(decoded.map(\.label) == ["2023", "2023-Q2", "2023-04"])
    }
}

/// `Dataset.centralityTrajectory(_:)` against separate runs of the existing centrality, one window per period.
@Suite struct TrajectoryTests {
    let dataset: Dataset

    init() throws { dataset = try DatasetLoader.load(path: TimelineTests.path) }

    func single(_ projection: GraphProjection, _ parameters: CentralityParameters, from: String, to: String) throws -> CentralityReport {
        let filter = try QueryFilter(from: try PartialDate(parsing: from), to: try PartialDate(parsing: to))
        return try AnalysisGraph(dataset: dataset, projection: projection, filter: filter).centrality(parameters)
    }

    func expectSame(_ slice: CentralityTrajectory.Slice, _ report: CentralityReport) {
        #expect(slice.scores.map(\.id) == report.scores.map(\.id), "\(slice.period)")
        #expect(slice.scores.map(\.rank) == report.scores.map(\.rank), "\(slice.period)")
        for (score, reference) in zip(slice.scores, report.scores) {
            #expect(abs(score.value - reference.value) <= 1e-12, "\(slice.period) \(score.id)")
        }
        #expect(slice.vertices == report.graph.vertices && slice.edges == report.graph.edges)
    }

    @Test(arguments: [CentralityMeasure.pagerank, .degree, .betweenness, .eigenvector], [GraphProjection.parties, .persons, .countries])
    func tumblingSlicesAreSeparateRunsPerYear(measure: CentralityMeasure, projection: GraphProjection) throws {
        let parameters = CentralityParameters(measure: measure, weights: .strength, threads: 1)
        let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(projection: projection, parameters: parameters, unit: .year))
        #expect(trajectory.slices.map(\.period.label) == ["2021", "2022", "2023", "2024", "2025", "2026"])
        for slice in trajectory.slices {
            let year = slice.period.label
            #expect(slice.from.description == year && slice.to.description == year)
            if slice.vertices == 0 { #expect(slice.scores.isEmpty); continue }
            var reference = parameters
            // A slice without edges stores no weights: computed unweighted (the values cannot differ).
            if slice.edges == 0 { reference.weights = .none }
            expectSame(slice, try single(projection, reference, from: year, to: year))
        }
    }

    @Test func slidingSlicesCoverTheWindowEndingWithThePeriod() throws {
        let parameters = CentralityParameters(measure: .pagerank, weights: .strength)
        let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(
            projection: .parties, parameters: parameters, unit: .year, window: PeriodWindow(2, .year)))
        let slice2024 = try #require(trajectory.slices.first { $0.period.label == "2024" })
        #expect(slice2024.from.description == "2023" && slice2024.to.description == "2024")
        expectSame(slice2024, try single(.parties, parameters, from: "2023", to: "2024"))
        // The empty year 2022 is not empty with a two-year window: it holds 2021.
        let slice2022 = try #require(trajectory.slices.first { $0.period.label == "2022" })
        expectSame(slice2022, try single(.parties, parameters, from: "2021", to: "2022"))
        // Quarters with a one-year window, clipped to the query's window.
        let quarters = try dataset.centralityTrajectory(TrajectoryQuery(
            projection: .parties, parameters: parameters,
            filter: QueryFilter(from: try PartialDate(parsing: "2024-01-15"), to: try PartialDate(parsing: "2024-12")),
            unit: .quarter, window: PeriodWindow(1, .year)))
        #expect(quarters.slices.map(\.period.label) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
        #expect(quarters.slices[0].from.description == "2024-01-15" && quarters.slices[0].to.description == "2024-03")
        expectSame(quarters.slices[3], try single(.parties, parameters, from: "2024-01-15", to: "2024-12"))
    }

    @Test func actorsKeepTheirIdAndEmptyPeriodsStay() throws {
        let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(
            projection: .parties, parameters: CentralityParameters(measure: .degree), unit: .year))
        #expect(trajectory.slices[1].vertices == 0 && trajectory.slices[1].scores.isEmpty)
        let cpp = trajectory.slices.compactMap { slice in slice.scores.first { $0.id == "party/cpp" } }
        #expect(cpp.count == 5)
        #expect(trajectory.parameters?.measure == .degree)
    }

    @Test func inferredHoldingsAreCarried() throws {
        // 2025: the CPP takes part only through its president, whose headship is inferred to continue after its one
        // attestation (2021-03-10); the CPV's one edge is to that presence. Other years rest on stated grounds.
        let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(
            projection: .parties, parameters: CentralityParameters(measure: .pagerank), unit: .year))
        for slice in trajectory.slices {
            let expected = slice.period.label == "2025"
            #expect(slice.scores.allSatisfy { $0.inferred == expected }, "\(slice.period)")
        }
        let graph = dataset.coMeetingGraph(level: .party, filter: try QueryFilter(from: try PartialDate(parsing: "2025"), to: try PartialDate(parsing: "2025")))
        #expect(graph.actors.map(\.id.rawValue) == ["party/cpp", "party/cpv"])
        #expect(graph.edgesRestOnInference() == [true, true])
        // Over all years the LPRP never shares a meeting with an inferred presence.
        let all = dataset.coMeetingGraph(level: .party)
        #expect(all.edgesRestOnInference()[Int(all.vertex(of: NodeID(rawValue: "party/lprp"), in: dataset)!)] == false)
        // The typed graph says nothing of certainty.
        let full = try dataset.centralityTrajectory(TrajectoryQuery(projection: .full, parameters: CentralityParameters(measure: .degree)))
        #expect(full.slices.flatMap(\.scores).allSatisfy { $0.inferred == nil })
    }

    @Test func aWindowShorterThanAPeriodIsRefused() throws {
        let error = #expect(throws: PartyGraphError.self) {
            try dataset.centralityTrajectory(TrajectoryQuery(
                projection: .parties, parameters: CentralityParameters(measure: .degree), unit: .year, window: PeriodWindow(months: 6)))
        }
        guard case .windowShorterThanPeriod(let window, let unit)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(window.months == 6 && unit == .year)
        #expect(error?.description == "a window of 6m is shorter than one year; give a window of at least 1y")
    }
}
