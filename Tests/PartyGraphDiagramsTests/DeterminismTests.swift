import Foundation
import Testing
@testable import PartyGraphDiagrams

@Suite struct DeterminismTests {
    /// Renders `diagram` twice with other renders in between, which move
    /// Graphviz's allocations around.
    private func renderTwice(_ diagram: Diagram, format: OutputFormat) throws -> (Data, Data) {
        let renderer = GraphvizRenderer()
        let first = try renderer.render(diagram, format: format)
        var other = sampleDiagram()
        other.clusters.append(DiagramCluster(id: "extra", label: "Extra", nodeIDs: ["vn"]))
        _ = try renderer.render(other, layout: .fdp, format: .svg)
        _ = try renderer.render(other, layout: .dot, format: .dot)
        let second = try renderer.render(diagram, format: format)
        return (first, second)
    }

    @Test func layoutDOTIsByteIdentical() throws {
        let (first, second) = try renderTwice(sampleDiagram(), format: .dot)
        #expect(first == second)
    }

    @Test func dotSourceIsByteIdentical() throws {
        let renderer = GraphvizRenderer()
        let first = try renderer.dotSource(sampleDiagram())
        _ = try renderer.render(sampleDiagram(), layout: .fdp)
        #expect(try renderer.dotSource(sampleDiagram()) == first)
    }

    @Test func svgHasTheSameContentAcrossRenders() throws {
        let (first, second) = try renderTwice(sampleDiagram(), format: .svg)
        let a = try SVGDocument(first), b = try SVGDocument(second)
        for graphvizClass in ["node", "edge", "cluster"] {
            #expect(try a.groups(graphvizClass).map(\.title).sorted() == b.groups(graphvizClass).map(\.title).sorted())
            #expect(try a.groups(graphvizClass).map(\.label).sorted() == b.groups(graphvizClass).map(\.label).sorted())
        }
    }

    /// Clusters are created in a fixed order (see the ID discipline in the
    /// CGraphviz shim), so in practice even the SVG bytes match.
    @Test func svgIsByteIdenticalInPractice() throws {
        let (first, second) = try renderTwice(sampleDiagram(), format: .svg)
        #expect(first == second)
    }

    @Test func clustersAppearInDiagramOrder() throws {
        let dot = try GraphvizRenderer().dotSource(sampleDiagram())
        let positions = ["cluster_0", "cluster_1", "cluster_2"].map { dot.range(of: "subgraph \($0) ")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func attributeDeclarationsAreSorted() throws {
        let dot = try GraphvizRenderer().dotSource(sampleDiagram())
        let start = try #require(dot.range(of: "node ["))
        let end = try #require(dot[start.upperBound...].range(of: "]"))
        let text = String(dot[start.upperBound..<end.lowerBound])
        // fillcolor, shape, style: declared (and therefore written) in sorted order.
        let order = ["fillcolor", "shape", "style"].compactMap { name in
            text.range(of: name).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
        }
        #expect(order.count == 3 && order == order.sorted(), "\(text)")
    }
}
