import Foundation
import Testing
@testable import PartyGraph

/// Structure-aware mutations of every valid fixture: each field set to null, to each wrong JSON type, or removed,
/// one at a time; truncations; byte flips. Every mutant either loads with as many records as it holds, or fails
/// with located errors — never a crash, never a silent drop.
@Suite struct MutationTests {
    /// The files mutated: the bundled dataset and every dataset fixture (valid and invalid: a mutation can mend a
    /// broken file or break it otherwise, and either way the outcome must be a dataset or located errors).
    static let seeds: [(name: String, url: URL)] = {
        var seeds = [("bundled", URL(fileURLWithPath: try! BundledDataset.locate().get()))]
        let fixtures = URL(fileURLWithPath: fixturePath(""))
        let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .map { String($0.standardizedFileURL.path.dropFirst(fixtures.standardizedFileURL.path.count)).trimmingCharacters(in: ["/"]) }
            .filter { !$0.hasPrefix("centrality/") }  // expected centrality values, not datasets
            .sorted()
        for file in files { seeds.append((file, fixtures.appendingPathComponent(file))) }
        return seeds
    }()

    /// How many places of a file are mutated: at most about 100, fewer in small files of a class already covered
    /// and in large files, so that the suite stays within seconds.
    static func budget(_ name: String, bytes: Int) -> (places: Int, cuts: Int) {
        if name == "bundled" { return (100, 400) }
        if bytes > 100_000 { return (20, 40) }
        // The invalid fixtures are the minimal one with one fault each: a few places and cuts apiece.
        return name.hasPrefix("invalid/") ? (12, 60) : (100, 400)
    }

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
    static func check(
        _ data: Data, expectedRecords: (nodes: Int, relations: Int)?, sourceDirectory: URL, requiredError: String? = nil
    ) -> String? {
        do {
            let dataset = try DatasetLoader.decode(data: data, file: "mutant.json", sourceDirectory: sourceDirectory)
            if let requiredError { return "loaded, but should fail with \"\(requiredError)\"" }
            if let expectedRecords, dataset.entities.count != expectedRecords.nodes || dataset.relationships.count != expectedRecords.relations {
                return "loaded \(dataset.entities.count) nodes and \(dataset.relationships.count) relations of \(expectedRecords)"
            }
            return nil
        } catch {
            guard case .invalidData(_, let issues) = error, !issues.isEmpty else { return "unexpected error \(error)" }
            if let unlocated = issues.first(where: { $0.line == nil || $0.column == nil }) { return "an error without its place: \(unlocated)" }
            if let requiredError, !issues.contains(where: { $0.message.contains(requiredError) }) {
                return "no error says \"\(requiredError)\": \(issues.map(\.message))"
            }
            return nil
        }
    }

    static func counts(_ tree: Any) -> (nodes: Int, relations: Int)? {
        guard let object = tree as? [String: Any], let nodes = object["nodes"] as? [Any], let relations = object["relations"] as? [Any] else { return nil }
        return (nodes.count, relations.count)
    }

    /// The text of `tree` with the field at `path` written twice (Foundation cannot build such an object).
    static func duplicating(_ tree: Any, at path: [Step]) throws -> Data? {
        guard case .key(let key)? = path.last else { return nil }
        let marker = "__partygraph_duplicated_field__"
        let original = try JSONSerialization.data(withJSONObject: value(tree, at: path[...]), options: [.fragmentsAllowed, .sortedKeys])
        let marked = try JSONSerialization.data(withJSONObject: replacing(tree, at: path[...], with: marker), options: [.sortedKeys])
        let field = try JSONSerialization.data(withJSONObject: key, options: [.fragmentsAllowed])
        let text = String(decoding: marked, as: UTF8.self)
        let keyText = String(decoding: field, as: UTF8.self), valueText = String(decoding: original, as: UTF8.self)
        let doubled = text.replacingOccurrences(of: "\(keyText):\"\(marker)\"", with: "\(keyText):\(valueText),\(keyText):\(valueText)")
        return doubled == text ? nil : Data(doubled.utf8)
    }

