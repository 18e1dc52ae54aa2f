import Foundation

/// Decodes the dataset JSON format straight from bytes into model values, collecting located findings.
struct DatasetDecoder {
    private(set) var reader: JSONReader
    var findings: [Finding] = []
    /// The path of the value being read, for syntax errors.
    var path: [JSONPathComponent] = []

    private(set) var title: String?
    private(set) var datasetDescription: String?
    private(set) var sources: [Source] = []
    var entities: [Entity] = []
    var relationships: [Relationship] = []
    /// Position in the file's array of each decoded element (elements that failed to decode are skipped).
    private(set) var sourcePositions: [Int] = []
    var entityPositions: [Int] = []
    var relationPositions: [Int] = []
    /// Ids of nodes that failed to decode, so references to them are not reported twice.
    var brokenNodeIDs: Set<NodeID> = []
    /// Ids of sources that failed to decode: evidence citing them is not reported again as citing an unknown source.
    private(set) var brokenSourceIDs: Set<String> = []
    /// The file's declared format version (1 when it says none).
    var formatVersion = 1
    /// Fields new in format version 2 met while reading, checked against the declared version at the end.
    private var version2Fields: [(path: [JSONPathComponent], key: String, offset: Int)] = []
    /// Byte offset of each element of the top-level arrays, to locate findings later.
    private(set) var elementOffsets: [String: [Int]] = [:]
    /// Values new in format version 2 (the kind `place`, the relation `held-at`), checked like ``version2Fields``.
    private var version2Values: [(path: [JSONPathComponent], key: String, value: String, offset: Int)] = []
    /// The declared vocabulary, and what refers to it before it is known (see DatasetDecoder+Vocabulary.swift).
    var declarations = VocabularyDeclarations()

    /// Sections spanning at least this many bytes are read by two cores (see ``SectionSpeculation``).
    let parallelMinimumBytes: Int
    /// When the bytes are a file mapping: pages already read are handed back to the kernel as reading goes on,
    /// so the file does not stay resident on top of the decoded values (a page read again is simply re-read).
    var pages: MappedPages?

    init(bytes: UnsafeBufferPointer<UInt8>, parallelMinimumBytes: Int = DatasetDecoder.defaultParallelMinimumBytes) {
        reader = JSONReader(bytes: bytes)
        self.parallelMinimumBytes = parallelMinimumBytes
    }

    /// Below this a second thread costs more than it saves.
    static let defaultParallelMinimumBytes = 4 << 20

    static let topLevelKeys = ["format", "version", "title", "description", "vocabulary", "sources", "nodes", "relations"]
    static let sourceKeys = ["id", "publisher", "title", "date", "url", "text", "kind"]
    static let nodeKeys = ["id", "kind", "name", "aliases", "note", "evidence", "meeting_kind", "start", "end", "place", "status", "status_as_of", "status_claims", "seats"]
    static let relationKeys = ["relation", "from", "to", "start", "end", "role", "capacity", "led_by", "evidence", "attested"]
    static let evidenceKeys = ["source", "quote", "stance"]
    static let attestationKeys = ["date", "source", "quote"]
    static let claimKeys = ["source", "date", "status", "quote", "stance"]
    /// Status claims that gave no date, as (entity position in ``entities``, claim position): they take their
    /// source's publication date once every source is read (``resolveClaimDates()``).
    private(set) var undatedClaims: [(entity: Int, claim: Int)] = []

    // MARK: Findings

    mutating func report(_ message: String, at offset: Int, key: String? = nil, fix: String? = nil) {
        findings.append(Finding(path: key.map { path + [.key($0)] } ?? path, message: message, fix: fix, offset: offset))
    }

    mutating func unknownKey(_ key: String, at offset: Int, allowed: [String]) {
        let hint = nearest(to: key, among: allowed)
        report("unknown field \"\(key)\"", at: offset, key: key,
               fix: hint.isEmpty ? "known fields: " + allowed.joined(separator: ", ") : "did you mean \"\(hint[0])\"?")
    }

    /// Notes a field that only format version 2 has; reported at the end when the file declares version 1.
    mutating func noteVersion2Field(_ key: String, at offset: Int) {
        version2Fields.append((path, key, offset))
    }

