import Foundation
import Testing
@testable import PartyGraphDiagrams

@Suite struct RenderingTests {
    @Test func svgHoldsNodesClustersAndEdges() throws {
        let diagram = sampleDiagram()
        let svg = try renderSVG(diagram)

        let nodes = try svg.groups("node")
        #expect(nodes.map(\.title) == ["n0", "n1", "n2", "n3", "n4", "n5"])
        #expect(nodes.map(\.label) == diagram.nodes.map(\.label))
        #expect(nodes[0].linkTitles == ["General Secretary"])

        let clusters = try svg.groups("cluster")
        #expect(Set(clusters.map(\.title)) == ["cluster_0", "cluster_1", "cluster_2"])
        #expect(Set(clusters.map(\.label)) == ["Party", "Party organs", "State"])

        let edges = try svg.groups("edge")
        #expect(edges.count == diagram.edges.count)
        #expect(Set(edges.map(\.title)) == ["n0->n1", "n1->n2", "n2->n3", "n3->n4", "n4->n5"])
        #expect(edges.first { $0.title == "n0->n1" }?.label == "leads")
        #expect(edges.first { $0.title == "n3->n4" }?.linkTitles == ["approves"])

        #expect(try svg.graphTexts() == ["Sample"])
    }

    @Test func nodesShowTheirLabelsNotTheSyntheticNames() throws {
        let diagram = Diagram(nodes: [DiagramNode(id: "alpha"), DiagramNode(id: "beta", label: "Beta")])
        let nodes = try renderSVG(diagram).groups("node")
        #expect(nodes.map(\.label) == ["alpha", "Beta"])
    }

    @Test(arguments: Layout.allCases)
    func everyLayoutRendersWellFormedSVG(layout: Layout) throws {
        let diagram = sampleDiagram()
        let svg = try renderSVG(diagram, layout: layout)
        let nodes = try svg.groups("node")
        #expect(Set(nodes.map(\.label)) == Set(diagram.nodes.map(\.label)))
        #expect(Set(nodes.map(\.title)) == ["n0", "n1", "n2", "n3", "n4", "n5"])
        if layout == .dot || layout == .fdp {
            #expect(Set(try svg.groups("cluster").map(\.title)) == ["cluster_0", "cluster_1", "cluster_2"])
        }
    }

    @Test func undirectedStrictGraph() throws {
        let diagram = Diagram(
            directed: false, strict: true,
            nodes: [DiagramNode(id: "a"), DiagramNode(id: "b")],
            edges: [DiagramEdge(from: "a", to: "b"), DiagramEdge(from: "b", to: "a")]
        )
        let dot = try GraphvizRenderer().dotSource(diagram)
        #expect(dot.hasPrefix("strict graph G {"))
        #expect(try renderSVG(diagram).groups("edge").count == 1)
    }

    @Test func parallelEdgesAreKeptInNonStrictGraphs() throws {
        let diagram = Diagram(
            nodes: [DiagramNode(id: "a"), DiagramNode(id: "b")],
            edges: [DiagramEdge(from: "a", to: "b", label: "one"), DiagramEdge(from: "a", to: "b", label: "two")]
        )
        let edges = try renderSVG(diagram).groups("edge")
        #expect(Set(edges.map(\.label)) == ["one", "two"])
    }

    @Test func pngAndPDFHaveTheirSignatures() throws {
        let renderer = GraphvizRenderer()
        let png = try renderer.render(sampleDiagram(), format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try renderer.render(sampleDiagram(), format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func jsonOutputParses() throws {
        let json = try GraphvizRenderer().render(sampleDiagram(), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let objects = try #require(object["objects"] as? [[String: Any]])
        #expect(objects.compactMap { $0["label"] as? String }.contains("Tô Lâm"))
    }

    @Test func dotOutputIsByteIdenticalAcrossRenders() throws {
        let renderer = GraphvizRenderer()
        let first = try renderer.render(sampleDiagram(), format: .dot)
        let second = try renderer.render(sampleDiagram(), format: .dot)
        #expect(first == second)
        #expect(try renderer.dotSource(sampleDiagram()) == renderer.dotSource(sampleDiagram()))
    }

    @Test func dotSourceNamesNodesAndClustersSynthetically() throws {
        let dot = try GraphvizRenderer().dotSource(sampleDiagram())
        #expect(dot.hasPrefix("digraph G {"))
        #expect(dot.contains("subgraph cluster_0 {"))
        #expect(dot.contains("subgraph cluster_1 {"))
        #expect(dot.contains("subgraph cluster_2 {"))
        #expect(dot.contains("n0 -> n1"))
        #expect(dot.contains("label=\"Tô Lâm\""))
        #expect(!dot.contains("\"tl\""))
    }

    @Test func availablePluginsComeFromGraphviz() {
        #expect(GraphvizRenderer.installedLayoutEngines.contains("dot"))
        #expect(GraphvizRenderer.installedFormats.contains("svg"))
        #expect(GraphvizRenderer.availableLayouts == Layout.allCases)
        #expect(GraphvizRenderer.availableFormats == OutputFormat.allCases)
        #expect(!GraphvizRenderer.graphvizVersion.isEmpty)
    }

    @Test func fileExtensions() {
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["svg", "png", "pdf", "gv", "json"])
    }
}
