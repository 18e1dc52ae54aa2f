import Foundation
import Testing
@testable import PartyGraph

/// One fixture per class of bad input: the error names its place (line, column, JSON path) and says what is wrong.
@Suite struct InvalidInputTests {
    /// A fixture of `Fixtures/invalid/` and its one located error.
    static func invalid(file: String, line: Int, column: Int, path: String, message: String) -> LocatedErrorCase {
        LocatedErrorCase(file: "invalid/" + file, line: line, column: column, path: path, message: message)
    }

    static let cases: [LocatedErrorCase] = [
        invalid(file: "malformed-json.json", line: 32, column: 7, path: "$.nodes[1]", message: "expected ',' or '}' after the value of \"name\""),
        invalid(file: "trailing-comma.json", line: 93, column: 3, path: "$.relations", message: "trailing comma before ']'"),
        invalid(file: "unknown-field.json", line: 27, column: 7, path: "$.nodes[0].colour", message: "unknown field \"colour\""),
        invalid(file: "unknown-kind.json", line: 30, column: 15, path: "$.nodes[1].kind", message: "unknown kind 'persn'"),
        invalid(file: "unknown-relation.json", line: 71, column: 19, path: "$.relations[0].relation", message: "unknown relation 'holdz'"),
        invalid(file: "duplicate-id.json", line: 69, column: 13, path: "$.nodes[4].id", message: "duplicate id 'person/to-lam'"),
        invalid(file: "dangling-reference.json", line: 84, column: 13, path: "$.relations[1].to", message: "'meeting/sumit' is not the id of any node"),
        invalid(file: "disallowed-relation.json", line: 93, column: 5, path: "$.relations[2]", message: "'holds' cannot join a meeting to an office"),
        invalid(file: "impossible-date.json", line: 58, column: 16, path: "$.nodes[3].start", message: "day 30 does not exist in 2026-02"),
        invalid(file: "malformed-date.json", line: 58, column: 16, path: "$.nodes[3].start", message: "'6 February 2026' is not a date"),
        invalid(file: "end-before-start.json", line: 53, column: 5, path: "$.nodes[3].end", message: "the end 2026-02-07 is before the start 2026-02-08"),
        invalid(file: "missing-evidence.json", line: 86, column: 19, path: "$.relations[1].evidence", message: "the relation cites no source"),
        invalid(file: "unknown-source.json", line: 88, column: 21, path: "$.relations[1].evidence[0].source", message: "unknown source 's2'"),
        invalid(file: "empty-name.json", line: 31, column: 15, path: "$.nodes[1].name", message: "the name is empty"),
        invalid(file: "quote-not-in-source.json", line: 90, column: 20, path: "$.relations[1].evidence[0].quote", message: "the quote is not in the text of source 's1'"),
        invalid(file: "binary-junk.json", line: 1, column: 1, path: "$", message: "expected a value but found byte 0x0"),
        invalid(file: "empty-file.json", line: 1, column: 1, path: "$", message: "expected a value but found the end of the file"),
        invalid(file: "invalid-utf8.json", line: 31, column: 15, path: "$.nodes[1].name", message: "not valid UTF-8"),
        // One error per cause: the broken source only, not every fact that cites it.
        invalid(file: "source-without-title.json", line: 6, column: 5, path: "$.sources[0]", message: "the source has no \"title\""),
        // A null is a value, not an absence: the record is reported, never dropped or read as valid.
        invalid(file: "null-kind.json", line: 16, column: 15, path: "$.nodes[0].kind", message: "\"kind\" is null"),
        invalid(file: "null-format.json", line: 2, column: 13, path: "$.format", message: "\"format\" is null"),
        invalid(file: "null-relation.json", line: 71, column: 19, path: "$.relations[0].relation", message: "\"relation\" is null"),
        // The three shapes that crashed the loader (issue 15: `Dataset.bucket` indexing out of range after validation):
        // a null stance of a relation's evidence, a null meeting status, a null kind of a node that relations name.
        invalid(file: "null-stance.json", line: 90, column: 21, path: "$.relations[1].evidence[0].stance", message: "\"stance\" is null"),
        invalid(file: "null-status.json", line: 60, column: 17, path: "$.nodes[3].status", message: "\"status\" is null"),
        invalid(file: "null-kind-referenced.json", line: 30, column: 15, path: "$.nodes[1].kind", message: "\"kind\" is null"),
        // A repeated field inside a record would silently replace the first: an invented quote, another name.
        invalid(file: "duplicate-key-evidence.json", line: 25, column: 11, path: "$.nodes[0].evidence[0]",
             message: "the field \"quote\" appears twice in this object (first at line 24, column 11)"),
        // A dataset cannot make the loader read a file outside its folder.
        invalid(file: "source-text-outside.json", line: 11, column: 15, path: "$.sources[0].text",
             message: "the source text '../valid/minimal.json' lies outside the dataset's folder"),
        invalid(file: "deep-nesting.json", line: 1, column: 180, path: "$.title", message: "nesting deeper than 128 levels"),
        // Tenures (format version 2): attestations and seats.
        invalid(file: "attested-not-a-holding.json", line: 30, column: 19, path: "$.relations[0].attested",
             message: "'attested' belongs only to holdings: 'holds', 'heads' and 'member-of'"),
        invalid(file: "attested-after-stated-end.json", line: 32, column: 30, path: "$.relations[1].attested[0].date",
             message: "attested on 2021-09-26, after the stated end 2021-01"),
        invalid(file: "attestation-without-quote.json", line: 32, column: 20, path: "$.relations[1].attested[0]",
             message: "an attestation needs \"date\", \"source\" and \"quote\""),
        invalid(file: "attestation-bad-date.json", line: 32, column: 30, path: "$.relations[1].attested[0].date",
             message: "'26 September 2021' is not a date"),
        invalid(file: "attestation-unknown-source.json", line: 32, column: 54, path: "$.relations[1].attested[0].source",
             message: "unknown source 'r-2021-09-27'"),
        invalid(file: "seats-on-a-person.json", line: 19, column: 77, path: "$.nodes[3].seats", message: "only offices have \"seats\""),
        invalid(file: "seats-unknown-value.json", line: 15, column: 115, path: "$.nodes[1].seats", message: "unknown seats 'one'"),
        invalid(file: "disputes-in-version-1.json", line: 39, column: 21, path: "$.nodes[1].evidence[0].stance",
             message: "the stance 'disputes' is new in format version 2"),
        // One error for the cause (the declared version), not one per record that uses a version-2 field.
        invalid(file: "attested-in-version-1.json", line: 32, column: 19, path: "$.relations[1].attested",
             message: "\"attested\" is a field of format version 2 (used 3 times in this file)"),
    ]

