import Foundation
import Testing
@testable import PartyGraphDiagrams

@Suite struct ErrorTests {
    @Test func unknownLayoutThrowsWithTheAlternatives() {
        #expect {
            try GraphvizRenderer().render(sampleDiagram(), engine: "nosuchlayout", format: "svg")
        } throws: { error in
            guard case DiagramError.unknownLayout("nosuchlayout", let available) = error else { return false }
            return available.contains("dot") && "\(error)".contains("Unknown Graphviz layout \"nosuchlayout\"")
        }
    }

    @Test func unknownFormatThrowsWithTheAlternatives() {
        #expect {
            try GraphvizRenderer().render(sampleDiagram(), engine: "dot", format: "nosuchformat")
        } throws: { error in
            guard case DiagramError.unknownFormat("nosuchformat", let available) = error else { return false }
            return available.contains("svg") && "\(error)".contains("Unknown Graphviz output format \"nosuchformat\"")
        }
    }

    @Test func graphvizErrorDuringRenderIsThrown() {
        // `nop` expects positions that this diagram lacks: Graphviz reports an
        // error but still produces output.
        #expect {
            try GraphvizRenderer().render(sampleDiagram(), engine: "nop", format: "svg")
        } throws: { error in
            guard case DiagramError.graphvizError(let message) = error else { return false }
            return message.contains("has no position")
        }
    }

    @Test func warningsAreReturnedNotPrinted() throws {
        let diagram = Diagram(nodes: [DiagramNode(id: "a", style: DiagramStyle(shape: "nosuchshape"))])
        let rendered = try GraphvizRenderer().renderDetailed(diagram, engine: "dot", format: "svg")
        #expect(rendered.warnings == ["using box for unknown shape nosuchshape"])
        // The next render starts with no leftover messages.
        let clean = try GraphvizRenderer().renderDetailed(sampleDiagram(), engine: "dot", format: "svg")
        #expect(clean.warnings.isEmpty)
    }

    @Test func messagesAreSplitIntoErrorsAndWarnings() {
        let messages = GraphvizMessages(parsing: "Warning: first\nError: second\ncontinued\nError: third\n")
        #expect(messages.warnings == ["first"])
        #expect(messages.errors == ["second\ncontinued", "third"])
    }

    @Test func duplicateNodeIDs() {
        let diagram = Diagram(nodes: [DiagramNode(id: "a"), DiagramNode(id: "a")])
        #expect(throws: DiagramError.invalidDiagram(reason: "node id \"a\" is used by nodes 0 and 1; node ids must be unique.")) {
            try GraphvizRenderer().render(diagram)
        }
    }

    @Test func edgeToMissingNode() {
        let diagram = Diagram(nodes: [DiagramNode(id: "a")], edges: [DiagramEdge(from: "a", to: "zz")])
        #expect(throws: DiagramError.invalidDiagram(reason: "edge 0 (\"a\" → \"zz\") names node \"zz\", which is not in the diagram.")) {
            try diagram.validate()
        }
    }

    @Test func clusterErrors() {
        let missing = Diagram(nodes: [DiagramNode(id: "a")], clusters: [DiagramCluster(id: "c", nodeIDs: ["zz"])])
        #expect(throws: DiagramError.self) { try missing.validate() }

        let twice = Diagram(nodes: [DiagramNode(id: "a")], clusters: [DiagramCluster(id: "c"), DiagramCluster(id: "c")])
        #expect(throws: DiagramError.self) { try twice.validate() }

        let siblings = Diagram(
            nodes: [DiagramNode(id: "a")],
            clusters: [DiagramCluster(id: "c1", nodeIDs: ["a"]), DiagramCluster(id: "c2", nodeIDs: ["a"])]
        )
        #expect(throws: DiagramError.invalidDiagram(reason: "node \"a\" is in clusters \"c1\" and \"c2\"; a node can only be in clusters that nest.")) {
            try siblings.validate()
        }

        let nested = Diagram(
            nodes: [DiagramNode(id: "a")],
            clusters: [DiagramCluster(id: "outer", nodeIDs: ["a"], subclusters: [DiagramCluster(id: "inner", nodeIDs: ["a"])])]
        )
        #expect(throws: Never.self) { try nested.validate() }
    }
}

@Suite struct MessageParsingTests {
    @Test func longMessagesAreCut() {
        let dump = (1...20).map { "\tline \($0)" }.joined(separator: "\n")
        let messages = GraphvizMessages(parsing: "Error: trouble\n\(dump)\n")
        #expect(messages.errors.count == 1)
        #expect(messages.errors[0].split(separator: "\n").count == GraphvizMessages.maximumLines)
        #expect(messages.errors[0].hasSuffix("(16 more lines)"))
    }
}