    /// Notes a value that only format version 2 has (`"kind": "place"`), reported like ``noteVersion2Field(_:at:)``.
    mutating func noteVersion2Value(_ value: String, of key: String, at offset: Int) {
        version2Values.append((path, key, value, offset))
    }

    // MARK: Typed values

    /// Reads a string, or reports the wrong type and skips the value.
    mutating func string(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) -> String? {
        let offset = reader.valueOffset()
        let kind = try reader.peekKind()
        if kind == .string { return try reader.readString() }
        if kind == .null {
            // A null is a value, not an absence: a record with one is reported, never read as if the field were missing.
            try reader.readNull()
            if key.isEmpty {
                report("the item is null", at: offset, fix: "give a string, or remove the item")
            } else {
                report("\"\(key)\" is null", at: offset, key: key,
                       fix: "give a string; null is not a value in this format (an optional field that is not known is left out)")
            }
            return nil
        }
        try reader.skipValue()
        report("\"\(key)\" must be a string, not \(kind == .array ? "an" : "a") \(kind.rawValue)", at: offset, key: key)
        return nil
    }

    private mutating func stringList(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) -> [String] {
        let offset = reader.valueOffset()
        guard try reader.peekKind() == .array else {
            try reader.skipValue()
            report("\"\(key)\" must be a list of strings", at: offset, key: key, fix: "write [\"…\", \"…\"]")
            return []
        }
        var items: [String] = []
        path.append(.key(key))
        try reader.readArray { reader, index throws(JSONSyntaxError) in
            path.append(.index(index))
            if let item = try string(&reader, key: "") { items.append(item.loaderNFC) }
            path.removeLast()
        }
        path.removeLast()
        return items
    }

    private mutating func enumValue<Value: RawRepresentable & CaseIterable>(
        _ reader: inout JSONReader, key: String, as: Value.Type
    ) throws(JSONSyntaxError) -> Value? where Value.RawValue == String {
        let offset = reader.valueOffset()
        guard let text = try string(&reader, key: key) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let hint = nearest(to: text, among: allowed)
        report("unknown \(key.replacingUnderscores) '\(text)'", at: offset, key: key,
               fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + allowed.joined(separator: ", "))
        return nil
    }

    private mutating func date(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) -> PartialDate?? {
        let offset = reader.valueOffset()
        guard let text = try string(&reader, key: key) else { return .some(nil) }
        do { return .some(try PartialDate(parsing: text)) } catch {
            report("invalid date: \(error)", at: offset, key: key)
            return nil
        }
    }

    private mutating func nodeID(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) -> NodeID? {
        try string(&reader, key: key).map(NodeID.init(rawValue:))
    }

    // MARK: Document