    @Test(arguments: cases)
    func eachBadInputIsReportedWithItsPlace(_ expected: LocatedErrorCase) throws {
        try expected.check()
    }

    @Test func suggestionsNameTheNearestKnownValue() throws {
        let problems = try collectIssues("invalid/unknown-kind.json") + collectIssues("invalid/dangling-reference.json") + collectIssues("invalid/unknown-field.json")
        #expect(problems[0].fix?.contains("did you mean 'person'?") == true)
        #expect(problems[1].fix?.contains("did you mean 'meeting/summit'?") == true)
        #expect(problems[2].fix?.contains("known fields:") == true)
    }

    @Test func severalProblemsAreReportedTogether() throws {
        var text = try String(contentsOfFile: fixturePath("valid/minimal.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"kind\": \"person\"", with: "\"kind\": \"persn\"")
            .replacingOccurrences(of: "\"2026-02-06\"", with: "\"2026-02-31\"")
            .replacingOccurrences(of: "\"role\": \"guest\"", with: "\"role\": \"guest\", \"colour\": 1")
        do {
            _ = try DatasetLoader.decode(data: Data(text.utf8), file: "edited.json")
            Issue.record("expected problems")
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("\(error)"); return }
            let paths = issues.map(\.path)
            #expect(paths.contains("$.nodes[1].kind"))
            #expect(paths.contains("$.nodes[3].start"))
            #expect(paths.contains("$.relations[1].colour"))
            #expect(issues.allSatisfy { $0.file == "edited.json" && $0.line != nil })
        }
    }

    @Test func missingFilesAndDirectoriesAreUnreadable() {
        #expect(throws: PartyGraphError.self) { try DatasetLoader.load(path: fixturePath("invalid/no-such-file.json")) }
        do { _ = try DatasetLoader.load(path: fixturePath("invalid")) } catch {
            guard case .unreadable(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("directory"))
        }
    }

    @Test func theMinimalFixtureIsValid() throws {
        let dataset = try DatasetLoader.load(path: fixturePath("valid/minimal.json"))
        #expect(dataset.entities.count == 4)
    }

    @Test func readerRejectsWhatFoundationWouldAccept() {
        for text in ["{\"a\": [1, 2,]}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": NaN}", "{'a': 1}", "{\"a\": 1} x", "{\"a\": \"\\x\"}", "{\"a\": \"\u{0001}\"}", "{\"a\": \"\\ud800\"}"] {
            #expect(throws: PartyGraphError.self, "\(text)") { try DatasetLoader.decode(data: Data(text.utf8), file: "t.json") }
        }
    }

