import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PartyGraph
import Testing
@testable import PartyGraphDiagrams

/// Diagrams, DOT and the explorer page of names built to break them (the fixture of
/// Tests/PartyGraphTests/HostileOutputTests.swift): every output parses, and the names are drawn as text.
enum HostileDiagramFixture {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PartyGraphTests/Fixtures/interchange/hostile.json").path
    static let dataset: Dataset = try! DatasetLoader.load(path: path)

    /// A label of 100,000 characters: markup, quotes, backslashes, controls and non-characters repeated.
    static let longLabel: String = {
        let unit = "<script>alert(\"x\")</script> ]]> -- \\N \u{01}\u{FFFE} \u{202E}${x}` "
        return String(String(repeating: unit, count: 100_000 / unit.count + 1).prefix(100_000))
    }()

    /// What Graphviz draws of a name, whitespace aside: characters XML cannot hold become U+FFFD.
    static func drawn(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { return nil }
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF { return "\u{FFFD}" }
            if scalar.properties.isWhitespace { return nil }
            return scalar
        }))
    }
}

@Suite struct HostileLabelTests {
    @Test func theSVGOfEveryNodeIsWellFormedAndShowsEachNameAsText() throws {
        let diagram = DiagramViews.all(dataset: HostileDiagramFixture.dataset)
        let data = try GraphvizRenderer().render(diagram, layout: .dot, format: .svg)
        let svg = try SVGDocument(data)  // throws on ill-formed XML (U+FFFE did, before)
        let drawn = try svg.groups("node").map { HostileDiagramFixture.drawn($0.texts.joined()) }.joined(separator: "|")
        for entity in HostileDiagramFixture.dataset.entities {
            #expect(drawn.contains(HostileDiagramFixture.drawn(entity.name)), "\(HostileDiagramFixture.drawn(entity.name).debugDescription)")
        }
        // Markup in names is text, not elements.
        let scripts = try svg.document.nodes(forXPath: "//*[local-name()='script' or local-name()='img']")
        #expect(scripts.isEmpty)
    }

    @Test(arguments: [OutputFormat.png, .pdf])
    func pngAndPDFOfHostileNamesRender(format: OutputFormat) throws {
        let data = try GraphvizRenderer().render(DiagramViews.all(dataset: HostileDiagramFixture.dataset), layout: .dot, format: format)
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : Array("%PDF-".utf8)
        #expect(Array(data.prefix(magic.count)) == magic)
        #expect(data.count > 1_000)
    }

    @Test(arguments: [OutputFormat.svg, .png, .pdf])
    func aLabelOf100000CharactersRenders(format: OutputFormat) throws {
        let diagram = Diagram(
            title: HostileDiagramFixture.longLabel,
            nodes: [DiagramNode(id: "a", label: HostileDiagramFixture.longLabel, tooltip: HostileDiagramFixture.longLabel), DiagramNode(id: "b")],
            edges: [DiagramEdge(from: "a", to: "b", label: HostileDiagramFixture.longLabel)])
        let data = try GraphvizRenderer().render(diagram, layout: .dot, format: format)
        switch format {
        case .svg:
            let svg = try SVGDocument(data)
            let label = try #require(svg.groups("node").first?.label)
            #expect(HostileDiagramFixture.drawn(label) == HostileDiagramFixture.drawn(HostileDiagramFixture.longLabel))
        case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        default: #expect(data.starts(with: Array("%PDF-".utf8)))
        }
    }

    @Test func theStyledDOTExportReadsBackInGraphvizWithEveryName() throws {
        let files = try DiagramExporter.files(HostileDiagramFixture.dataset, format: .dot)
        let text = String(decoding: files[0].data, as: UTF8.self)
        let parsed = try #require(GraphvizRenderer.parseDOT(text), "cgraph could not read the DOT export")
        // Every node, and the legend.
        #expect(parsed.nodes.count == HostileDiagramFixture.dataset.entities.count + 1)
        #expect(parsed.edgeCount == HostileDiagramFixture.dataset.relationships.count)
        /// A label's escString as Graphviz draws it: `\\` is a backslash, `\n`, `\l`, `\r` are line breaks.
        func shown(_ label: String) -> String {
            var out = "", escaped = false
            for character in label {
                if escaped { out.append(character == "\\" ? "\\" : "\n"); escaped = false } else if character == "\\" { escaped = true } else { out.append(character) }
            }
            return out.replacingOccurrences(of: "&amp;", with: "&")
        }
        let labels = parsed.nodes.compactMap { $0.attributes["label"] }.map { HostileDiagramFixture.drawn(shown($0)) }.joined(separator: "|")
        for entity in HostileDiagramFixture.dataset.entities {
            #expect(labels.contains(HostileDiagramFixture.drawn(entity.name)), "\(entity.name.debugDescription)")
        }
    }

    @Test(arguments: [GraphProjection.full, .persons])
    func thePlainDOTExportReadsBackInGraphvizWithEveryName(projection: GraphProjection) throws {
        // The full graph's plain DOT is the library's DOTWriter; the projections' DOT is what `export` writes.
        let files = Exporter.files(HostileDiagramFixture.dataset, format: .dot, projection: projection)
        let text = String(decoding: files[0].data, as: UTF8.self)
        let parsed = try #require(GraphvizRenderer.parseDOT(text), "cgraph could not read the DOT export")
        let names = Dictionary(uniqueKeysWithValues: HostileDiagramFixture.dataset.entities.map { ($0.id.rawValue, $0.name) })
        #expect(!parsed.nodes.isEmpty)
        for node in parsed.nodes {
            let name = try #require(names[node.name])
            // As drawn: backslashes doubled, line breaks as \n, & as &amp;, what XML cannot hold as U+FFFD.
            var expected = ""
            var previous: Unicode.Scalar = " "
            for scalar in name.unicodeScalars {
                defer { previous = scalar }
                switch scalar {
                case "\\": expected += "\\\\"
                case "&": expected += "&amp;"
                case "\r": expected += "\\n"
                case "\n": if previous != "\r" { expected += "\\n" }
                case "\t": expected += "\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF: expected += "\u{FFFD}"
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(node.attributes["label"] == expected, "\(name.debugDescription)")
        }
    }

    @Test func theExplorerPageKeepsHostileNamesInsideItsDataBlocks() throws {
        let html = try ExplorerPage.html(dataset: HostileDiagramFixture.dataset)
        // Exactly the page's own script elements: three data blocks and the script.
        #expect(html.components(separatedBy: "<script").count - 1 == 4)
        #expect(html.components(separatedBy: "</script>").count - 1 == 4)
        for id in ["pg-data", "pg-details", "pg-whomet-data"] {
            let block = try ExplorerPageTests.dataBlock(html, id: id)
            #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
            #expect(try JSONSerialization.jsonObject(with: Data(block.utf8)) is NSObject)
        }
        let data = try #require(try JSONSerialization.jsonObject(with: Data(try ExplorerPageTests.dataBlock(html).utf8)) as? [String: Any])
        let names = (data["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == HostileDiagramFixture.dataset.entities.map(\.name))
        // The inline SVG is well-formed XML too.
        let svg = try #require(html.range(of: "<svg").flatMap { start in html.range(of: "</svg>").map { String(html[start.lowerBound..<$0.upperBound]) } })
        _ = try SVGDocument(Data(svg.utf8))
    }
}