    mutating func decodeDocument() throws(JSONSyntaxError) {
        var reader = self.reader
        defer { self.reader = reader }
        let start = reader.valueOffset()
        guard try reader.peekKind() == .object else {
            throw JSONSyntaxError(offset: start, message: "a dataset is a JSON object", fix: "start the file with '{'")
        }
        var seen = Set<String>()
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            seen.insert(key)
            switch key {
            case "format":
                let offset = reader.valueOffset()
                if let format = try string(&reader, key: key), format != DatasetLoader.formatName {
                    report("this is not a PartyGraph dataset (format '\(format)')", at: offset, key: key, fix: "set \"format\": \"\(DatasetLoader.formatName)\"")
                }
            case "version":
                let offset = reader.valueOffset()
                if try reader.peekKind() == .number {
                    let version = try reader.readNumber()
                    let readable = DatasetLoader.readableVersions
                    if let whole = Int(exactly: version), readable.contains(whole) {
                        formatVersion = whole
                    } else {
                        report("format version \(version) is not supported", at: offset, key: key,
                               fix: "this build reads versions \(readable.lowerBound)–\(readable.upperBound)")
                    }
                } else {
                    try reader.skipValue()
                    report("\"version\" must be a number", at: offset, key: key)
                }
            case "title": title = try string(&reader, key: key)?.loaderNFC
            case "description": datasetDescription = try string(&reader, key: key)?.loaderNFC
            case "vocabulary":
                noteVersion2Field(key, at: keyOffset)
                try vocabulary(&reader)
            case "sources", "nodes", "relations":
                try section(&reader, key: key)
            default:
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.topLevelKeys)
            }
        }
        try reader.expectEnd()
        resolveClaimDates()
        if formatVersion < 2 {
            // One error per field name, at its first use: the cause is the declared version, not each record.
            var uses: [String: Int] = [:]
            for field in version2Fields { uses[field.key, default: 0] += 1 }
            var reported = Set<String>()
            for field in version2Fields where reported.insert(field.key).inserted {
                let count = uses[field.key]!
                findings.append(Finding(
                    path: field.path + [.key(field.key)],
                    message: "\"\(field.key)\" is a field of format version 2" + (count > 1 ? " (used \(count) times in this file)" : ""),
                    fix: "set \"version\": 2 (or run `partygraph migrate` on the file)", offset: field.offset))
            }
            for value in version2Values {
                findings.append(Finding(
                    path: value.path + [.key(value.key)], message: "the \(value.key) '\(value.value)' is new in format version 2",
                    fix: "set \"version\": 2 (or run `partygraph migrate` on the file)", offset: value.offset))
            }
        }
        resolveDeclaredTerms()
        for required in ["format", "sources", "nodes", "relations"] where !seen.contains(required) {
            report("the dataset has no \"\(required)\"", at: start, fix: required == "format"
                   ? "add \"format\": \"\(DatasetLoader.formatName)\", \"version\": \(DatasetLoader.formatVersion)" : "add \"\(required)\": []")
        }
    }

    private mutating func section(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) {
        let offset = reader.valueOffset()
        guard try reader.peekKind() == .array else {
            try reader.skipValue()
            report("\"\(key)\" must be a list", at: offset, key: key, fix: "write \"\(key)\": [ … ]")
            return
        }
        path.append(.key(key))
        var offsets: [Int] = []
        if try reader.openArray() {
            let sectionEnd = reader.bytes.count - reader.offset < parallelMinimumBytes
                ? reader.bytes.count : SectionSpeculation.sectionEndGuess(bytes: reader.bytes, key: key, from: reader.offset)
            var speculation = SectionSpeculation.start(
                bytes: reader.bytes, key: key, arrayStart: reader.offset, end: sectionEnd, depth: reader.nestingDepth,
                minimumBytes: parallelMinimumBytes, pages: pages)
            let sectionStart = reader.offset
            // The worker reads the same bytes: it must have stopped before this function returns or throws.
            defer { speculation?.cancel() }
            var index = 0
            repeat {
                try reader.beginElement()
                if let running = speculation, reader.offset >= running.offset {
                    speculation = nil
                    if reader.offset == running.offset {
                        // This element is where the worker started: its result is exactly what reading on would give.
                        let worker = running.result()
                        absorb(worker, key: key, base: index, offsets: &offsets)
                        if let error = worker.error {
                            path = worker.decoder.path
                            if path.count >= 2, case .index(let local) = path[1] { path[1] = .index(local + index) }
                            throw error
                        }
                        reader.resume(from: worker.reader)
                        break
                    }
                    running.cancel()
                }
                try element(&reader, key: key, index: index, offsets: &offsets)
                index += 1
                if index & 4095 == 0 {
                    pages?.release(upTo: reader.offset)
                    if index == 4096 { reserve(key: key, elements: index, bytes: reader.offset - sectionStart, sectionBytes: sectionEnd - sectionStart) }
                }
            } while try reader.continueArray()
        }
        path.removeLast()
        elementOffsets[key] = offsets
    }

    /// Reserves room for a section's values from the size of its first elements, instead of doubling (a doubling
    /// holds the old and new storage at once, 1.5 times the final size, on the peak-memory path of large files).
    private mutating func reserve(key: String, elements: Int, bytes: Int, sectionBytes: Int) {
        guard bytes > 0 else { return }
        let estimate = Int(Double(sectionBytes) / Double(bytes) * Double(elements) * 1.05)
        switch key {
        case "nodes": entities.reserveCapacity(estimate); entityPositions.reserveCapacity(estimate)
        case "relations": relationships.reserveCapacity(estimate); relationPositions.reserveCapacity(estimate)
        default: break
        }
    }

    /// Decodes one element of a top-level section.
    fileprivate mutating func element(_ reader: inout JSONReader, key: String, index: Int, offsets: inout [Int]) throws(JSONSyntaxError) {
        path.append(.index(index))
        let elementOffset = reader.offset
        offsets.append(elementOffset)
        if try reader.peekKind() != .object {
            try reader.skipValue()
            report("each entry of \"\(key)\" is an object", at: elementOffset)
        } else {
            switch key {
            case "sources": try source(&reader, index: index)
            case "nodes": try node(&reader, index: index)
            default: try relation(&reader, index: index)
            }
        }
        path.removeLast()
    }

    /// Appends what a worker decoded from element `base` on, renumbering its element positions and paths.
    private mutating func absorb(_ worker: SectionSpeculation.Outcome, key: String, base: Int, offsets: inout [Int]) {
        let part = worker.decoder
        let entityBase = entities.count, relationBase = relationships.count
        findings.reserveCapacity(findings.count + part.findings.count)
        for var finding in part.findings {
            if finding.path.count >= 2, case .index(let local) = finding.path[1] { finding.path[1] = .index(local + base) }
            findings.append(finding)
        }
        sources.append(contentsOf: part.sources)
        sourcePositions.append(contentsOf: part.sourcePositions.lazy.map { $0 + base })
        undatedClaims.append(contentsOf: part.undatedClaims.lazy.map { ($0.entity + entityBase, $0.claim) })
        entities.append(contentsOf: part.entities)
        entityPositions.append(contentsOf: part.entityPositions.lazy.map { $0 + base })
        relationships.append(contentsOf: part.relationships)
        relationPositions.append(contentsOf: part.relationPositions.lazy.map { $0 + base })
        brokenNodeIDs.formUnion(part.brokenNodeIDs)
        brokenSourceIDs.formUnion(part.brokenSourceIDs)
        for var field in part.version2Fields {
            if field.path.count >= 2, case .index(let local) = field.path[1] { field.path[1] = .index(local + base) }
            version2Fields.append(field)
        }
        for var value in part.version2Values {
            if value.path.count >= 2, case .index(let local) = value.path[1] { value.path[1] = .index(local + base) }
            version2Values.append(value)
        }
        declarations.absorb(part.declarations, base: base, entityBase: entityBase, relationBase: relationBase)
        offsets.append(contentsOf: worker.offsets)
    }

    /// Decodes elements from a reader placed at an element start inside a section array, to the array's end, or
    /// until `cancelled()` says to stop (then the work is dropped).
    mutating func elements(
        _ reader: inout JSONReader, key: String, end: Int, offsets: inout [Int], cancelled: () -> Bool
    ) throws(JSONSyntaxError) {
        path = [.key(key)]
        var index = 0
        let start = reader.offset
        repeat {
            if index & 1023 == 0 {
                if cancelled() { return }
                if index > 0 { pages?.release(upTo: reader.offset) }
                if index == 4096 { reserve(key: key, elements: index, bytes: reader.offset - start, sectionBytes: end - start) }
            }
            try reader.beginElement()
            try element(&reader, key: key, index: index, offsets: &offsets)
            index += 1
        } while try reader.continueArray()
    }

    // MARK: Elements

    private mutating func source(_ reader: inout JSONReader, index: Int) throws(JSONSyntaxError) {
        let start = reader.valueOffset()
        var id: String?, publisher: String?, title: String?, url: String?, text: String?
        var date: PartialDate?
        var kind = SourceKind.reported
        var broken = false
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            switch key {
            case "kind":
                noteVersion2Field(key, at: keyOffset)
                if let value = try enumValue(&reader, key: key, as: SourceKind.self) { kind = value } else { broken = true }
            case "id": id = try string(&reader, key: key)
            case "publisher": publisher = try string(&reader, key: key)?.loaderNFC
            case "title": title = try string(&reader, key: key)?.loaderNFC
            case "url": url = try string(&reader, key: key)
            case "text": text = try string(&reader, key: key)
            case "date":
                if let parsed = try self.date(&reader, key: key) { date = parsed } else { broken = true }
            default:
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.sourceKeys)
            }
        }
        for (name, value) in [("id", id), ("publisher", publisher), ("title", title)] where value == nil {
            report("the source has no \"\(name)\"", at: start, fix: "add \"\(name)\"")
            broken = true
        }
        if date == nil, !broken { report("the source has no \"date\"", at: start, fix: "add its publication date, e.g. \"2026-02-03\""); broken = true }
        guard !broken, let id, let publisher, let title, let date else {
            if let id { brokenSourceIDs.insert(id) }
            return
        }
        sources.append(Source(id: id, publisher: publisher, title: title, date: date, url: url, textFile: text, kind: kind))
        sourcePositions.append(index)
    }

    private mutating func evidenceList(_ reader: inout JSONReader) throws(JSONSyntaxError) -> [Evidence]? {
        let offset = reader.valueOffset()
        guard try reader.peekKind() == .array else {
            try reader.skipValue()
            report("\"evidence\" must be a list of {\"source\", \"quote\"} records", at: offset, key: "evidence")
            return nil
        }
        var records: [Evidence] = []
        var broken = false
        path.append(.key("evidence"))
        try reader.readArray { reader, index throws(JSONSyntaxError) in
            path.append(.index(index))
            let start = reader.valueOffset()
            if try reader.peekKind() != .object {
                try reader.skipValue()
                report("an evidence record is an object {\"source\", \"quote\"}", at: start)
                broken = true
            } else {
                var source: String?, quote: String?, stance = Evidence.Stance.supports
                try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
                    if key == "source" {
                        source = try string(&reader, key: key)
                    } else if key == "quote" {
                        quote = try string(&reader, key: key)?.loaderNFC
                    } else if key == "stance" {
                        let offset = reader.valueOffset()
                        if let value = try enumValue(&reader, key: key, as: Evidence.Stance.self) { stance = value } else { broken = true }
                        if stance == .disputes { noteVersion2Value(Evidence.Stance.disputes.rawValue, of: key, at: offset) }
                    } else {
                        try reader.skipValue()
                        unknownKey(key, at: keyOffset, allowed: DatasetDecoder.evidenceKeys)
                    }
                }
                if let source, let quote {
                    records.append(Evidence(source: source, quote: quote, stance: stance))
                } else {
                    report("an evidence record needs \"source\" and \"quote\"", at: start, fix: "quote the sentence that supports the fact")
                    broken = true
                }
            }
            path.removeLast()
        }
        path.removeLast()
        return broken ? nil : records
    }

    /// Reads `"attested"`: a list of `{"date", "source", "quote"}` records; `nil` when one is broken (reported).
    private mutating func attestationList(_ reader: inout JSONReader) throws(JSONSyntaxError) -> [Attestation]? {
        let offset = reader.valueOffset()
        noteVersion2Field("attested", at: offset)
        guard try reader.peekKind() == .array else {
            try reader.skipValue()
            report("\"attested\" must be a list of {\"date\", \"source\", \"quote\"} records", at: offset, key: "attested")
            return nil
        }
        var records: [Attestation] = []
        var broken = false
        path.append(.key("attested"))
        try reader.readArray { reader, index throws(JSONSyntaxError) in
            path.append(.index(index))
            let start = reader.valueOffset()
            if try reader.peekKind() != .object {
                try reader.skipValue()
                report("an attestation is an object {\"date\", \"source\", \"quote\"}", at: start)
                broken = true
            } else {
                var date: PartialDate?, source: String?, quote: String?
                var dateBroken = false
                try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
                    if key == "date" {
                        if let parsed = try self.date(&reader, key: key) { date = parsed } else { dateBroken = true }
                    } else if key == "source" {
                        source = try string(&reader, key: key)
                    } else if key == "quote" {
                        quote = try string(&reader, key: key)?.loaderNFC
                    } else {
                        try reader.skipValue()
                        unknownKey(key, at: keyOffset, allowed: DatasetDecoder.attestationKeys)
                    }
                }
                if let date, let source, let quote {
                    records.append(Attestation(date: date, evidence: Evidence(source: source, quote: quote)))
                } else {
                    if !dateBroken {
                        report("an attestation needs \"date\", \"source\" and \"quote\"", at: start,
                               fix: "give the day the source shows the holding, the source and its words")
                    }
                    broken = true
                }
            }
            path.removeLast()
        }
        path.removeLast()
        return broken ? nil : records
    }

    /// Reads `"status_claims"`: a non-empty list of `{"source", "date"?, "status", "quote", "stance"?}`; `nil`
    /// when any claim is broken (each reported where it stands). Positions of claims without a date go to `undated`.
    private mutating func statusClaims(_ reader: inout JSONReader, undated: inout [Int]) throws(JSONSyntaxError) -> [StatusClaim]? {
        let offset = reader.valueOffset()
        guard try reader.peekKind() == .array else {
            try reader.skipValue()
            report("\"status_claims\" must be a list of {\"source\", \"date\", \"status\", \"quote\"} records", at: offset, key: "status_claims")
            return nil
        }
        var claims: [StatusClaim] = []
        var broken = false
        path.append(.key("status_claims"))
        try reader.readArray { reader, index throws(JSONSyntaxError) in
            path.append(.index(index))
            let start = reader.valueOffset()
            if try reader.peekKind() != .object {
                try reader.skipValue()
                report("a status claim is an object {\"source\", \"date\", \"status\", \"quote\"}", at: start)
                broken = true
            } else {
                var source: String?, quote: String?, status: MeetingStatus?, stance = Evidence.Stance.supports
                var date: PartialDate?, dateBroken = false, statusGiven = false
                try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
                    switch key {
                    case "source": source = try string(&reader, key: key)
                    case "quote": quote = try string(&reader, key: key)?.loaderNFC
                    case "status":
                        statusGiven = true
                        status = try enumValue(&reader, key: key, as: MeetingStatus.self)
                        if status == nil { broken = true }
                    case "date":
                        if let parsed = try self.date(&reader, key: key), let parsed { date = parsed } else { dateBroken = true }
                    case "stance":
                        if let value = try enumValue(&reader, key: key, as: Evidence.Stance.self) { stance = value } else { broken = true }
                    default:
                        try reader.skipValue()
                        unknownKey(key, at: keyOffset, allowed: DatasetDecoder.claimKeys)
                    }
                }
                var missing: [String] = []
                if source == nil { missing.append("\"source\"") }
                if !statusGiven { missing.append("\"status\"") }
                if quote == nil { missing.append("\"quote\"") }
                if !missing.isEmpty {
                    report("a status claim needs " + missing.joined(separator: " and "), at: start,
                           fix: "name the source, the status it reports and quote its words")
                    broken = true
                }
                if dateBroken { broken = true }
                if !broken, let source, let quote, let status {
                    if date == nil { undated.append(claims.count) }
                    // An undated claim takes its source's date once sources are read; the year 1 is never kept.
                    claims.append(StatusClaim(source: source, date: date ?? DatasetDecoder.undatedClaimDate, status: status, quote: quote, stance: stance))
                }
            }
            path.removeLast()
        }
        path.removeLast()
        if !broken, claims.isEmpty {
            report("\"status_claims\" is empty", at: offset, key: "status_claims",
                   fix: "give at least one claim, or a single \"status\"")
            return nil
        }
        return broken ? nil : claims
    }

    /// The placeholder date of a claim that gives none, until ``resolveClaimDates()`` replaces it.
    static let undatedClaimDate = try! PartialDate(year: 1)

    /// Gives each claim without a date its source's publication date and recomputes the meeting's status; a claim
    /// citing a source that is not declared keeps the placeholder (the validator reports the unknown source).
    private mutating func resolveClaimDates() {
        guard !undatedClaims.isEmpty else { return }
        var dates: [String: PartialDate] = [:]
        for source in sources where dates[source.id] == nil { dates[source.id] = source.date }
        for (entity, claim) in undatedClaims {
            guard var meeting = entities[entity].meeting, let date = dates[meeting.claims[claim].source] else { continue }
            meeting.claims[claim].date = date
            meeting.refreshStatusFromClaims()
            entities[entity].meeting = meeting
        }
    }

    private mutating func span(start: PartialDate??, end: PartialDate??, at offset: Int) -> DateSpan? {
        guard let start, let end else { return nil }
        do { return try DateSpan(start: start, end: end) } catch {
            report("invalid dates: \(error)", at: offset, key: "end", fix: "the end must not come before the start")
            return nil
        }
    }

    private mutating func node(_ reader: inout JSONReader, index: Int) throws(JSONSyntaxError) {
        let objectStart = reader.valueOffset()
        var id: NodeID?, kind: NodeKind?, name: String?, note: String?, place: String?
        var aliases: [String] = [], evidence: [Evidence] = []
        var meetingKind: MeetingKind?, status: MeetingStatus?, seats: OfficeSeats?, seatsOffset = 0
        var claims: [StatusClaim]?, undated: [Int] = [], statusOffset: Int?, statusAsOfOffset: Int?
        var start: PartialDate?? = .some(nil), end: PartialDate?? = .some(nil), statusAsOf: PartialDate?? = .some(nil)
        var meetingFields = false, broken = false, kindGiven = false
        var declaredKind: (id: String, offset: Int)?
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            switch key {
            case "id": id = try nodeID(&reader, key: key)
            case "kind":
                kindGiven = true
                let offset = reader.valueOffset()
                kind = try enumValue(&reader, key: key, as: NodeKind.self)
                if kind == nil { broken = true }
                if kind == .place { noteVersion2Value("place", of: key, at: offset) }
            case "name": name = try string(&reader, key: key)?.loaderNFC
            case "aliases": aliases = try stringList(&reader, key: key)
            case "note": note = try string(&reader, key: key)?.loaderNFC
            case "evidence":
                if let records = try evidenceList(&reader) { evidence = records } else { broken = true }
            case "meeting_kind":
                meetingFields = true
                let offset = reader.valueOffset()
                if let text = try string(&reader, key: key) {
                    if let core = MeetingKind(rawValue: text) { meetingKind = core } else {
                        // Perhaps a kind the dataset declares: resolved once the whole document is read.
                        meetingKind = .meeting
                        declaredKind = (text, offset)
                    }
                } else { broken = true }
            case "status_claims":
                meetingFields = true
                noteVersion2Field(key, at: keyOffset)
                if let parsed = try statusClaims(&reader, undated: &undated) { claims = parsed } else { broken = true }
            case "status":
                meetingFields = true
                statusOffset = keyOffset
                status = try enumValue(&reader, key: key, as: MeetingStatus.self)
                if status == nil { broken = true }
            case "start": meetingFields = true; start = try date(&reader, key: key)
            case "end": meetingFields = true; end = try date(&reader, key: key)
            case "status_as_of": meetingFields = true; statusAsOfOffset = keyOffset; statusAsOf = try date(&reader, key: key)
            case "place": meetingFields = true; place = try string(&reader, key: key)?.loaderNFC
            case "seats":
                seatsOffset = reader.valueOffset()
                noteVersion2Field(key, at: seatsOffset)
                seats = try enumValue(&reader, key: key, as: OfficeSeats.self)
                if seats == nil { broken = true }
            default:
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.nodeKeys)
            }
        }
        if id == nil { report("the node has no \"id\"", at: objectStart, fix: "add an id such as \"person/hun-sen\""); broken = true }
        if !kindGiven {
            report("the node has no \"kind\"", at: objectStart, fix: "add \"kind\": one of " + NodeKind.allCases.map(\.rawValue).joined(separator: ", "))
            broken = true
        }
        if name == nil { name = "" }
        var meeting: MeetingDetails?
        if kind == .meeting || (meetingFields && kind != nil) {
            if kind == .meeting {
                if meetingKind == nil, !broken {
                    report("a meeting needs \"meeting_kind\"", at: objectStart, fix: "one of " + MeetingKind.allCases.map(\.rawValue).joined(separator: ", "))
                    broken = true
                }
                if status == nil, claims == nil, !broken {
                    report("a meeting needs \"status\"", at: objectStart, fix: "one of " + MeetingStatus.allCases.map(\.rawValue).joined(separator: ", ")
                           + (formatVersion >= 2 ? ", or \"status_claims\"" : ""))
                    broken = true
                }
                if case .some(.none) = start, !broken {
                    report("a meeting needs a \"start\" date", at: objectStart, fix: "e.g. \"start\": \"2026-02-06\"")
                    broken = true
                }
            }
            if claims != nil {
                // One way to give the status: the claims carry their own dates.
                if let statusOffset {
                    report("a meeting gives either \"status\" or \"status_claims\", not both", at: statusOffset, key: "status",
                           fix: "remove \"status\": the current status is the latest claim")
                    broken = true
                }
                if let statusAsOfOffset {
                    report("\"status_as_of\" belongs to a single \"status\"; status claims carry their own dates", at: statusAsOfOffset,
                           key: "status_as_of", fix: "remove \"status_as_of\"")
                    broken = true
                }
            }
            if case .some(.some) = start, case .some(.none) = end { end = start }
            if let claims, !broken, let meetingKind, let span = span(start: start, end: end, at: objectStart) {
                meeting = MeetingDetails(kind: meetingKind, date: span, place: place, claims: claims)
            } else if claims != nil, kind == .meeting {
                broken = true
            } else if let span = span(start: start, end: end, at: objectStart), let meetingKind, let status {
                meeting = MeetingDetails(kind: meetingKind, date: span, place: place, status: status, statusAsOf: statusAsOf ?? nil)
            } else if kind == .meeting {
                broken = true
            } else {
                meeting = MeetingDetails(kind: meetingKind ?? .meeting, date: .unbounded, place: place, status: status ?? .announced)
            }
        }
        guard !broken, let id, let kind, let name else {
            if let id { brokenNodeIDs.insert(id) }
            return
        }
        if seats != nil, kind != .office {
            report("only offices have \"seats\"", at: seatsOffset, key: "seats", fix: "remove it, or make the node an office")
            brokenNodeIDs.insert(id)
            return
        }
        if !undated.isEmpty { undatedClaims.append(contentsOf: undated.map { (entities.count, $0) }) }
        entities.append(Entity(id: id, kind: kind, name: name, aliases: aliases, note: note, meeting: meeting, evidence: evidence, seats: seats))
        entityPositions.append(index)
        if let declaredKind, meeting != nil {
            declarations.pendingKinds.append(.init(item: entities.count - 1, id: declaredKind.id, path: path + [.key("meeting_kind")], offset: declaredKind.offset))
        }
    }

    private mutating func relation(_ reader: inout JSONReader, index: Int) throws(JSONSyntaxError) {
        let objectStart = reader.valueOffset()
        var relation: Relation?, from: NodeID?, to: NodeID?, role: ParticipantRole?, capacity: NodeID?, ledBy: NodeID?
        var start: PartialDate?? = .some(nil), end: PartialDate?? = .some(nil)
        var evidence: [Evidence] = [], attestations: [Attestation] = []
        var broken = false, relationGiven = false
        var declaredRole: (id: String, offset: Int)?
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            // An if-chain, not a `switch`: comparing two short strings is one word compare, while a string
            // `switch` builds each case's string to compare (this runs for every field of a million relations).
            if key == "relation" {
                relationGiven = true
                let offset = reader.valueOffset()
                relation = try enumValue(&reader, key: key, as: Relation.self)
                if relation == nil { broken = true }
                if relation == .locatedIn || relation == .heldAt { noteVersion2Value(relation!.rawValue, of: key, at: offset) }
            } else if key == "from" {
                from = try nodeID(&reader, key: key)
            } else if key == "to" {
                to = try nodeID(&reader, key: key)
            } else if key == "evidence" {
                if let records = try evidenceList(&reader) { evidence = records } else { broken = true }
            } else if key == "role" {
                let offset = reader.valueOffset()
                if let text = try string(&reader, key: key) {
                    if let core = ParticipantRole(rawValue: text) { role = core } else {
                        // Perhaps a role the dataset declares: resolved once the whole document is read.
                        role = .attendee
                        declaredRole = (text, offset)
                    }
                } else { broken = true }
            } else if key == "start" {
                start = try date(&reader, key: key)
            } else if key == "end" {
                end = try date(&reader, key: key)
            } else if key == "capacity" {
                capacity = try nodeID(&reader, key: key)
            } else if key == "led_by" {
                ledBy = try nodeID(&reader, key: key)
            } else if key == "attested" {
                if let records = try attestationList(&reader) { attestations = records } else { broken = true }
            } else {
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.relationKeys)
            }
        }
        if !relationGiven {
            report("the relation has no \"relation\"", at: objectStart, fix: "add \"relation\": one of " + Relation.allCases.map(\.rawValue).joined(separator: ", "))
            broken = true
        }
        if from == nil { report("the relation has no \"from\"", at: objectStart, fix: "add the id of the node it starts at"); broken = true }
        if to == nil { report("the relation has no \"to\"", at: objectStart, fix: "add the id of the node it ends at"); broken = true }
        guard let valid = span(start: start, end: end, at: objectStart), !broken, let relation, let from, let to else { return }
        relationships.append(Relationship(relation, from: from, to: to, valid: valid, role: role, capacity: capacity, ledBy: ledBy,
                                          evidence: evidence, attestations: attestations))
        relationPositions.append(index)
        if let declaredRole {
            declarations.pendingRoles.append(.init(item: relationships.count - 1, id: declaredRole.id, path: path + [.key("role")], offset: declaredRole.offset))
        }
    }
}
