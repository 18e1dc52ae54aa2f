import Foundation
import Testing
@testable import PartyGraph

/// The bundled dataset, found from this file's place in the checkout.
enum QueriesFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundled: Dataset = {
        let path = packageRoot.appendingPathComponent("datasets").appendingPathComponent(BundledDataset.fileName).path
        do { return try DatasetLoader.load(path: path) } catch { fatalError("bundled dataset: \(error)") }
    }()

    static func id(_ text: String) -> NodeID { NodeID(text) }
}

@Suite("Encounters on the bundled dataset")
struct QueriesEncounterTests {
    let dataset = QueriesFixture.bundled

    @Test func hunSenMeetsToLamAndThonglounAtTheSummits() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"))
        #expect(report.query.level == .person)
        let byCounterpart = Dictionary(grouping: report.encounters, by: \.counterpart.actor.id)
        let toLam = try #require(byCounterpart["person/to-lam"])
        #expect(toLam.map(\.meeting.id) == ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit"])
        let thongloun = try #require(byCounterpart["person/thongloun-sisoulith"])
        #expect(thongloun.map(\.meeting.id) == ["meeting/2026-02-cpp-lprp-summit", "meeting/2026-02-trilateral-summit"])
        for encounter in toLam + thongloun {
            #expect(encounter.meeting.date == "2026-02-06/2026-02-07")
            #expect(encounter.meeting.status == .announced)
            #expect(encounter.meeting.announced)
        }
        #expect(report.counterparts.prefix(2).map(\.actor.name) == ["Thongloun Sisoulith", "Tô Lâm"])
        #expect(report.counterparts.prefix(2).map(\.meetings) == [2, 2])
        #expect(!byCounterpart.keys.contains("person/hun-sen"))
    }

    @Test func bilateralEncounterIsDerivedThroughTheLedDelegations() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"), with: QueriesFixture.id("person/to-lam"))
        let bilateral = try #require(report.encounters.first { $0.meeting.id == "meeting/2026-02-cpp-cpv-summit" })
        let theirs = try #require(bilateral.counterpart.participations.first)
        #expect(bilateral.counterpart.participations.count == 1)
        #expect(theirs.derivation == .viaDelegation)
        #expect(theirs.participant.id == "organ/cpv-politburo")
        #expect(theirs.role == .guest)
        #expect(theirs.capacity?.id == "party/cpv")
        #expect(theirs.basis.map(\.relation.rawValue) == ["participant-in", "leads"])
        let ours = try #require(bilateral.actor.participations.first)
        #expect(ours.derivation == .viaDelegation)
        #expect(ours.participant.id == "organ/cpp-standing-committee")
        #expect(ours.role == .host)
        #expect(ours.capacity?.id == "party/cpp")
        #expect(bilateral.evidence.count == 1)
        #expect(bilateral.evidence[0].source == "ppp-2026-02-03")
        #expect(bilateral.evidence[0].quote.contains("led by Tô Lâm, Communist Party of Việt Nam (CPV) general secretary"))
    }

    @Test func trilateralEncounterIsDerivedThroughOfficesHeldOnTheDay() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"), with: QueriesFixture.id("person/thongloun-sisoulith"))
        let trilateral = try #require(report.encounters.first { $0.meeting.id == "meeting/2026-02-trilateral-summit" })
        let theirs = try #require(trilateral.counterpart.participations.first)
        #expect(theirs.derivation == .viaOffice)
        #expect(theirs.participant.id == "office/lprp-general-secretary")
        #expect(theirs.role == .delegationHead)
        #expect(theirs.capacity?.id == "party/lprp")
        #expect(theirs.basis.map(\.relation.rawValue) == ["participant-in", "holds"])
        #expect(theirs.basis[1].from == "person/thongloun-sisoulith")
        let ours = try #require(trilateral.actor.participations.first)
        #expect(ours.derivation == .viaOffice)
        #expect(ours.participant.id == "office/cpp-president")
        // The trilateral quote and the quotes behind both holds relationships.
        let quotes = trilateral.evidence.map(\.quote)
        #expect(quotes.contains { $0.hasPrefix("The trilateral summit among the Cambodian People’s Party") })
        #expect(quotes.contains { $0.contains("led by Thongloun Sisoulith, general secretary") })
        #expect(quotes.contains { $0.contains("led by Hun Sen, CPP president") })
    }

    @Test func officesWithoutANamedHolderAreNamedAsSuch() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"))
        let primeMinister = try #require(report.encounters.first { $0.counterpart.actor.id == "office/vietnam-prime-minister" })
        #expect(primeMinister.counterpart.actor.holderNotNamed)
        #expect(primeMinister.counterpart.actor.label == "Prime Minister of Việt Nam — holder not named")
        #expect(primeMinister.counterpart.participations[0].derivation == .direct)
        #expect(primeMinister.counterpart.participations[0].capacity?.id == "country/vietnam")
        #expect(report.counterparts.count == 8)
    }

    @Test func partyLevelLiftsHunSenToTheCPP() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"), level: .party)
        #expect(report.query.actorAtLevel.map(\.id) == ["party/cpp"])
        #expect(report.counterparts.map(\.actor.id) == ["party/cpv", "party/lprp"])
        #expect(report.counterparts.map(\.meetings) == [2, 2])
        // The CPP takes part in the CPP–CPV summit through its Standing Committee's capacity.
        let bilateral = try #require(report.encounters.first { $0.meeting.id == "meeting/2026-02-cpp-cpv-summit" })
        #expect(bilateral.actor.participations.map(\.participant.id).contains("organ/cpp-standing-committee"))
    }

    @Test func countryLevelIncludesTheStateVisitsCambodiaHosts() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"), level: .country)
        #expect(report.query.actorAtLevel.map(\.id) == ["country/cambodia"])
        #expect(Set(report.counterparts.map(\.actor.id)) == ["country/vietnam", "country/laos"])
        #expect(report.counterparts.map(\.meetings) == [3, 3])
        let visit = try #require(report.encounters.first { $0.meeting.id == "meeting/2026-02-06-to-lam-state-visit" })
        #expect(visit.actor.participations[0].derivation == .hosting)
        #expect(visit.counterpart.participations[0].attendee.id == "person/to-lam")
        #expect(visit.counterpart.participations[0].basis.map(\.relation.rawValue) == ["participant-in", "holds", "office-of", "based-in"])
    }

    @Test func anActorAboveTheLevelIsMatchedAtItsOwnLevel() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("party/cpp"), level: .person)
        let met = Set(report.counterparts.map(\.actor.id))
        #expect(met.isSuperset(of: ["person/to-lam", "person/thongloun-sisoulith", "office/vietnam-prime-minister"]))
        #expect(!met.contains("person/hun-sen"))
    }

    @Test func withAnActorAboveTheLevelKeepsItsPeople() throws {
        let report = try dataset.encounters(of: QueriesFixture.id("person/hun-sen"), with: QueriesFixture.id("party/cpv"))
        #expect(Set(report.counterparts.map(\.actor.id)) == ["person/to-lam"])
    }

    @Test func aMeetingIsNotAnActor() {
        #expect(throws: PartyGraphError.self) { try dataset.encounters(of: QueriesFixture.id("meeting/2026-02-trilateral-summit")) }
    }

    @Test func levelActorsFollowTheDocumentedChains() {
        func ids(_ node: String, _ level: EncounterLevel) -> [NodeID] { dataset.levelActors(of: NodeID(node), level: level).map(\.id) }
        #expect(ids("person/hun-sen", .party) == ["party/cpp"])
        #expect(ids("person/hun-sen", .organ) == ["organ/cambodia-senate"])
        #expect(ids("person/thongloun-sisoulith", .organ) == ["organ/lprp-central-committee"])
        #expect(ids("organ/cpp-standing-committee", .party) == ["party/cpp"])
        #expect(ids("organ/cpp-standing-committee", .country) == ["country/cambodia"])
        #expect(ids("office/cpv-general-secretary", .person) == ["person/to-lam"])
        #expect(ids("office/vietnam-prime-minister", .person) == ["office/vietnam-prime-minister"])
        #expect(ids("office/vietnam-prime-minister", .party) == [])
        #expect(ids("party/cpv", .country) == ["country/vietnam"])
        #expect(ids("country/laos", .party) == [])
    }
}

