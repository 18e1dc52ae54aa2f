import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PartyGraph
@testable import PartyGraphCharts

/// The elements, attributes and text of an SVG document, read back by XMLParser (so a chart that is not well-formed
/// XML fails here).
final class SVGReader: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = ""; var path: [String] }
    private(set) var elements: [Element] = []
    private var stack: [Int] = []

    static func read(_ svg: String) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        let path = stack.map { elements[$0].name + (elements[$0].attributes["class"].map { "." + $0 } ?? "") }
        elements.append(Element(name: name, attributes: attributes, path: path))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = stack.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    /// The text of every `<text>` element.
    var texts: [String] { all("text").map(\.text) }
}

/// Charts of Tests/PartyGraphTests/Fixtures/valid/timeline-multi-year.json (read from the source tree), whose
/// meetings are listed in TimelineTests.
@Suite struct ChartTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PartyGraphTests/Fixtures/valid/timeline-multi-year.json").path
    let dataset: Dataset
    let cpp = NodeID(rawValue: "party/cpp"), cpv = NodeID(rawValue: "party/cpv")

    init() throws { dataset = try DatasetLoader.load(path: ChartTests.fixture) }

    @Test func timelineHasOneMarkPerMeetingWithItsTooltip() throws {
        let query = TimelineQuery(actor: cpp, level: .party)
        let timeline = try dataset.timeline(query)
        let chart = try dataset.timelineChart(query)
        let svg = try SVGReader.read(chart.svg)
        let marks = svg.all("g", class: "meeting")
        // One mark per lane and meeting: each counterpart's meetings.
        #expect(marks.count == timeline.counterparts.map(\.total.meetings).reduce(0, +))
        #expect(marks.count > 0)
        // Lane labels keep their diacritics, in the timeline's counterpart order.
        let labels = svg.texts
        for counterpart in timeline.counterparts { #expect(labels.contains(counterpart.actor.label)) }
        #expect(labels.contains("Communist Party of Việt Nam"))
        // The tooltip names the meeting, its date and status, and quotes the source.
        let tooltips = svg.all("title").map(\.text)
        let hanoi = try #require(tooltips.first { $0.hasPrefix("CPV–CPP talks, Hà Nội, November 2021") })
        #expect(hanoi.contains("2021-11-20 — held, talks"))
        #expect(hanoi.contains("“the CPV hosted a CPP delegation” — Fixture Wire"))
        // Announced marks are hollow, held ones filled.
        #expect(chart.svg.contains("data-status=\"announced\"><title>"))
        #expect(labels.contains("announced (hollow)") && labels.contains("held (filled)"))
        #expect(!labels.contains("postponed (hollow)"))
        // The title names the dataset, the window and the sources.
        #expect(chart.title.contains(dataset.title))
        #expect(chart.subtitle.contains("all dates") && chart.subtitle.contains("Sources: Fixture Wire"))
    }

    @Test func timelineOfAPairHasOneLaneAndTheTimelineMeetingCount() throws {
        let query = TimelineQuery(actor: cpp, with: cpv, level: .party)
        let timeline = try dataset.timeline(query)
        let svg = try SVGReader.read(try dataset.timelineChart(query).svg)
        #expect(svg.all("g", class: "meeting").count == timeline.total.meetings)
        #expect(svg.texts.contains("Cambodian People’s Party — Communist Party of Việt Nam"))
    }

    @Test func chartsOfNoMeetingsSaySoAndRender() throws {
        let later = try QueryFilter(from: PartialDate(parsing: "2030"))
        for chart in [try dataset.timelineChart(TimelineQuery(actor: cpp, filter: later, level: .party)),
                      try dataset.timelineChart(TimelineQuery(actor: cpp, with: cpv, filter: later, level: .party)),
                      dataset.coMeetingChart(filter: later)] {
            let svg = try SVGReader.read(chart.svg)
            #expect(svg.texts.contains("No meetings found."))
            #expect(svg.all("g", class: "meeting").isEmpty)
            #expect(try ChartRenderer(scale: 1).data(chart, as: .png).count > 8)
        }
    }

    @Test func matrixHasACellPerPairInSeriationOrderAndALegend() throws {
        let matrix = dataset.coMeetingMatrix(level: .party, gridLimit: .max)
        let chart = dataset.coMeetingChart(level: .party)
        let svg = try SVGReader.read(chart.svg)
        #expect(svg.all("g", class: "cell").count == matrix.actors.count * matrix.actors.count)
        for actor in matrix.actors { #expect(svg.texts.filter { $0 == actor.label }.count == 2) }
        #expect(svg.texts.contains("shared meetings"))
        let cpvCpp = matrix.count(cpp, cpv)
        #expect(svg.all("title").contains { $0.text.hasSuffix(": \(cpvCpp) shared meetings") && $0.text.contains("Việt Nam") })
    }

    @Test func seriationPutsActorsThatMeetSideBySide() {
        // Two blocks, {0, 2} and {1, 3}, interleaved in the input.
        let counts = [[4, 0, 5, 0], [0, 3, 0, 3], [5, 0, 5, 0], [0, 3, 0, 3]]
        let order = Dataset.seriation(counts, labels: ["a", "b", "c", "d"])
        #expect(order == [0, 2, 1, 3])
        #expect(Dataset.seriation(counts, labels: ["a", "b", "c", "d"]) == order)
    }

    @Test func trajectoryDrawsOneLinePerActorShownWithALegend() throws {
        let query = TrajectoryQuery(projection: .parties, parameters: CentralityParameters(measure: .degree), unit: .year, top: 2)
        let trajectory = try dataset.centralityTrajectory(TrajectoryQuery(projection: .parties, parameters: CentralityParameters(measure: .degree), unit: .year))
        let chart = try dataset.trajectoryChart(query)
        let svg = try SVGReader.read(chart.svg)
        let series = svg.all("g", class: "series")
        let expected = Set(trajectory.slices.flatMap { $0.scores.filter { $0.rank <= 2 }.map(\.id) })
        #expect(Set(series.map { $0.attributes["data-actor"] ?? "" }) == expected)
        #expect(svg.all("line", class: "legend-entry").count == expected.count)
        let points = trajectory.slices.flatMap { $0.scores.filter { expected.contains($0.id) } }
        #expect(svg.all("circle", class: "point").count == points.count)
        for period in trajectory.slices.map(\.period.label) { #expect(svg.texts.contains(period)) }
    }

    @Test func manifestIsEscapedIntoSVGMetadataAndReadsBack() throws {
        let manifest = #"{"dataset":"a <b> & \"c\"","tool":"partygraph"}"#
        let chart = dataset.coMeetingChart(manifest: manifest)
        #expect(chart.svg.contains("<metadata id=\"partygraph-manifest\">{&quot;dataset&quot;:&quot;a &lt;b&gt; &amp; "))
        let metadata = try SVGReader.read(chart.svg).all("metadata")
        #expect(metadata.map(\.text) == [manifest])
        #expect(try SVGReader.read(dataset.coMeetingChart().svg).all("metadata").isEmpty)
    }

    @Test func pngHasTheSignatureAndTheScaledSize() throws {
        let chart = dataset.coMeetingChart()
        let png = try ChartRenderer(scale: 2).data(chart, as: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        #expect(be32(16) == Int((chart.width * 2).rounded()) && be32(20) == Int((chart.height * 2).rounded()))
        #expect(try ChartRenderer(scale: 2).data(chart, as: .png) == png)
    }

    @Test func pdfHasDocumentInfoAndTheSameBytesEveryTime() throws {
        let chart = try dataset.timelineChart(TimelineQuery(actor: cpp, level: .party), manifest: #"{"tool":"partygraph-test"}"#)
        let first = try ChartRenderer().data(chart, as: .pdf)
        Thread.sleep(forTimeInterval: 1.1) // cairo's clock-stamped CreationDate would change with the second
        let second = try ChartRenderer().data(chart, as: .pdf)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(!text.contains("/CreationDate"))
        // cairo writes non-ASCII info strings as UTF-16BE hex with a byte-order mark.
        func pdfString(_ value: String) -> String {
            "<FEFF" + value.utf16.map { String(format: "%04X", $0) }.joined() + ">"
        }
        #expect(text.contains("/Title " + pdfString(chart.title)) || text.contains("/Title (\(chart.title))"))
        #expect(text.contains(#"/Keywords ({"tool":"partygraph-test"})"#))
        #expect(text.contains("%%EOF"))
    }

    @Test func svgIsTheSameTextEveryTimeAndIsWrittenAtomically() throws {
        let query = TimelineQuery(actor: cpp, level: .party)
        #expect(try dataset.timelineChart(query).svg == (try dataset.timelineChart(query).svg))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = try dataset.timelineChart(query)
        for format in ChartFormat.allCases {
            let path = folder.appendingPathComponent("chart.\(format.rawValue)").path
            try ChartRenderer().write(chart, as: format, to: path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == (try ChartRenderer().data(chart, as: format)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chart.pdf", "chart.png", "chart.svg"])
    }
}
