import Foundation
import PartyGraphTestSupport
import Testing

/// The five-meeting example of docs/import.md, run as written: its three commands must print exactly the output the
/// docs show, so the docs cannot drift from the tool.
@Suite("docs/import.md five-meeting example (the built binary)")
struct ImportDocsCLITests {
    /// The console block between the five-meetings markers, as (arguments, expected output) per command.
    static func example() throws -> [(arguments: [String], output: String)] {
        let docs = try String(contentsOf: checkoutRoot.appendingPathComponent("docs/import.md"), encoding: .utf8)
        guard let begin = docs.range(of: "<!-- five-meetings:begin -->\n```console\n"),
              let end = docs.range(of: "\n```\n<!-- five-meetings:end -->", range: begin.upperBound..<docs.endIndex) else { return [] }
        var steps: [(arguments: [String], output: String)] = []
        for line in docs[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ partygraph ") {
                steps.append((words(String(line.dropFirst("$ partygraph ".count))), ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].output += (steps[steps.count - 1].output.isEmpty ? "" : "\n") + line
            }
        }
        return steps
    }

    /// Shell words: split at spaces, double quotes group.
    static func words(_ text: String) -> [String] {
        var words: [String] = [], current = "", quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else { current.append(character) }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theThreeCommandsPrintWhatTheDocsShow() throws {
        let steps = try Self.example()
        #expect(steps.count == 3)
        #expect(steps.first?.arguments.prefix(3) == ["import", "--from", "sheet"] && steps.dropFirst().allSatisfy { $0.arguments.first == "who-met" })
        let folder = try BuiltProducts.temporaryFolder("partygraph-import-docs")
        try FileManager.default.copyItem(at: checkoutRoot.appendingPathComponent("Examples/five-meetings/five-meetings.csv"),
                                         to: folder.appendingPathComponent("five-meetings.csv"))
        for step in steps {
            let run = try runCLI(step.arguments, in: folder)
            #expect(run.status == 0, "\(step.arguments): \(run.standardError)")
            #expect(run.standardOutput.trimmingCharacters(in: .newlines) == step.output, "partygraph \(step.arguments.joined(separator: " "))")
        }
    }
}