@Suite("Encounters at organ level")
struct QueriesOrganLevelTests {
    @Test func hunSenAtOrganLevelIsTheBodyHeLeadsAtTheSummit() throws {
        let report = try QueriesFixture.bundled.encounters(of: NodeID("person/hun-sen"), level: .organ)
        #expect(report.query.actorAtLevel.map(\.id) == ["organ/cambodia-senate", "organ/cpp-standing-committee"])
        #expect(report.encounters.map(\.meeting.id) == ["meeting/2026-02-cpp-cpv-summit"])
        #expect(report.encounters.map(\.counterpart.actor.id) == ["organ/cpv-politburo"])
        #expect(report.encounters.map(\.actor.actor.id) == ["organ/cpp-standing-committee"])
    }
}

@Suite("Attendances of one node")
struct QueriesAttendanceTests {
    let dataset = QueriesFixture.bundled

    @Test func toLamAttendsDirectlyByDelegationAndByOffice() {
        let attendances = dataset.attendances(of: "person/to-lam")
        #expect(attendances.map { "\($0.meeting) \($0.derivation.rawValue) \($0.participant)" } == [
            "meeting/2026-02-06-to-lam-state-visit direct person/to-lam",
            "meeting/2026-02-cpp-cpv-summit via-delegation organ/cpv-politburo",
            "meeting/2026-02-trilateral-summit via-office office/cpv-general-secretary",
        ])
        #expect(attendances.map(\.role) == [.guest, .guest, .delegationHead])
        #expect(dataset.attendances(of: "person/to-lam", filter: try! QueryFilter(from: try! PartialDate(parsing: "2027"))).isEmpty)
        #expect(dataset.attendances(of: "person/nobody").isEmpty)
    }

    /// The same participations as the actor's side of every encounter of `who-met`, for every person and office.
    @Test func theSameAttendancesAsTheActorSideOfWhoMet() throws {
        for entity in dataset.entities where entity.kind == .person {
            let report = try dataset.encounters(of: entity.id)
            var fromEncounters: Set<String> = []
            for encounter in report.encounters {
                for participation in encounter.actor.participations {
                    fromEncounters.insert("\(encounter.meeting.id) \(participation.derivation.rawValue) \(participation.participant.id)")
                }
            }
            let attended = Set(dataset.attendances(of: entity.id).map { "\($0.meeting) \($0.derivation.rawValue) \($0.participant)" })
            // A meeting with no counterpart gives no encounter, so who-met's side is contained in the attendances.
            #expect(fromEncounters.isSubset(of: attended), "\(entity.id)")
            #expect(!attended.isEmpty || fromEncounters.isEmpty)
        }
    }
}
