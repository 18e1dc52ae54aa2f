import Foundation
import Testing
@testable import PartyGraph

/// Structure-aware mutations of every valid fixture: each field set to null, to each wrong JSON type, or removed,
/// one at a time; truncations; byte flips. Every mutant either loads with as many records as it holds, or fails
/// with located errors — never a crash, never a silent drop.
@Suite struct MutationTests {
    /// The files mutated: the bundled dataset and the valid fixtures.
    static let seeds: [(name: String, url: URL)] = [
        ("bundled", URL(fileURLWithPath: try! BundledDataset.locate().get())),
        ("minimal", URL(fileURLWithPath: fixturePath("valid/minimal.json"))),
        ("tricky", URL(fileURLWithPath: fixturePath("interchange/tricky.json"))),
    ]

    /// A path into a JSON tree: keys and indices.
    enum Step: Hashable { case key(String), index(Int) }

    static func leafPaths(_ value: Any, prefix: [Step] = []) -> [[Step]] {
        var paths: [[Step]] = prefix.isEmpty ? [] : [prefix]
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) { paths += leafPaths(child, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { paths += leafPaths(child, prefix: prefix + [.index(index)]) }
        }
        return paths
    }

    /// `value` with the element at `path` replaced (`nil` removes it).
    static func replacing(_ value: Any, at path: ArraySlice<Step>, with replacement: Any?) -> Any {
        guard let step = path.first else { return replacement as Any }
        switch step {
        case .key(let key):
            var object = value as! [String: Any]
            if path.count == 1 {
                if let replacement { object[key] = replacement } else { object.removeValue(forKey: key) }
            } else {
                object[key] = replacing(object[key]!, at: path.dropFirst(), with: replacement)
            }
            return object
        case .index(let index):
            var array = value as! [Any]
            if path.count == 1 {
                if let replacement { array[index] = replacement } else { array.remove(at: index) }
            } else {
                array[index] = replacing(array[index], at: path.dropFirst(), with: replacement)
            }
            return array
        }
    }

    /// Loads a mutant; returns a failure description, or nil when the outcome is acceptable.
    static func check(_ data: Data, expectedRecords: (nodes: Int, relations: Int)?, sourceDirectory: URL) -> String? {
        do {
            let dataset = try DatasetLoader.decode(data: data, file: "mutant.json", sourceDirectory: sourceDirectory)
            if let expectedRecords, dataset.entities.count != expectedRecords.nodes || dataset.relationships.count != expectedRecords.relations {
                return "loaded \(dataset.entities.count) nodes and \(dataset.relationships.count) relations of \(expectedRecords)"
            }
            return nil
        } catch {
            guard case .invalidData(_, let issues) = error, !issues.isEmpty else { return "unexpected error \(error)" }
            if let unlocated = issues.first(where: { $0.line == nil || $0.column == nil }) { return "an error without its place: \(unlocated)" }
            return nil
        }
    }

    static func counts(_ tree: Any) -> (nodes: Int, relations: Int)? {
        guard let object = tree as? [String: Any], let nodes = object["nodes"] as? [Any], let relations = object["relations"] as? [Any] else { return nil }
        return (nodes.count, relations.count)
    }

    @Test(arguments: seeds.map(\.name))
    func fieldMutations(seed: String) throws {
        let url = Self.seeds.first { $0.name == seed }!.url
        let tree = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        let folder = url.deletingLastPathComponent()
        let replacements: [Any?] = [NSNull(), 7, true, "text", [Any](), [String: Any](), nil]
        var mutants = 0, failures: [String] = []
        // At most about 100 places per file, spread evenly over it, so the suite stays quick on the bundled dataset.
        let paths = Self.leafPaths(tree)
        let stride = max(1, paths.count / 100)
        for path in Swift.stride(from: 0, to: paths.count, by: stride).map({ paths[$0] }) {
            for replacement in replacements {
                let mutant = Self.replacing(tree, at: path[...], with: replacement)
                let data = try JSONSerialization.data(withJSONObject: mutant, options: [.sortedKeys])
                mutants += 1
                if let failure = Self.check(data, expectedRecords: Self.counts(mutant), sourceDirectory: folder) {
                    failures.append("\(path) → \(replacement.map { "\($0)" } ?? "removed"): \(failure)")
                }
            }
        }
        #expect(mutants > 100)
        #expect(failures.isEmpty, "\(failures.count) of \(mutants) mutants: \(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: seeds.map(\.name))
    func truncationsAndByteFlips(seed: String) throws {
        let url = Self.seeds.first { $0.name == seed }!.url
        let bytes = [UInt8](try Data(contentsOf: url))
        let folder = url.deletingLastPathComponent()
        var failures: [String] = []
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            if let failure = Self.check(Data(bytes[..<cut]), expectedRecords: nil, sourceDirectory: folder) { failures.append("cut at \(cut): \(failure)") }
        }
        var state: UInt64 = 2026
        for _ in 0..<400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var flipped = bytes
            let position = Int((state >> 33) % UInt64(bytes.count))
            flipped[position] ^= UInt8(truncatingIfNeeded: (state >> 20) | 1)
            // A flip can leave the structure intact; then the record counts must still hold.
            let tree = try? JSONSerialization.jsonObject(with: Data(flipped))
            if let failure = Self.check(Data(flipped), expectedRecords: tree.flatMap(Self.counts), sourceDirectory: folder) {
                failures.append("byte \(position) flipped: \(failure)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(10).joined(separator: "\n"))")
    }
}
