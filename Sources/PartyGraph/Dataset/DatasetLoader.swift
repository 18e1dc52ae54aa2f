import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads dataset files (see `datasets/README.md` for the format) and validates them.
public enum DatasetLoader {
    /// The format name every dataset file declares in its `"format"` field.
    public static let formatName = "partygraph-dataset"
    /// The format version this build writes (``DatasetWriter``, `partygraph migrate`).
    public static let formatVersion = 2
    /// The format versions this build reads: version-1 files load unchanged; fields new in version 2 need version 2.
    public static let readableVersions: ClosedRange<Int> = 1...2

    /// Loads and validates a dataset file.
    ///
    /// Every problem is reported at once, each with the file, line, column, JSON path and a fix. A syntax error
    /// stops reading at that point (what follows cannot be trusted); semantic problems are all collected.
    /// - Parameter path: the file as the user named it (kept as is in messages).
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` or ``PartyGraphError/invalidData(file:issues:)``.
    public static func load(path: String) throws(PartyGraphError) -> Dataset {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a directory, not a dataset file") }
        // Refused at once: a FIFO would block the read, a device never ends.
        if let kind = FileKind.nonRegular(at: path) { throw .unreadable(file: path, reason: "it is \(kind), not a dataset file") }
        let sourceDirectory = url.deletingLastPathComponent()
        #if canImport(Glibc)
        if let mapping = FileMapping(path: path) {
            defer { mapping.unmap() }
            return try decode(bytes: mapping.bytes, file: path, sourceDirectory: sourceDirectory, pages: mapping.pages)
        }
        #endif
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        return try decode(data: data, file: path, sourceDirectory: sourceDirectory)
    }

    /// Decodes and validates a dataset held in memory.
    ///
    /// - Parameters:
    ///   - data: the dataset file's bytes.
    ///   - file: the name to report problems against.
    ///   - sourceDirectory: where source text files named in the dataset are looked up; `nil` skips quote checks.
    public static func decode(data: Data, file: String, sourceDirectory: URL? = nil) throws(PartyGraphError) -> Dataset {
        let result = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Dataset, PartyGraphError> in
            do throws(PartyGraphError) {
                return .success(try decode(bytes: raw.bindMemory(to: UInt8.self), file: file, sourceDirectory: sourceDirectory))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// - Parameters:
    ///   - pages: the file mapping behind `bytes`, whose pages are released as they are read.
    ///   - parallelMinimumBytes: sections at least this large are decoded by two cores (tests lower it).
    static func decode(
        bytes: UnsafeBufferPointer<UInt8>, file: String, sourceDirectory: URL?, pages: MappedPages? = nil,
        parallelMinimumBytes: Int = DatasetDecoder.defaultParallelMinimumBytes
    ) throws(PartyGraphError) -> Dataset {
        var decoder = DatasetDecoder(bytes: bytes, parallelMinimumBytes: parallelMinimumBytes)
        decoder.pages = pages
        var issues: [DatasetIssue] = []
        var lines = LineIndex(bytes: bytes)
        func place(_ offset: Int?, _ path: [JSONPathComponent], _ message: String, _ fix: String?) {
            let location = offset.map { lines.location(of: $0) }
            issues.append(DatasetIssue(file: file, line: location?.line, column: location?.column, path: path.jsonPath, message: message, fix: fix))
        }
        let syntaxError: JSONSyntaxError?
        do {
            try decoder.decodeDocument()
            syntaxError = nil
        } catch {
            syntaxError = error
        }
        // Every byte has been read; pages read again to place a finding come back from the file.
        pages?.releaseAll()
        for finding in decoder.findings { place(finding.offset, finding.path, finding.message, finding.fix) }
        if let syntaxError {
            place(syntaxError.offset, decoder.syntaxErrorPath(), "invalid JSON: " + syntaxError.message, syntaxError.fix)
            throw .invalidData(file: file, issues: issues)
        }

        var sourceTexts: [String: String] = [:]
        for (index, source) in decoder.sources.enumerated() {
            guard let textFile = source.textFile, let sourceDirectory else { continue }
            let path: [JSONPathComponent] = [.key("sources"), .index(decoder.sourcePositions[index]), .key("text")]
            // A source text lies in the dataset's folder or below it: a dataset cannot make the loader read any file.
            let folder = sourceDirectory.standardizedFileURL.resolvingSymlinksInPath().path
            let textURL = sourceDirectory.appendingPathComponent(textFile).standardizedFileURL.resolvingSymlinksInPath()
            guard textURL.path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else {
                place(decoder.locate(path: path), path, "the source text '\(textFile)' lies outside the dataset's folder",
                      "keep source texts in the dataset's folder or a folder below it")
                continue
            }
            if let kind = FileKind.nonRegular(at: textURL.path) {
                place(decoder.locate(path: path), path, "the source text '\(textFile)' is \(kind), not a text file",
                      "name a UTF-8 text file, or remove \"text\"")
            } else if let text = try? String(contentsOf: textURL, encoding: .utf8) {
                sourceTexts[source.id] = text
            } else {
                place(decoder.locate(path: path), path, "cannot read the source text '\(textFile)'",
                      "give a path relative to the dataset file, or remove \"text\"")
            }
        }

        let result = DatasetValidator.validateLoaded(
            sources: decoder.sources, entities: decoder.entities, relationships: decoder.relationships,
            sourceTexts: sourceTexts, partiallyKnown: decoder.brokenNodeIDs, partiallyKnownSources: decoder.brokenSourceIDs,
            reportedElsewhere: !issues.isEmpty, vocabulary: decoder.declarations.vocabulary)
        /// A finding's path with the element index in the file instead of among the decoded elements.
        func inFile(_ finding: Finding) -> [JSONPathComponent] {
            var path = finding.path
            if path.count >= 2, case .key(let section) = path[0], case .index(let index) = path[1] {
                switch section {
                case "nodes": path[1] = .index(decoder.entityPositions[index])
                case "relations": path[1] = .index(decoder.relationPositions[index])
                case "sources": path[1] = .index(decoder.sourcePositions[index])
                default: break
                }
            }
            if path.count >= 3, path[0] == .key("vocabulary"), case .key(let list) = path[1], case .index(let index) = path[2],
               let positions = decoder.declarations.positions[list], index < positions.count {
                path[2] = .index(positions[index])
            }
            return path
        }
        for finding in result.findings {
            let path = inFile(finding)
            place(decoder.locate(path: path), path, finding.message, finding.fix)
        }
        if !issues.isEmpty { throw .invalidData(file: file, issues: issues) }
        let warnings = DatasetWarnings.findings(entities: decoder.entities, relationships: decoder.relationships).map { finding in
            let path = inFile(finding)
            let location = decoder.locate(path: path).map { lines.location(of: $0) }
            return DatasetIssue(file: file, line: location?.line, column: location?.column, path: path.jsonPath,
                                message: finding.message, fix: finding.fix)
        }
        return Dataset(
            validatedTitle: decoder.title ?? "", description: decoder.datasetDescription, sources: decoder.sources,
            entities: decoder.entities, relationships: decoder.relationships, vocabulary: decoder.declarations.vocabulary,
            validation: result, warnings: warnings)
    }
}

#if canImport(Glibc)
/// A dataset file mapped read-only into memory (`mmap`), so reading it costs no copy.
struct FileMapping {
    let bytes: UnsafeBufferPointer<UInt8>
    let pages: MappedPages?

    /// Maps the file, or returns `nil` (the caller then reads it another way) when it cannot be mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let count = Int(status.st_size)
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
        pages = MappedPages(base: UnsafeRawPointer(address), count: count)
    }

    func unmap() {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
#endif
