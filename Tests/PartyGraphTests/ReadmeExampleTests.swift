import GraphAlgorithms
import PartyGraph
import Testing

/// The Swift API example of README.md, kept compiling and correct.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleRunsAndGivesWhatItSays() throws {
        // README: Swift API
        let dataset = try DatasetLoader.load(path: bundledDatasetPath)
        let hunSen = try NameResolver(dataset: dataset).resolve("hun sen")

        let report = try dataset.encounters(of: hunSen.id)
        var lines: [String] = []
        for encounter in report.encounters {
            lines.append("\(encounter.meeting.date)  \(encounter.counterpart.actor.label)  \(encounter.evidence.first?.quote.prefix(40) ?? "")")
        }

        let matrix = dataset.coMeetingMatrix(level: .party)
        let cppCPV = matrix.count("party/cpp", "party/cpv")

        let path = try CompressedGraph(vertexCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
        let betweenness = try path.betweennessCentrality()
        // End of the README example.

        #expect(lines.contains { $0.contains("Tô Lâm") && $0.hasPrefix("2026-02-06/2026-02-07") })
        #expect(cppCPV == 2)
        #expect(betweenness.map { ($0 * 1e9).rounded() / 1e9 } == [0, 2.0 / 3.0, 2.0 / 3.0, 0].map { ($0 * 1e9).rounded() / 1e9 })
    }
}
