import Foundation
import Testing
@testable import PartyGraphDiagrams

/// User text that Graphviz or XML would misread if it were not escaped.
let trickyTexts: [String] = [
    "He said \"hi\" and 'bye'",
    "<script>alert('x')</script>",
    "&nbsp;",
    "a & b &amp; c &#38; d &lt;",
    "C:\\path\\N\\n and \\G \\L\\",
    "line one\nline two\r\nline three",
    "Tô Lâm",
    "Việt Nam",
    "Nguyễn Phú Trọng — Đảng Cộng sản",
    "<!-- -- --> ]]> <![CDATA[",
    "{record|<port>}",
]

/// What the text looks like once drawn: one `<text>` per line.
func drawn(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n")
}

@Suite struct EscapingTests {
    @Test(arguments: trickyTexts)
    func nodeLabelRoundTrips(text: String) throws {
        let svg = try renderSVG(Diagram(nodes: [DiagramNode(id: "x", label: text)]))
        #expect(try svg.groups("node").map(\.label) == [drawn(text)])
    }

    @Test(arguments: trickyTexts)
    func recordNodeLabelRoundTrips(text: String) throws {
        let diagram = Diagram(nodes: [DiagramNode(id: "x", label: text, style: DiagramStyle(shape: "record"))])
        #expect(try renderSVG(diagram).groups("node").map(\.label) == [drawn(text)])
    }

    @Test(arguments: trickyTexts)
    func edgeLabelRoundTrips(text: String) throws {
        let diagram = Diagram(
            nodes: [DiagramNode(id: "a"), DiagramNode(id: "b")],
            edges: [DiagramEdge(from: "a", to: "b", label: text)]
        )
        #expect(try renderSVG(diagram).groups("edge").map(\.label) == [drawn(text)])
    }

    @Test(arguments: trickyTexts)
    func clusterTitleAndDiagramTitleRoundTrip(text: String) throws {
        let diagram = Diagram(
            title: text,
            nodes: [DiagramNode(id: "a")],
            clusters: [DiagramCluster(id: "c", label: text, nodeIDs: ["a"])]
        )
        let svg = try renderSVG(diagram)
        #expect(try svg.groups("cluster").map(\.label) == [drawn(text)])
        #expect(try svg.graphTexts().joined(separator: "\n") == drawn(text))
    }

    @Test(arguments: trickyTexts.filter { !$0.contains("\n") })
    func tooltipRoundTrips(text: String) throws {
        let diagram = Diagram(
            nodes: [DiagramNode(id: "a", tooltip: text), DiagramNode(id: "b")],
            edges: [DiagramEdge(from: "a", to: "b", tooltip: text)]
        )
        let svg = try renderSVG(diagram)
        #expect(try svg.groups("node").first?.linkTitles == [text])
        #expect(try svg.groups("edge").first?.linkTitles.first == text)
    }

    @Test func multiLineTooltipStaysWellFormed() throws {
        let diagram = Diagram(nodes: [DiagramNode(id: "a", tooltip: "one\ntwo & <three>")])
        let titles = try renderSVG(diagram).groups("node").first?.linkTitles ?? []
        // XML attribute normalisation may turn the line break into a space.
        #expect(titles.map { $0.replacingOccurrences(of: "\n", with: " ") } == ["one two & <three>"])
    }

    @Test func urlWithQuotesAndAmpersandsStaysWellFormed() throws {
        let url = "https://example.org/search?q=\"Tô Lâm\"&lang=vi&x=<y>"
        let diagram = Diagram(nodes: [DiagramNode(id: "a", style: DiagramStyle(url: url))])
        let targets = try renderSVG(diagram).groups("node").first?.linkTargets ?? []
        #expect(targets == ["https://example.org/search?q=%22Tô%20Lâm%22&lang=vi&x=%3Cy%3E"])
    }

    @Test func charactersXMLCannotHoldAreDrawnAsReplacementCharactersAndTabsBecomeSpaces() throws {
        let diagram = Diagram(nodes: [DiagramNode(id: "a", label: "a\u{01}b\tc\u{7F}d\u{FFFE}e\u{FFFF}\u{00}")])
        #expect(try renderSVG(diagram).groups("node").map(\.label) == ["a\u{FFFD}b c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}"])
    }

    @Test func escapeDoublesBackslashesAndEncodesLineBreaks() {
        #expect(GraphvizText.escape("a\\b") == "a\\\\b")
        #expect(GraphvizText.escape("a\r\nb\nc\rd") == "a\\nb\\nc\\nd")
        #expect(GraphvizText.escape("a & b") == "a &amp; b")
        #expect(GraphvizText.escape("\"<>") == "\"<>")
        #expect(GraphvizText.escapeRecordLabel("{a|b}") == "\\{a\\|b\\}")
    }
}

@Suite struct ClusterTooltipTests {
    @Test(arguments: ["plain", "C:\\dir\\N", "a & b <c> \"d\""])
    func clusterTooltipRoundTrips(text: String) throws {
        let diagram = Diagram(
            nodes: [DiagramNode(id: "a")],
            clusters: [DiagramCluster(id: "c", label: "C", tooltip: text, nodeIDs: ["a"])]
        )
        #expect(try renderSVG(diagram).groups("cluster").first?.linkTitles == [text])
    }
}
