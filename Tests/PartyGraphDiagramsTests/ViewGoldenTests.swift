import Foundation
import PartyGraph
import Testing
@testable import PartyGraphDiagrams

/// The DOT text of every kind of view, compared with golden files in `Golden/`.
///
/// The views read the dataset through its indexes (who a node leads, its party through the bodies it leads);
/// these files pin what they draw. Run with `PARTYGRAPH_RECORD_GOLDEN=1` to write the files again after an
/// intended change, and read the diff before committing it.
@Suite struct ViewGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let trickyDataset: Dataset = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PartyGraphTests/Fixtures/interchange/tricky.json").path
        return try! DatasetLoader.load(path: path)
    }()

    static let cases: [(name: String, tricky: Bool, view: DiagramView)] = [
        ("bundled-trilateral", false, .trilateral),
        ("bundled-ego-hun-sen-1", false, .ego("person/hun-sen", depth: 1)),
        ("bundled-ego-to-lam-2", false, .ego("person/to-lam", depth: 2)),
        ("bundled-meeting-cpp-cpv", false, .meeting("meeting/2026-02-cpp-cpv-summit")),
        ("bundled-all", false, .all),
        ("tricky-ego-to-lam-1", true, .ego("person/to-lam", depth: 1)),
        ("tricky-all", true, .all),
    ]

    @Test(arguments: cases.map(\.name))
    func dotSourceMatchesTheGoldenFile(name: String) throws {
        let item = try #require(Self.cases.first { $0.name == name })
        let dataset = item.tricky ? Self.trickyDataset : bundledDataset
        // The trilateral view is drawn for the bundled summits' month, as `partygraph render trilateral` draws it.
        let window = item.view == .trilateral ? bundledSummitMonth : .unbounded
        let dot = try GraphvizRenderer().dotSource(item.view.diagram(dataset: dataset, window: window))
        let file = Self.golden.appendingPathComponent(name + ".dot")
        if ProcessInfo.processInfo.environment["PARTYGRAPH_RECORD_GOLDEN"] == "1" {
            try Data(dot.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(dot == expected, "\(name): the drawn view changed; see \(file.lastPathComponent)")
    }
}
