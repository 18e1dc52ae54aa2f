import Foundation

/// What produced an output: the tool and its version, the dataset (title and SHA-256 of the file and of each source
/// text it drew on) and the command with its parameters — so a figure or a table can be traced back and checked
/// (``verify(datasetAt:)``).
///
/// A manifest holds no timestamp: the same command on the same data gives the same bytes. Where it goes in each
/// kind of output is ``OutputKind/manifestPlacement``'s one rule; docs/manifest.md shows each place.
public struct Manifest: Codable, Sendable, Hashable {
    /// The version of PartyGraph: the one constant the command line's `--version` and every manifest print.
    public static let toolVersion = "0.1.0"
    /// The name of the tool a manifest records.
    public static let toolName = "partygraph"

    /// The tool that wrote the output.
    public var tool: Tool
    /// The command and its parameters as given: the subcommand path, then the arguments in order, each
    /// `--option=value` split into `--option` and `value`.
    public var command: [String]
    /// The dataset the output was computed from; `nil` when the command read no dataset.
    public var dataset: DatasetFingerprint?

    /// A tool and its version.
    public struct Tool: Codable, Sendable, Hashable {
        /// The tool's name (`partygraph`).
        public var name: String
        /// Its version (``Manifest/toolVersion`` when PartyGraph wrote it).
        public var version: String

        /// A tool named `name` at `version`.
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Which dataset file an output came from, and the digests that tell whether it is still the same.
    public struct DatasetFingerprint: Codable, Sendable, Hashable {
        /// The path as the command was given it (`--dataset`), or the file name of the bundled dataset.
        public var file: String
        /// Whether the command read the bundled dataset (found as the command line finds it) rather than a named file.
        public var bundled: Bool
        /// The dataset's title; `nil` when the file does not load as a dataset (an edge list, an invalid file).
        public var title: String?
        /// The SHA-256 of the file's bytes, in lower-case hex.
        public var sha256: String
        /// The source texts the dataset's sources point to, sorted by path; `nil` when unknown (the file did not load).
        public var sourceTexts: [SourceText]?

        private enum CodingKeys: String, CodingKey { case file, bundled, title, sha256, sourceTexts }

        /// Encodes every field, an unknown title or source-text list as `null` rather than leaving it out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(bundled, forKey: .bundled)
            try container.encode(title, forKey: .title)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(sourceTexts, forKey: .sourceTexts)
        }

        /// A fingerprint from its parts.
        public init(file: String, bundled: Bool, title: String?, sha256: String, sourceTexts: [SourceText]?) {
            self.file = file
            self.bundled = bundled
            self.title = title
            self.sha256 = sha256
            self.sourceTexts = sourceTexts
        }

        /// Reads the file at `path` and the source texts of `dataset` (relative to the file's folder) and digests them.
        ///
        /// - Parameters:
        ///   - path: where the file is read from now.
        ///   - file: how the command named it (defaults to `path`).
        ///   - bundled: whether it is the bundled dataset.
        ///   - dataset: the dataset loaded from it, for its title and source texts; `nil` for a file that is not one.
        /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` when the file or a source text cannot be read.
        public init(path: String, file: String? = nil, bundled: Bool = false, dataset: Dataset?) throws(PartyGraphError) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            var texts: [SourceText]?
            if let dataset {
                let files = Set(dataset.sources.compactMap(\.textFile)).sorted()
                texts = try files.map { (text: String) throws(PartyGraphError) -> SourceText in
                    SourceText(file: text, sha256: try Manifest.digest(ofFileAt: folder.appendingPathComponent(text).path))
                }
            }
            self.init(file: file ?? path, bundled: bundled, title: dataset?.title, sha256: try Manifest.digest(ofFileAt: path),
                      sourceTexts: texts)
        }
    }

    /// One source text file and its digest.
    public struct SourceText: Codable, Sendable, Hashable {
        /// The path relative to the dataset's folder, as the dataset's source names it.
        public var file: String
        /// The SHA-256 of the file's bytes, in lower-case hex.
        public var sha256: String

        /// A source text from its parts.
        public init(file: String, sha256: String) {
            self.file = file
            self.sha256 = sha256
        }
    }

    /// A manifest of this version of PartyGraph for `command` on `dataset`.
    public init(command: [String], dataset: DatasetFingerprint?) {
        self.tool = Tool(name: Self.toolName, version: Self.toolVersion)
        self.command = command
        self.dataset = dataset
    }

    /// A manifest from all its parts (a manifest read back, or written by another version).
    public init(tool: Tool, command: [String], dataset: DatasetFingerprint?) {
        self.tool = tool
        self.command = command
        self.dataset = dataset
    }

    /// The arguments of a command line normalised as ``command`` records them: `--option=value` becomes
    /// `--option`, `value`; everything else stays as given, in order.
    public static func normalisedArguments(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var afterTerminator = false
        for argument in arguments {
            if !afterTerminator, argument.hasPrefix("--"), argument.count > 2, let equals = argument.firstIndex(of: "=") {
                result.append(String(argument[..<equals]))
                result.append(String(argument[argument.index(after: equals)...]))
            } else {
                if argument == "--" { afterTerminator = true }
                result.append(argument)
            }
        }
        return result
    }

    /// The SHA-256 of a file's bytes, in lower-case hex.
    ///
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` when the file cannot be read.
    public static func digest(ofFileAt path: String) throws(PartyGraphError) -> String {
        do {
            return SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The manifest as JSON text: sorted keys, pretty-printed, slashes unescaped, so the same manifest is always the
    /// same bytes. What a sidecar holds, and the opaque string other writers (SVG `<metadata>`, PDF document info)
    /// embed.
    public var jsonText: String {
        // Encoding strings, booleans and arrays of them cannot fail.
        String(decoding: (try? Self.encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The manifest as a ``JSONValue`` tree, in the key order of ``jsonText``, for writers that build JSON themselves.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [.init("command", .array(command.map(JSONValue.string)))]
        if let dataset {
            var fields: [JSONValue.Member] = [.init("bundled", .bool(dataset.bundled)), .init("file", .string(dataset.file)),
                                              .init("sha256", .string(dataset.sha256))]
            fields.append(.init("sourceTexts", dataset.sourceTexts.map { texts in
                .array(texts.map { .object([.init("file", .string($0.file)), .init("sha256", .string($0.sha256))]) })
            } ?? .null))
            fields.append(.init("title", dataset.title.map(JSONValue.string) ?? .null))
            members.append(.init("dataset", .object(fields)))
        } else {
            members.append(.init("dataset", .null))
        }
        members.append(.init("tool", .object([.init("name", .string(tool.name)), .init("version", .string(tool.version))])))
        return .object(members)
    }
}
