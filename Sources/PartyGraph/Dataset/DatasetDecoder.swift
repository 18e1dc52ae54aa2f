/// Decodes the dataset JSON format straight from bytes into model values, collecting located findings.
struct DatasetDecoder {
    private var reader: JSONReader
    private(set) var findings: [Finding] = []
    /// The path of the value being read, for syntax errors.
    private(set) var path: [JSONPathComponent] = []

    private(set) var title: String?
    private(set) var datasetDescription: String?
    private(set) var sources: [Source] = []
    private(set) var entities: [Entity] = []
    private(set) var relationships: [Relationship] = []
    /// Position in the file's array of each decoded element (elements that failed to decode are skipped).
    private(set) var sourcePositions: [Int] = []
    private(set) var entityPositions: [Int] = []
    private(set) var relationPositions: [Int] = []
    /// Ids of nodes that failed to decode, so references to them are not reported twice.
    private(set) var brokenNodeIDs: Set<NodeID> = []
    /// Byte offset of each element of the top-level arrays, to locate findings later.
    private var elementOffsets: [String: [Int]] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>) { reader = JSONReader(bytes: bytes) }

    static let topLevelKeys = ["format", "version", "title", "description", "sources", "nodes", "relations"]
    static let sourceKeys = ["id", "publisher", "title", "date", "url", "text"]
    static let nodeKeys = ["id", "kind", "name", "aliases", "note", "evidence", "meeting_kind", "start", "end", "place", "status", "status_as_of"]
    static let relationKeys = ["relation", "from", "to", "start", "end", "role", "capacity", "led_by", "evidence"]
    static let evidenceKeys = ["source", "quote", "stance"]

    // MARK: Findings

    private mutating func report(_ message: String, at offset: Int, key: String? = nil, fix: String? = nil) {
        findings.append(Finding(path: key.map { path + [.key($0)] } ?? path, message: message, fix: fix, offset: offset))
    }

    private mutating func unknownKey(_ key: String, at offset: Int, allowed: [String]) {
        let hint = nearest(to: key, among: allowed)
        report("unknown field \"\(key)\"", at: offset, key: key,
               fix: hint.isEmpty ? "known fields: " + allowed.joined(separator: ", ") : "did you mean \"\(hint[0])\"?")
    }

    // MARK: Typed values

    /// Reads a string, or reports the wrong type and skips the value.
    private mutating func string(_ reader: inout JSONReader, key: String) throws(JSONSyntaxError) -> String? {
        let offset = reader.valueOffset()
        let kind = try reader.peekKind()
        if kind == .string { return try reader.readString() }
        if kind == .null { try reader.readNull(); return nil }
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
            report("invalid date: \(error)", at: offset, key: key, fix: "write YYYY, YYYY-MM or YYYY-MM-DD")
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
            if !seen.insert(key).inserted { report("the field \"\(key)\" appears twice", at: keyOffset, key: key, fix: "keep one") }
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
                    if version != Double(DatasetLoader.formatVersion) {
                        report("format version \(version) is not supported", at: offset, key: key, fix: "this build reads version \(DatasetLoader.formatVersion)")
                    }
                } else {
                    try reader.skipValue()
                    report("\"version\" must be a number", at: offset, key: key)
                }
            case "title": title = try string(&reader, key: key)?.loaderNFC
            case "description": datasetDescription = try string(&reader, key: key)?.loaderNFC
            case "sources", "nodes", "relations":
                try section(&reader, key: key)
            default:
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.topLevelKeys)
            }
        }
        try reader.expectEnd()
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
        try reader.readArray { reader, index throws(JSONSyntaxError) in
            path.append(.index(index))
            let elementOffset = reader.valueOffset()
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
        path.removeLast()
        elementOffsets[key] = offsets
    }

    // MARK: Elements

    private mutating func source(_ reader: inout JSONReader, index: Int) throws(JSONSyntaxError) {
        let start = reader.valueOffset()
        var id: String?, publisher: String?, title: String?, url: String?, text: String?
        var date: PartialDate?
        var broken = false
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            switch key {
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
        guard !broken, let id, let publisher, let title, let date else { return }
        sources.append(Source(id: id, publisher: publisher, title: title, date: date, url: url, textFile: text))
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
                    switch key {
                    case "source": source = try string(&reader, key: key)
                    case "quote": quote = try string(&reader, key: key)?.loaderNFC
                    case "stance":
                        if let value = try enumValue(&reader, key: key, as: Evidence.Stance.self) { stance = value } else { broken = true }
                    default:
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
        var meetingKind: MeetingKind?, status: MeetingStatus?
        var start: PartialDate?? = .some(nil), end: PartialDate?? = .some(nil), statusAsOf: PartialDate?? = .some(nil)
        var meetingFields = false, broken = false, kindGiven = false
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            switch key {
            case "id": id = try nodeID(&reader, key: key)
            case "kind":
                kindGiven = true
                kind = try enumValue(&reader, key: key, as: NodeKind.self)
                if kind == nil { broken = true }
            case "name": name = try string(&reader, key: key)?.loaderNFC
            case "aliases": aliases = try stringList(&reader, key: key)
            case "note": note = try string(&reader, key: key)?.loaderNFC
            case "evidence":
                if let records = try evidenceList(&reader) { evidence = records } else { broken = true }
            case "meeting_kind":
                meetingFields = true
                meetingKind = try enumValue(&reader, key: key, as: MeetingKind.self)
                if meetingKind == nil { broken = true }
            case "status":
                meetingFields = true
                status = try enumValue(&reader, key: key, as: MeetingStatus.self)
                if status == nil { broken = true }
            case "start": meetingFields = true; start = try date(&reader, key: key)
            case "end": meetingFields = true; end = try date(&reader, key: key)
            case "status_as_of": meetingFields = true; statusAsOf = try date(&reader, key: key)
            case "place": meetingFields = true; place = try string(&reader, key: key)?.loaderNFC
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
                if status == nil, !broken {
                    report("a meeting needs \"status\"", at: objectStart, fix: "one of " + MeetingStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    broken = true
                }
                if case .some(.none) = start, !broken {
                    report("a meeting needs a \"start\" date", at: objectStart, fix: "e.g. \"start\": \"2026-02-06\"")
                    broken = true
                }
            }
            if case .some(.some) = start, case .some(.none) = end { end = start }
            if let span = span(start: start, end: end, at: objectStart), let meetingKind, let status {
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
        entities.append(Entity(id: id, kind: kind, name: name, aliases: aliases, note: note, meeting: meeting, evidence: evidence))
        entityPositions.append(index)
    }

    private mutating func relation(_ reader: inout JSONReader, index: Int) throws(JSONSyntaxError) {
        let objectStart = reader.valueOffset()
        var relation: Relation?, from: NodeID?, to: NodeID?, role: ParticipantRole?, capacity: NodeID?, ledBy: NodeID?
        var start: PartialDate?? = .some(nil), end: PartialDate?? = .some(nil)
        var evidence: [Evidence] = []
        var broken = false, relationGiven = false
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            switch key {
            case "relation":
                relationGiven = true
                relation = try enumValue(&reader, key: key, as: Relation.self)
                if relation == nil { broken = true }
            case "from": from = try nodeID(&reader, key: key)
            case "to": to = try nodeID(&reader, key: key)
            case "start": start = try date(&reader, key: key)
            case "end": end = try date(&reader, key: key)
            case "role":
                role = try enumValue(&reader, key: key, as: ParticipantRole.self)
                if role == nil { broken = true }
            case "capacity": capacity = try nodeID(&reader, key: key)
            case "led_by": ledBy = try nodeID(&reader, key: key)
            case "evidence":
                if let records = try evidenceList(&reader) { evidence = records } else { broken = true }
            default:
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
        relationships.append(Relationship(relation, from: from, to: to, valid: valid, role: role, capacity: capacity, ledBy: ledBy, evidence: evidence))
        relationPositions.append(index)
    }

    // MARK: Locating findings

    /// The byte offset of the value at `path` (or the nearest enclosing value found), for error messages.
    mutating func locate(path: [JSONPathComponent]) -> Int? {
        guard path.count >= 2, case .key(let section) = path[0], case .index(let index) = path[1],
              let offsets = elementOffsets[section], index < offsets.count else { return nil }
        var position = offsets[index]
        var scanner = reader
        for component in path.dropFirst(2) {
            scanner.seek(to: position)
            var found: Int?
            switch component {
            case .key(let wanted):
                try? scanner.readObject { reader, key, _ throws(JSONSyntaxError) in
                    if key == wanted, found == nil { found = reader.valueOffset() }
                    try reader.skipValue()
                }
            case .index(let wanted):
                try? scanner.readArray { reader, index throws(JSONSyntaxError) in
                    if index == wanted { found = reader.valueOffset() }
                    try reader.skipValue()
                }
            }
            guard let found else { break }
            position = found
        }
        return position
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
