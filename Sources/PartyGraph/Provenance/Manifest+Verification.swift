import Foundation

/// One way an output's ``Manifest`` no longer matches the data at hand (``Manifest/verify(datasetAt:)``).
public enum ManifestMismatch: Sendable, Hashable, CustomStringConvertible {
    /// The output was written by another version of PartyGraph.
    case toolVersion(recorded: String, running: String)
    /// The dataset file's bytes differ from those the output was computed from.
    case dataset(file: String, recorded: String, actual: String)
    /// A source text's bytes differ from those the output was computed from.
    case sourceText(file: String, recorded: String, actual: String)
    /// A source text the output drew on cannot be read now.
    case sourceTextUnreadable(file: String, reason: String)
    /// The manifest records no dataset, so there is nothing to check it against.
    case noDataset

    public var description: String {
        switch self {
        case .toolVersion(let recorded, let running):
            return "written by \(Manifest.toolName) \(recorded), this is \(running): the same data may give other output"
        case .dataset(let file, let recorded, let actual):
            return "the dataset \(file) has changed: SHA-256 \(actual), the output was computed from \(recorded)"
        case .sourceText(let file, let recorded, let actual):
            return "the source text \(file) has changed: SHA-256 \(actual), the output was computed from \(recorded)"
        case .sourceTextUnreadable(let file, let reason):
            return "the source text \(file) cannot be read: \(reason)"
        case .noDataset:
            return "the manifest records no dataset to check"
        }
    }
}

extension Manifest {
    /// Recomputes the digests of the dataset file at `path` and of the source texts this manifest records (relative to
    /// the file's folder), and compares them and the tool version with what the manifest says.
    ///
    /// - Returns: every mismatch, in the order tool, dataset, source texts; empty when the output still matches.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` when the dataset file cannot be read.
    public func verify(datasetAt path: String) throws(PartyGraphError) -> [ManifestMismatch] {
        var mismatches: [ManifestMismatch] = []
        if tool.version != Self.toolVersion || tool.name != Self.toolName {
            mismatches.append(.toolVersion(recorded: tool.name == Self.toolName ? tool.version : "\(tool.name) \(tool.version)",
                                           running: Self.toolVersion))
        }
        guard let dataset else { return mismatches + [.noDataset] }
        let actual = try Self.digest(ofFileAt: path)
        if actual != dataset.sha256 { mismatches.append(.dataset(file: path, recorded: dataset.sha256, actual: actual)) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for text in dataset.sourceTexts ?? [] {
            do throws(PartyGraphError) {
                let digest = try Self.digest(ofFileAt: folder.appendingPathComponent(text.file).path)
                if digest != text.sha256 { mismatches.append(.sourceText(file: text.file, recorded: text.sha256, actual: digest)) }
            } catch {
                guard case .unreadable(_, let reason) = error else { throw error }
                mismatches.append(.sourceTextUnreadable(file: text.file, reason: reason))
            }
        }
        return mismatches
    }
}
