import Foundation

/// What the Popolo and FollowTheMoney readers share: reading a JSON file with located errors, turning JSON objects
/// into the flat records ``DatasetBuilder`` validates, ids for records that do not have PartyGraph ids, and sources
/// made of the links of third-party files.
enum InterchangeDocument {
    /// Places problems of one file.
    final class Context {
        let path: String
        private var lines: LineIndex

        init(path: String, lines: LineIndex) {
            self.path = path
            self.lines = lines
        }

        func issue(_ offset: Int, _ jsonPath: String, _ message: String, fix: String? = nil) -> DatasetIssue {
            let location = lines.location(of: offset)
            return DatasetIssue(file: path, line: location.line, column: location.column, path: jsonPath, message: message, fix: fix)
        }

        func fail(_ offset: Int, _ jsonPath: String, _ message: String, fix: String? = nil) -> PartyGraphError {
            .invalidData(file: path, issues: [issue(offset, jsonPath, message, fix: fix)])
        }

        /// A JSON object as flat text fields: strings as they are, lists and objects as compact JSON text; the members
        /// of the object under `flattening` (an extension object) join the fields. `renaming` maps the document's keys
        /// to column names.
        func record(_ value: LocatedJSON, at jsonPath: String, renaming: [String: String] = [:], flattening: String? = nil,
                    issues: inout [DatasetIssue]) -> FlatRecord? {
            guard case .object(var members) = value.shape else {
                issues.append(issue(value.offset, jsonPath, "each entry is an object"))
                return nil
            }
            var keyPaths: [String: String] = [:]
            if let flattening, let index = members.firstIndex(where: { $0.key == flattening }) {
                let nested = members.remove(at: index).value
                if case .object(let inner) = nested.shape {
                    members += inner
                    for member in inner { keyPaths[member.key] = flattening + "." + member.key }
                } else {
                    issues.append(issue(nested.offset, jsonPath + "." + flattening, "\"\(flattening)\" must be an object"))
                }
            }
            var fields: [String: String] = [:], offsets: [String: Int] = [:], originals: [String: String] = [:]
            for member in members {
                let name = keyPaths[member.key] == nil ? renaming[member.key] ?? member.key : member.key
                offsets[name] = member.value.offset
                originals[name] = keyPaths[member.key] ?? member.key
                switch member.value.shape {
                case .null: continue
                case .string(let text): if !text.isEmpty { fields[name] = text }
                default: fields[name] = member.value.plain.compactText
                }
            }
            return FlatRecord(fields: fields) { column in
                let key = column.map { originals[$0] ?? $0 }
                return self.issue(column.flatMap { offsets[$0] } ?? value.offset, jsonPath + (key.map { "." + $0 } ?? ""), "")
            }
        }

        /// Fields built by a reader, placed at `value` (a column named in `renaming` at that key of it).
        func flat(_ fields: [String: String], value: LocatedJSON, at jsonPath: String, renaming: [String: String] = [:]) -> FlatRecord {
            FlatRecord(fields: fields) { column in
                let key = column.map { renaming[$0] ?? $0 }
                if let key, let member = value[key] { return self.issue(member.offset, jsonPath + "." + key, "") }
                return self.issue(value.offset, jsonPath, "")
            }
        }
    }