    static func value(_ tree: Any, at path: ArraySlice<Step>) -> Any {
        guard let step = path.first else { return tree }
        switch step {
        case .key(let key): return value((tree as! [String: Any])[key]!, at: path.dropFirst())
        case .index(let index): return value((tree as! [Any])[index], at: path.dropFirst())
        }
    }

    /// `tree` with the array element at `path` written twice, or nil when `path` does not end at an element.
    static func repeatingElement(_ tree: Any, at path: [Step]) -> Any? {
        guard case .index(let index)? = path.last else { return nil }
        let parent = path.dropLast()
        var array = value(tree, at: parent) as! [Any]
        array.insert(array[index], at: index + 1)
        return replacing(tree, at: parent, with: array)
    }

    @Test(arguments: seeds.map(\.name))
    func fieldMutations(seed: String) throws {
        let url = Self.seeds.first { $0.name == seed }!.url
        let bytes = try Data(contentsOf: url)
        // A seed Foundation cannot parse (malformed on purpose) has no fields to mutate; its bytes are cut and flipped below.
        guard let tree = try? JSONSerialization.jsonObject(with: bytes) else { return }
        let folder = url.deletingLastPathComponent()
        let replacements: [Any?] = [NSNull(), 7, true, "text", [Any](), [String: Any](), nil]
        var mutants = 0, failures: [String] = []
        // Places spread evenly over the file, so that the suite stays quick on the large files.
        let paths = Self.leafPaths(tree)
        let stride = max(1, paths.count / Self.budget(seed, bytes: bytes.count).places)
        for path in Swift.stride(from: 0, to: paths.count, by: stride).map({ paths[$0] }) {
            for replacement in replacements {
                let mutant = Self.replacing(tree, at: path[...], with: replacement)
                let data = try JSONSerialization.data(withJSONObject: mutant, options: [.sortedKeys])
                mutants += 1
                if let failure = Self.check(data, expectedRecords: Self.counts(mutant), sourceDirectory: folder) {
                    failures.append("\(path) → \(replacement.map { "\($0)" } ?? "removed"): \(failure)")
                }
            }
            // Duplicated: a field written twice is always refused; an element written twice is one more record.
            if let data = try Self.duplicating(tree, at: path) {
                mutants += 1
                if let failure = Self.check(data, expectedRecords: nil, sourceDirectory: folder, requiredError: "appears twice in this object") {
                    failures.append("\(path) duplicated: \(failure)")
                }
            } else if let mutant = Self.repeatingElement(tree, at: path) {
                let data = try JSONSerialization.data(withJSONObject: mutant, options: [.sortedKeys])
                mutants += 1
                if let failure = Self.check(data, expectedRecords: Self.counts(mutant), sourceDirectory: folder) {
                    failures.append("\(path) repeated: \(failure)")
                }
            }
        }
        #expect(mutants > 20)
        #expect(failures.isEmpty, "\(failures.count) of \(mutants) mutants: \(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test(arguments: seeds.map(\.name))
    func truncationsAndByteFlips(seed: String) throws {
        let url = Self.seeds.first { $0.name == seed }!.url
        let bytes = [UInt8](try Data(contentsOf: url))
        let folder = url.deletingLastPathComponent()
        var failures: [String] = []
        // Fewer cuts and flips in a large file (each costs a decode of the whole file) and in the near-copies.
        let count = Self.budget(seed, bytes: bytes.count).cuts
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / count)) {
            if let failure = Self.check(Data(bytes[..<cut]), expectedRecords: nil, sourceDirectory: folder) { failures.append("cut at \(cut): \(failure)") }
        }
        var state: UInt64 = 2026
        for _ in 0..<(bytes.isEmpty ? 0 : count) {
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
