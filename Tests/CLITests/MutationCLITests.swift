import Foundation
import Testing
import PartyGraphTestSupport

/// Mutated datasets through the binary, as a user runs it: `validate` exits 0 or 65, never by a signal; a file it
/// calls valid holds every record of the file; a file it refuses gets problems with their line and column.
@Suite struct MutationCLITests {
    enum Step { case key(String), index(Int) }

    static func replacing(_ value: Any, at path: ArraySlice<Step>, with replacement: Any) -> Any {
        guard let step = path.first else { return replacement }
        switch step {
        case .key(let key):
            var object = value as! [String: Any]
            object[key] = replacing(object[key] as Any, at: path.dropFirst(), with: replacement)
            return object
        case .index(let index):
            var array = value as! [Any]
            array[index] = replacing(array[index], at: path.dropFirst(), with: replacement)
            return array
        }
    }

    static func leafPaths(_ value: Any, prefix: [Step] = []) -> [[Step]] {
        var paths: [[Step]] = prefix.isEmpty ? [] : [prefix]
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) { paths += leafPaths(child, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { paths += leafPaths(child, prefix: prefix + [.index(index)]) }
        }
        return paths
    }

    struct Result: Decodable {
        var file: String
        var valid: Bool
        var nodes: Int?
        var relations: Int?
        var problems: [Problem]
        struct Problem: Decodable { var line: Int?; var column: Int?; var path: String; var message: String }
    }

    @Test func everyFieldOfTheMinimalFixtureAndTheCrashShapesOfTheBundledDataset() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var expected: [String: (nodes: Int, relations: Int)] = [:]
        func write(_ tree: Any, _ name: String) throws {
            let path = folder.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
            let object = tree as! [String: Any]
            expected[path] = ((object["nodes"] as? [Any])?.count ?? 0, (object["relations"] as? [Any])?.count ?? 0)
        }
        // Every field of the minimal fixture, set to null and to a number.
        let minimal = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: datasetFixture("valid/minimal.json"))))
        for (number, path) in Self.leafPaths(minimal).enumerated() {
            try write(Self.replacing(minimal, at: path[...], with: NSNull()), "minimal-\(number)-null.json")
            try write(Self.replacing(minimal, at: path[...], with: 7), "minimal-\(number)-number.json")
        }
        // The shapes that crashed or were dropped (issue 15), in the bundled dataset.
        let bundledPath = checkoutRoot.appendingPathComponent("datasets/indochina-summits-2026.json").path
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundledPath))) as! [String: Any]
        let nodes = bundled["nodes"] as! [[String: Any]], relations = bundled["relations"] as! [[String: Any]]
        let meeting = try #require(nodes.firstIndex { $0["kind"] as? String == "meeting" })
        let referenced = try #require(nodes.firstIndex { $0["id"] as? String == relations[0]["from"] as? String })
        let shapes: [(String, [Step])] = [
            ("format", [.key("format")]),
            ("node-kind", [.key("nodes"), .index(0), .key("kind")]),
            ("referenced-kind", [.key("nodes"), .index(referenced), .key("kind")]),
            ("status", [.key("nodes"), .index(meeting), .key("status")]),
            ("relation", [.key("relations"), .index(0), .key("relation")]),
            ("stance", [.key("relations"), .index(0), .key("evidence"), .index(0), .key("stance")]),
        ]
        for (name, path) in shapes {
            for (type, value) in [("null", NSNull() as Any), ("number", 7), ("list", [Any]()), ("object", [String: Any]())] {
                try write(Self.replacing(bundled, at: path[...], with: value), "bundled-\(name)-\(type).json")
            }
        }
        // The bundled dataset's sources sit beside it: the mutants read them there.
        try FileManager.default.copyItem(at: checkoutRoot.appendingPathComponent("datasets/sources"),
                                         to: folder.appendingPathComponent("sources"))

        let files = expected.keys.sorted()
        let run = try runCLI(["validate", "--format", "json"] + files)
        #expect(run.status == 0 || run.status == 65, "exit \(run.status): \(run.standardError.prefix(500))")
        let results = try JSONDecoder().decode([Result].self, from: Data(run.standardOutput.utf8))
        #expect(results.count == files.count)
        var failures: [String] = []
        for result in results {
            let name = URL(fileURLWithPath: result.file).lastPathComponent
            if result.valid {
                let want = expected[result.file]!
                if result.nodes != want.nodes || result.relations != want.relations {
                    failures.append("\(name): valid with \(result.nodes ?? -1) nodes and \(result.relations ?? -1) relations of \(want)")
                }
            } else if result.problems.isEmpty || result.problems.contains(where: { $0.line == nil || $0.column == nil }) {
                failures.append("\(name): problems without their place: \(result.problems.map(\.message))")
            }
            // The shapes of the issue are always refused.
            if name.hasPrefix("bundled-") && result.valid { failures.append("\(name): accepted") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(results.filter { !$0.valid }.count > files.count / 2)
    }
}