    /// Reads the file at `path` as one JSON document and hands it to `body`.
    static func withDocument<T>(path: String, _ body: (LocatedJSON, Context) throws(PartyGraphError) -> T) throws(PartyGraphError) -> T {
        let bytes = try bytes(path)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PartyGraphError) -> T in
            let context = Context(path: path, lines: LineIndex(bytes: buffer))
            let document: LocatedJSON
            do throws(JSONSyntaxError) { document = try LocatedJSON.parse(buffer) } catch {
                throw context.fail(error.offset, "$", "invalid JSON: " + error.message, fix: error.fix)
            }
            return try body(document, context)
        }
    }

    /// The file's bytes, refusing UTF-16.
    static func bytes(_ path: String) throws(PartyGraphError) -> [UInt8] {
        let data = try Importer.read(path)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw .invalidData(file: path, issues: [DatasetIssue(file: path, line: 1, column: 1, path: "$",
                                                                 message: "the file is UTF-16 (it starts with a UTF-16 byte-order mark)", fix: "save it as UTF-8")])
        }
        return [UInt8](data)
    }

    /// `kind/slug` ids for records of a third-party file: an id that already is a PartyGraph id of the record's kind
    /// is kept; any other becomes the kind and the name's letters (`person/hun-manet`), numbered when taken.
    struct IDMap {
        private var byGiven: [String: NodeID] = [:]
        private var kinds: [NodeID: NodeKind] = [:]

        mutating func assign(_ given: String, kind: NodeKind, name: String) -> NodeID {
            if let known = byGiven[given] { return known }
            var id = NodeID(rawValue: given)
            if id.slugProblem != nil || id.prefix != kind.rawValue || kinds[id] != nil {
                let base = kind.rawValue + "/" + IDMap.slug(name)
                id = NodeID(rawValue: base)
                var number = 2
                while kinds[id] != nil { id = NodeID(rawValue: base + "-\(number)"); number += 1 }
            }
            byGiven[given] = id
            kinds[id] = kind
            return id
        }

        func id(_ given: String) -> NodeID? { byGiven[given] }
        func kind(of id: NodeID) -> NodeKind? { kinds[id] }

        /// Lowercase ASCII letters and digits of the name, words joined by `-` (`Tô Lâm` → `to-lam`).
        static func slug(_ name: String) -> String {
            let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
            var slug = ""
            for scalar in folded.unicodeScalars {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.isEmpty, !slug.hasSuffix("-") {
                    slug += "-"
                }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            return String((slug.isEmpty ? "unnamed" : slug).prefix(120))
        }
    }

    /// Sources made of third-party links (`{"url", "date", "note" or "quote"}`): one source per url, its publisher the
    /// url's host; each link cites it with the quote (or the note) as the supporting text.
    struct SourceLinks {
        private(set) var sources: [FlatRecord] = []
        private var byURL: [String: String] = [:]

        /// The evidence records (JSON text) of the links under `sources` of `item`, or `nil` when it has none.
        mutating func evidence(_ item: LocatedJSON, key: String = "sources", at jsonPath: String, context: Context,
                               issues: inout [DatasetIssue]) -> String? {
            guard let list = item[key] else { return nil }
            guard case .array(let links) = list.shape else {
                issues.append(context.issue(list.offset, jsonPath + "." + key, "\"\(key)\" must be a list of links"))
                return nil
            }
            var records: [JSONValue] = []
            for (index, link) in links.enumerated() {
                let path = jsonPath + ".\(key)[\(index)]"
                guard case .string(let url)? = link["url"]?.shape, !url.isBlank else {
                    issues.append(context.issue(link.offset, path + ".url", "a source link needs a \"url\"", fix: "give the address of the report"))
                    continue
                }
                guard case .string(let date)? = link["date"]?.shape, (try? PartialDate(parsing: date)) != nil else {
                    issues.append(context.issue(link["date"]?.offset ?? link.offset, path + ".date",
                                                "a source link needs its publication \"date\" (YYYY, YYYY-MM or YYYY-MM-DD)",
                                                fix: "add \"date\": \"2026-02-03\" to the link: PartyGraph dates every source"))
                    continue
                }
                var quote: String?
                if case .string(let text)? = link["quote"]?.shape, !text.isBlank { quote = text }
                else if case .string(let text)? = link["note"]?.shape, !text.isBlank { quote = text }
                guard let quote else {
                    issues.append(context.issue(link.offset, path, "a source link needs a \"quote\" (or a \"note\"): the words that support the fact",
                                                fix: "add \"quote\": \"the sentence of the report\""))
                    continue
                }
                let id: String
                if let known = byURL[url] { id = known } else {
                    id = "link-\(byURL.count + 1)"
                    byURL[url] = id
                    let host = URL(string: url)?.host ?? url
                    sources.append(context.flat(["id": id, "publisher": host, "title": url, "date": date, "url": url], value: link, at: path))
                }
                records.append(.object([.init("source", .string(id)), .init("quote", .string(quote))]))
            }
            return records.isEmpty ? nil : JSONValue.array(records).compactText
        }
    }
}
