import Foundation
import PartyGraph
import Testing
@testable import PartyGraphDiagrams

/// The explorer page as text: one file, a policy that forbids requests, data that cannot end its script block.
/// Its behaviour in a browser is tested by Tests/browser/test_explorer.py.
@Suite struct ExplorerPageTests {
    /// The text of a `<script type="application/json">` block.
    static func dataBlock(_ html: String, id: String = "pg-data") throws -> String {
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"\(id)\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        return String(html[open.upperBound..<close.lowerBound])
    }

    @Test func theBundledPageIsOneSmallFileThatRequestsNothing() throws {
        let html = try ExplorerPage.html(dataset: bundledDataset)
        #expect(html.utf8.count < 2_000_000)
        #expect(html.contains("default-src 'none'"))
        // Three data blocks (main, details, who-met) and the page's script.
        #expect(html.components(separatedBy: "<script").count - 1 == 4)
        #expect(!html.contains("<link") && !html.contains("@font-face") && !html.contains("<?xml"))
        #expect(html.contains("<svg"))
        let data = try JSONSerialization.jsonObject(with: Data(try Self.dataBlock(html).utf8)) as? [String: Any]
        let nodes = try #require(data?["nodes"] as? [[String: Any]])
        #expect(nodes.count == bundledDataset.entities.count)
        let toLam = try #require(nodes.first { $0["id"] as? String == "person/to-lam" })
        #expect(toLam["keys"] as? [String] == ["tolam"])
        let whoMet = try #require(try JSONSerialization.jsonObject(with: Data(try Self.dataBlock(html, id: "pg-whomet-data").utf8))
            as? [String: [[String: Any]]])
        let details = try #require(try JSONSerialization.jsonObject(with: Data(try Self.dataBlock(html, id: "pg-details").utf8)) as? [Any])
        #expect(details.count == nodes.count)
        let index = try #require(bundledDataset.entities.firstIndex { $0.id == "person/to-lam" })
        let report = try bundledDataset.encounters(EncounterQuery(actor: "person/to-lam"))
        #expect(whoMet[String(index)]?.count == report.encounters.count)
        #expect(whoMet.count == bundledDataset.entities.filter { $0.kind != .meeting }.count)
    }

    @Test func hostileTextCannotLeaveTheDataBlock() throws {
        let hostile = "</script><script>alert(1)</script> <!-- & ]]> \u{2028}"
        let escaped = ExplorerPage.scriptSafeJSON("{\"name\":\"\(hostile)\"}")
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("&") && !escaped.contains("\u{2028}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(decoded?["name"] == hostile)
    }

    @Test func aDatasetLargerThanTheLimitGetsThePageWithoutADiagram() throws {
        let html = try ExplorerPage.html(dataset: bundledDataset, maxDiagramNodes: 10)
        #expect(!html.contains("<svg"))
        #expect(try Self.dataBlock(html).contains("\"diagramNote\":\"No diagram: 38 nodes"))
    }

    @Test func theDatesOfMeetingsAreTheirFirstAndLastDays() throws {
        #expect(ExplorerData.isoFirstDay(try PartialDate(parsing: "2026-02")) == "2026-02-01")
        #expect(ExplorerData.isoLastDay(try PartialDate(parsing: "2026-02")) == "2026-02-28")
        #expect(ExplorerData.isoLastDay(try PartialDate(parsing: "2024-02")) == "2024-02-29")
        #expect(ExplorerData.isoLastDay(try PartialDate(parsing: "2026")) == "2026-12-31")
        #expect(ExplorerData.isoLastDay(try PartialDate(parsing: "2026-02-06")) == "2026-02-06")
    }
}
