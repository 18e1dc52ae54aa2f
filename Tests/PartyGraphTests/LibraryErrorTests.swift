import Foundation
import PartyGraph
import Testing

/// Library errors are structured cases — what is wrong, with which value, what is accepted — and their text names
/// no command-line option (the CLI phrases them with its flags).
@Suite struct LibraryErrorTests {
    let persons = try! AnalysisGraph(dataset: bundledDataset, projection: .persons)

    func caught(_ body: () throws -> Void) -> PartyGraphError? {
        do { try body() } catch let error as PartyGraphError { return error } catch { Issue.record("not a PartyGraphError: \(error)") }
        return nil
    }

    @Test func aParameterForAnotherMeasureNamesTheParameterAndTheMeasures() throws {
        let error = caught { _ = try persons.centrality(CentralityParameters(measure: .degree, damping: 0.5)) }
        guard case .parameterNotApplicable(.damping, measure: .degree, appliesTo: [.pagerank])? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(error?.description == "the damping factor does not apply to degree; it applies to pagerank")
    }

    @Test func outOfRangeValuesCarryTheValueAndWhatIsAccepted() throws {
        let damping = caught { try CentralityParameters(measure: .pagerank, damping: 2).validate() }
        guard case .parameterOutOfRange(.damping, let value, let accepted)? = damping else {
            Issue.record("got \(String(describing: damping))")
            return
        }
        #expect(value == "2.0" && accepted == "must be in [0, 1]")
        let samples = caught { _ = try persons.centrality(CentralityParameters(measure: .betweenness, samples: 500)) }
        guard case .parameterOutOfRange(.samples, "500", _)? = samples else {
            Issue.record("the algorithm's k should come back as the samples parameter, got \(String(describing: samples))")
            return
        }
        let top = caught { _ = try persons.centrality(CentralityParameters(measure: .degree), top: 0) }
        guard case .parameterOutOfRange(.top, "0", _)? = top else {
            Issue.record("got \(String(describing: top))")
            return
        }
    }

    @Test func graphShapeErrorsAreTheirOwnCases() throws {
        let directed = caught { _ = try AnalysisGraph(dataset: bundledDataset, projection: .parties, directed: true) }
        guard case .projectionIsUndirected(.parties)? = directed else {
            Issue.record("got \(String(describing: directed))")
            return
        }
        let unweighted = caught {
            _ = try AnalysisGraph(edgeListAt: fixturePath("centrality/small.edges"))
                .centrality(CentralityParameters(measure: .pagerank, weights: .strength))
        }
        guard case .graphHasNoWeights(.strength)? = unweighted else {
            Issue.record("got \(String(describing: unweighted))")
            return
        }
        let distance = caught { try CentralityParameters(measure: .hits, weights: .distance).validate() }
        guard case .distanceWeightsNeedPathMeasure(.hits)? = distance else {
            Issue.record("got \(String(describing: distance))")
            return
        }
    }

    @Test func queryErrorsNameTheNodeAndItsPartInTheQuestion() throws {
        let summit: NodeID = "meeting/2026-02-trilateral-summit"
        let asActor = caught { _ = try bundledDataset.encounters(of: summit) }
        guard case .meetingIsNotAnActor(summit, _, .actor)? = asActor else {
            Issue.record("got \(String(describing: asActor))")
            return
        }
        let asCounterpart = caught { _ = try bundledDataset.encounters(of: "party/cpp", with: summit) }
        guard case .meetingIsNotAnActor(summit, "CPP–CPV–LPRP trilateral summit", .counterpart)? = asCounterpart else {
            Issue.record("got \(String(describing: asCounterpart))")
            return
        }
        let involved = caught { _ = try bundledDataset.meetings(involving: [summit]) }
        guard case .meetingIsNotAnActor(summit, _, .involved)? = involved else {
            Issue.record("got \(String(describing: involved))")
            return
        }
        let depth = caught { _ = try bundledDataset.neighborhood(of: "party/cpp", depth: 0) }
        guard case .depthBelowMinimum(0, minimum: 1)? = depth else {
            Issue.record("got \(String(describing: depth))")
            return
        }
    }

    @Test func noLibraryMessageNamesACommandLineOption() throws {
        let from = try PartialDate(parsing: "2026-03"), to = try PartialDate(parsing: "2026-02")
        let errors: [PartyGraphError] = [
            .bundledDatasetNotFound, .meetingIsNotAnActor("meeting/x", name: "X", role: .actor),
            .meetingIsNotAnActor("meeting/x", name: "X", role: .counterpart), .meetingIsNotAnActor("meeting/x", name: "X", role: .involved),
            .windowEndsBeforeStart(from: from, to: to), .noMeetingStatus, .depthBelowMinimum(0, minimum: 1),
            .parameterOutOfRange(.samples, value: "0", accepted: "must be at least 1"),
            .parameterNotApplicable(.normalized, measure: .closeness, appliesTo: [.degree]),
            .distanceWeightsNeedPathMeasure(.pagerank), .graphHasNoWeights(.strength), .projectionIsUndirected(.persons),
            .edgeListHasNoWeights(file: "a.edges"), .unusableWeight(file: "a.edges", source: 0, target: 1, value: -1),
            .notConverged(algorithm: "pageRank", iterations: 3, tolerance: 1e-9), .exportNeedsFolder(file: "a", format: .csv),
            .importNeedsOneFile(format: .json, given: 2),
        ]
        for error in errors {
            #expect(!error.description.contains("--"), "\(error.description)")
            #expect(!error.description.isEmpty)
        }
        #expect(PartyGraphError.edgeListHasNoWeights(file: "a.edges").isDataError)
        #expect(!PartyGraphError.projectionIsUndirected(.persons).isDataError)
    }
}