    private func collectIssues(_ name: String) throws -> [DatasetIssue] {
        do { _ = try DatasetLoader.load(path: fixturePath(name)) } catch {
            if case .invalidData(_, let issues) = error { return issues }
        }
        return []
    }
}

/// Repeated keys are refused at every depth, by the one JSON reader all objects pass through.
@Suite struct RepeatedKeyTests {
    static func error(_ text: String) -> String? {
        let data = Data(text.utf8)
        do {
            _ = try DatasetLoader.decode(data: data, file: "inline.json")
            return nil
        } catch {
            guard case .invalidData(_, let issues) = error else { return "\(error)" }
            return issues.first?.message
        }
    }

    @Test(arguments: [
        (#"{"format": "partygraph-dataset", "format": "partygraph-dataset", "sources": [], "nodes": [], "relations": []}"#, "format"),
        (#"{"format": "partygraph-dataset", "sources": [], "nodes": [{"id": "person/a", "kind": "person", "name": "A", "name": "B", "evidence": []}], "relations": []}"#, "name"),
        (#"{"format": "partygraph-dataset", "sources": [{"id": "s", "id": "t", "publisher": "P", "title": "T", "date": "2026"}], "nodes": [], "relations": []}"#, "id"),
    ])
    func aRepeatedKeyIsRefused(text: String, key: String) {
        let message = Self.error(text)
        #expect(message?.contains("the field \"\(key)\" appears twice in this object (first at line 1, column") == true, "\(message ?? "no error")")
    }

    @Test func theSameKeyInDifferentObjectsIsFine() throws {
        let dataset = try DatasetLoader.decode(data: Data(#"""
            {"format": "partygraph-dataset", "sources": [{"id": "s", "publisher": "P", "title": "T", "date": "2026"}],
             "nodes": [{"id": "person/a", "kind": "person", "name": "A", "evidence": [{"source": "s", "quote": "q"}]},
                       {"id": "person/b", "kind": "person", "name": "B", "evidence": [{"source": "s", "quote": "q"}, {"source": "s", "quote": "r"}]}],
             "relations": []}
            """#.utf8), file: "inline.json")
        #expect(dataset.entities.count == 2)
    }
}

/// Inputs that are not regular files are refused at once, never read (a FIFO would block, a device never ends).
@Suite struct NonRegularInputTests {
    /// The reason of an `unreadable` error, or a description of what happened instead.
    static func unreadableReason(_ body: () throws(PartyGraphError) -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            guard case .unreadable(_, let reason) = error else { return "\(error)" }
            return reason
        }
    }

    @Test func aFIFOAsADatasetIsRefusedAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("dataset.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(Self.unreadableReason { () throws(PartyGraphError) in _ = try DatasetLoader.load(path: fifo) } == "it is a FIFO (named pipe), not a dataset file")
        #expect(Self.unreadableReason { () throws(PartyGraphError) in _ = try AnalysisGraph(edgeListAt: fifo) } == "it is a FIFO (named pipe), not an edge-list file")
    }

    @Test func aDeviceOrAFolderIsRefused() {
        #expect(Self.unreadableReason { () throws(PartyGraphError) in _ = try AnalysisGraph(edgeListAt: "/dev/zero") } == "it is a character device, not an edge-list file")
        #expect(Self.unreadableReason { () throws(PartyGraphError) in _ = try DatasetLoader.load(path: "/dev/null") } == "it is a character device, not a dataset file")
    }
}

/// The model never trusts the decoder: a relation left unresolved is always reported, even when the decoder
/// dropped the node it names without a word.
@Suite struct UnresolvedRelationTests {
    @Test func aDroppedNodeWithoutItsOwnErrorStillFailsValidation() throws {
        let evidence = [Evidence(source: "s1", quote: "q")]
        let sources = [Source(id: "s1", publisher: "P", title: "T", date: try PartialDate(parsing: "2026"))]
        let entities = [Entity(id: "person/a", kind: .person, name: "A", evidence: evidence),
                        Entity(id: "party/p", kind: .party, name: "P", evidence: evidence)]
        let relationships = [Relationship(.memberOf, from: "person/a", to: "party/q", evidence: evidence)]
        // The allowance alone hides the dangling end...
        let allowed = DatasetValidator.validate(sources: sources, entities: entities, relationships: relationships,
                                                sourceTexts: [:], partiallyKnown: ["party/q"])
        #expect(allowed.findings.isEmpty && allowed.toIndices == [-1])
        // ...so with nothing reported elsewhere it is checked again, and reported.
        let loaded = DatasetValidator.validateLoaded(sources: sources, entities: entities, relationships: relationships,
                                                     sourceTexts: [:], partiallyKnown: ["party/q"], partiallyKnownSources: [],
                                                     reportedElsewhere: false)
        #expect(loaded.findings.map(\.message) == ["'party/q' is not the id of any node"])
        // With the dropped node's own error reported, one error per cause: no second one.
        let reported = DatasetValidator.validateLoaded(sources: sources, entities: entities, relationships: relationships,
                                                       sourceTexts: [:], partiallyKnown: ["party/q"], partiallyKnownSources: [],
                                                       reportedElsewhere: true)
        #expect(reported.findings.isEmpty)
    }
}

/// Runaway values are refused with a readable message, before any search for a similar id.
@Suite struct RunawayValueTests {
    static func issues(_ mutate: (inout [String: Any]) -> Void) throws -> [DatasetIssue] {
        var tree = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixturePath("valid/minimal.json")))) as? [String: Any])
        mutate(&tree)
        let data = try JSONSerialization.data(withJSONObject: tree)
        do {
            _ = try DatasetLoader.decode(data: data, file: "runaway.json")
            return []
        } catch {
            guard case .invalidData(_, let issues) = error else { return [] }
            return issues
        }
    }

    @Test func aTenMillionCharacterReferenceGivesAShortMessage() throws {
        let issues = try Self.issues { tree in
            var relations = tree["relations"] as! [[String: Any]]
            relations[0]["to"] = "party/" + String(repeating: "x", count: 10_000_000)
            tree["relations"] = relations
        }
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.message.contains("… (10000006 characters)' is not the id of any node"))
        #expect(issue.message.count < 200)
    }

    @Test func namesAndQuotesHaveLimits() throws {
        let issues = try Self.issues { tree in
            var nodes = tree["nodes"] as! [[String: Any]]
            nodes[0]["name"] = String(repeating: "n", count: 2_000)
            nodes[0]["evidence"] = [["source": "s1", "quote": String(repeating: "q", count: 20_000)]]
            tree["nodes"] = nodes
        }
        #expect(issues.contains { $0.path == "$.nodes[0].name" && $0.message.contains("is longer than 1000 bytes") })
        #expect(issues.contains { $0.path == "$.nodes[0].evidence[0].quote" && $0.message.contains("longer than 10000 bytes (20000)") })
        #expect(issues.allSatisfy { $0.message.count < 300 })
    }

    @Test func anIdLongerThanTheLimitIsRefused() throws {
        let long = "person/" + String(repeating: "a", count: NodeID.maximumLength)
        let issues = try Self.issues { tree in
            var nodes = tree["nodes"] as! [[String: Any]]
            nodes.append(["id": long, "kind": "person", "name": "Long", "evidence": [["source": "s1", "quote": "The CPP will host."]]])
            tree["nodes"] = nodes
        }
        #expect(issues.contains { $0.message.contains("an id is at most \(NodeID.maximumLength) bytes long; this one has \(long.utf8.count)") })
    }
}

/// An edge list's vertices are the ids 0 through the largest: a line naming a huge id would make billions of
/// vertices from a few bytes (found while writing the fuzzer: `2000000000 0` asked for 16 GB and aborted). Refused
/// with its line.
@Suite struct EdgeListVertexLimitTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-\(UUID().uuidString).edges").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aHugeIdIsRefusedWithItsLine() throws {
        let path = try Self.write("0 1\n# a comment\n\n2000000000 0\n1 2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try AnalysisGraph(edgeListAt: path)
            Issue.record("a 2,000,000,001-vertex edge list was read")
        } catch {
            guard case .invalidData(let file, let issues) = error else { Issue.record("\(error)"); return }
            #expect(file == path)
            #expect(issues.count == 1)
            #expect(issues.first?.line == 4)
            #expect(issues.first?.message.contains("vertex id 2000000000 makes 2000000001 vertices") == true, "\(issues)")
        }
    }

    @Test func theLimitIsTheLargestIdPlusOne() throws {
        let over = try Self.write("0 \(AnalysisGraph.maximumEdgeListVertexCount)\n")
        let small = try Self.write("0 1\n1 2\n")
        defer { try? FileManager.default.removeItem(atPath: over); try? FileManager.default.removeItem(atPath: small) }
        #expect(throws: PartyGraphError.self) { try AnalysisGraph(edgeListAt: over) }
        #expect(try AnalysisGraph(edgeListAt: small).graph.vertexCount == 3)
    }
}
