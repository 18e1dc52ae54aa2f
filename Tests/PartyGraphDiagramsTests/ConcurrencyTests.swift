import Foundation
import Testing
@testable import PartyGraphDiagrams

@Suite struct ConcurrencyTests {
    /// Graphviz is not thread-safe; the renderer's lock must make this safe.
    @Test func sixtyFourConcurrentRendersStayIntact() async throws {
        let results = await withTaskGroup(of: (Int, Result<Data, DiagramError>).self) { group in
            for index in 0..<64 {
                group.addTask {
                    var diagram = sampleDiagram()
                    diagram.nodes.append(DiagramNode(id: "unique", label: "unique label #\(index)"))
                    diagram.edges.append(DiagramEdge(from: "tl", to: "unique"))
                    diagram.clusters[1].nodeIDs.append("unique")
                    let layout: Layout = index.isMultiple(of: 4) ? .fdp : .dot
                    return (index, Result { () throws(DiagramError) in
                        try GraphvizRenderer().render(diagram, layout: layout, format: .svg)
                    })
                }
            }
            var collected: [(Int, Result<Data, DiagramError>)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 64)
        for (index, result) in results {
            let svg = try SVGDocument(result.get())
            let labels = try svg.groups("node").map(\.label)
            #expect(labels.contains("unique label #\(index)"))
            #expect(labels.filter { $0.hasPrefix("unique label") }.count == 1)
            #expect(try svg.groups("cluster").count == 3)
        }
    }
}
