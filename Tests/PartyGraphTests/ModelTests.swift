import Testing
@testable import PartyGraph

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2026", PartialDate.Precision.year, "2026-01-01", "2026-12-31"),
        ("2026-02", .month, "2026-02-01", "2026-02-28"),
        ("2024-02", .month, "2024-02-01", "2024-02-29"),
        ("2026-02-06", .day, "2026-02-06", "2026-02-06"),
    ])
    func partialDatesAreIntervals(text: String, precision: PartialDate.Precision, first: String, last: String) throws {
        let date = try PartialDate(parsing: text)
        #expect(date.precision == precision)
        #expect(date.description == text)
        #expect(PartialDate.dayString(date.firstDay) == first)
        #expect(PartialDate.dayString(date.lastDay) == last)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13", "2026-00-10", "0000", "26-02-06", "2026/02/06", "2026-2-6", "", "February 2026", "2026-02-06T10:00"])
    func invalidDatesAreRejected(text: String) {
        #expect(throws: DateProblem.self) { try PartialDate(parsing: text) }
    }

    @Test func leapYearsFollowTheGregorianRule() throws {
        #expect(throws: Never.self) { try PartialDate(parsing: "2000-02-29") }
        #expect(throws: DateProblem.self) { try PartialDate(parsing: "1900-02-29") }
    }

    @Test func dayNumbersAreConsecutiveAcrossMonthAndYearEnds() throws {
        let lastOf2025 = try PartialDate(parsing: "2025-12-31"), firstOf2026 = try PartialDate(parsing: "2026-01-01")
        #expect(firstOf2026.firstDay - lastOf2025.firstDay == 1)
        #expect(try PartialDate(dayNumber: firstOf2026.firstDay) == firstOf2026)
    }
}

@Suite struct DateSpanTests {
    @Test func anEndBeforeItsStartIsRejected() throws {
        #expect(throws: DateProblem.self) { try DateSpan(parsing: "2026-02-07/2026-02-06") }
        // A month that contains the start day is not before it.
        #expect(throws: Never.self) { try DateSpan(parsing: "2026-02-06/2026-02") }
    }

    @Test func overlapAndContainmentUsePartialDatesAsIntervals() throws {
        let summits = try DateSpan(parsing: "2026-02-06/2026-02-07")
        #expect(summits.overlaps(try DateSpan(parsing: "2026-02")))
        #expect(summits.overlaps(try DateSpan(parsing: "2026-02-07/")))
        #expect(!summits.overlaps(try DateSpan(parsing: "2026-03")))
        #expect(!summits.overlaps(try DateSpan(parsing: "/2026-02-05")))
        #expect(summits.isWithin(try DateSpan(parsing: "2026")))
        #expect(!DateSpan.unbounded.isWithin(try DateSpan(parsing: "2026")))
        #expect(DateSpan.unbounded.contains(day: 0))
        #expect(summits.description == "2026-02-06/2026-02-07")
        #expect(try DateSpan(parsing: "2026-02-06").description == "2026-02-06")
    }
}

@Suite struct VocabularyTests {
    @Test func relationsOnlyJoinAllowedKinds() {
        #expect(Relation.holds.allows(from: .person, to: .office))
        #expect(!Relation.holds.allows(from: .meeting, to: .office))
        #expect(Relation.partOf.allows(from: .organ, to: .party))
        #expect(Relation.partOf.allows(from: .meeting, to: .meeting))
        #expect(!Relation.partOf.allows(from: .meeting, to: .party))
        #expect(!Relation.partOf.allows(from: .organ, to: .meeting))
        #expect(Relation.participantIn.allows(from: .office, to: .meeting))
        #expect(!Relation.participantIn.allows(from: .meeting, to: .meeting))
    }

    @Test(arguments: [
        ("person/hun-sen", nil as String?),
        ("Person/Hun Sen", "lowercase"),
        ("hun-sen", "kind/slug"),
        ("person/", "kind/slug"),
        ("person/to/lam", "exactly one"),
        ("", "empty"),
    ])
    func slugsAreChecked(id: String, problemFragment: String?) {
        let problem = NodeID(id).slugProblem
        if let problemFragment {
            #expect(problem?.contains(problemFragment) == true, "\(String(describing: problem))")
        } else {
            #expect(problem == nil)
        }
    }

    @Test(arguments: [
        ("Tô Lâm", "tolam"), ("Việt Nam", "vietnam"), ("Cambodian People’s Party", "cambodianpeoplesparty"),
        ("  HUN   sen ", "hunsen"), ("Đảng Cộng sản Việt Nam", "dangcongsanvietnam"), ("ທອງລຸນ", "ທອງລນ"),
    ])
    func matchingKeysFoldCaseDiacriticsAndSpacing(text: String, key: String) {
        #expect(text.matchingKey == key)
    }
}

@Suite struct InMemoryDatasetTests {
    let source = Source(id: "s", publisher: "Wire", title: "Report", date: try! PartialDate(parsing: "2026-02-03"))

    @Test func aValidDatasetIsIndexed() throws {
        let evidence = [Evidence(source: "s", quote: "q")]
        let dataset = try Dataset(
            title: "t", sources: [source],
            entities: [
                Entity(id: "person/a", kind: .person, name: "A"),
                Entity(id: "office/b", kind: .office, name: "B"),
            ],
            relationships: [Relationship(.holds, from: "person/a", to: "office/b", evidence: evidence)])
        #expect(dataset.relationships(from: "person/a").count == 1)
        #expect(dataset.relationships(to: "office/b").first?.from == "person/a")
        #expect(dataset.relationships(from: "office/b").isEmpty)
        #expect(dataset.index(of: "office/b") == 1)
    }

    @Test func everyProblemIsReportedAtOnce() {
        do {
            _ = try Dataset(
                title: "t", sources: [source],
                entities: [
                    Entity(id: "person/a", kind: .person, name: ""),
                    Entity(id: "person/a", kind: .person, name: "A again"),
                    Entity(id: "meeting/m", kind: .meeting, name: "M"),
                ],
                relationships: [
                    Relationship(.holds, from: "meeting/m", to: "person/a", evidence: [Evidence(source: "s", quote: "q")]),
                    Relationship(.participantIn, from: "person/a", to: "meeting/x"),
                ])
            Issue.record("expected invalid data")
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("wrong error \(error)"); return }
            let messages = issues.map(\.description).joined(separator: "\n")
            #expect(messages.contains("$.nodes[0].name: the name is empty"))
            #expect(messages.contains("$.nodes[1].id: duplicate id 'person/a'"))
            #expect(messages.contains("a meeting needs"))
            #expect(messages.contains("'holds' cannot join a meeting to a person"))
            #expect(messages.contains("$.relations[1].to: 'meeting/x' is not the id of any node"))
            #expect(messages.contains("$.relations[1].evidence: the relation cites no source"))
            #expect(messages.contains("$.nodes[2].evidence: the meeting cites no source"))
        }
    }
}
