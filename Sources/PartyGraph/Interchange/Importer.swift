import Foundation

/// A file format that ``Importer`` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// The CSV files ``Exporter`` writes for ``ExportFormat/csv``: nodes.csv, edges.csv, sources.csv, dataset.csv.
    case csv
    /// Node-link JSON as ``Exporter`` writes it for ``ExportFormat/json`` (or NetworkX's `node_link_data`).
    case json
    /// A Popolo JSON document (persons, organizations, posts, memberships, events), as ``Exporter`` writes it for
    /// ``ExportFormat/popolo`` or as a third-party site publishes it.
    case popolo
    /// A FollowTheMoney entity stream (one JSON entity per line), as ``Exporter`` writes it for ``ExportFormat/ftm``
    /// or as OpenSanctions and Aleph publish it.
    case ftm
    /// A participation sheet: one row per participant per meeting (``ParticipationSheet``), CSV or TSV.
    case sheet
    /// ICEWS event data, tab-separated: its meetings (``EventData``), from machine-coded sources.
    case icews
    /// POLECAT event data, tab-separated: its meetings (``EventData``), from machine-coded sources.
    case polecat
}

/// Builds a dataset from interchange files, validated like a dataset file, every problem placed by file, row and
/// column (CSV: `row 4, column "kind"`) or JSON path with line and column.
///
/// The columns are those of the full export (see docs/interchange.md). Nothing is written by the importer itself;
/// ``DatasetWriter`` writes the result.
public enum Importer {
    /// Reads files of the given format.
    ///
    /// - Parameters:
    ///   - format: the format of the files.
    ///   - paths: for CSV, the files (recognised by their header row) or one folder holding nodes.csv,
    ///     edges.csv and optionally sources.csv and dataset.csv; for JSON, one node-link file; for a sheet, one
    ///     sheet (read by ``ParticipationSheet/read(path:delimiter:into:intoPath:outputFolder:)`` without a dataset to add to).
    ///   - sourceDirectory: the folder the dataset will be written to. Source texts named by the sources are read
    ///     relative to it and every quote is checked against them, as ``DatasetLoader`` will do when it loads the
    ///     written file; a text that cannot be read there is reported. `nil` skips these checks.
    ///   - csvFormulas: how the CSV files were written: with ``CSVText/Formulas/neutralised`` (the export's default)
    ///     the `'` put in front of formula-like cells is taken off (``CSVText/readCell(_:)``); with
    ///     ``CSVText/Formulas/raw`` every cell is taken as it is.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)`` or ``PartyGraphError/invalidData(file:issues:)``;
    ///   ``PartyGraphError/importNeedsOneFile(format:given:)`` for JSON or a sheet with other than one path.
    public static func load(
        format: ImportFormat, paths: [String], sourceDirectory: URL? = nil, csvFormulas: CSVText.Formulas = .neutralised
    ) throws(PartyGraphError) -> Dataset {
        switch format {
        case .csv: return try loadCSV(paths: paths, sourceDirectory: sourceDirectory, csvFormulas: csvFormulas)
        case .json:
            guard paths.count == 1, let path = paths.first else {
                throw .importNeedsOneFile(format: .json, given: paths.count)
            }
            return try loadNodeLinkJSON(path: path, sourceDirectory: sourceDirectory)
        case .popolo, .ftm:
            guard paths.count == 1, let path = paths.first else {
                throw .importNeedsOneFile(format: format, given: paths.count)
            }
            return format == .popolo
                ? try PopoloReader.load(path: path, sourceDirectory: sourceDirectory)
                : try FtMReader.load(path: path, sourceDirectory: sourceDirectory)
        case .sheet:
            guard paths.count == 1, let path = paths.first else {
                throw .importNeedsOneFile(format: .sheet, given: paths.count)
            }
            return try ParticipationSheet.read(path: path).dataset
        case .icews, .polecat:
            guard paths.count == 1, let path = paths.first else {
                throw .importNeedsOneFile(format: format, given: paths.count)
            }
            return try EventData.read(path: path, layout: format == .icews ? .icews : .polecat).dataset
        }
    }

    static func read(_ path: String) throws(PartyGraphError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(file: path, reason: "no such file") }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a folder, not a file") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw .unreadable(file: path, reason: error.localizedDescription) }
    }

    // MARK: CSV

    /// Reads CSV exports; see ``load(format:paths:sourceDirectory:csvFormulas:)``.
    public static func loadCSV(
        paths: [String], sourceDirectory: URL? = nil, csvFormulas: CSVText.Formulas = .neutralised
    ) throws(PartyGraphError) -> Dataset {
        var files = paths
        if paths.count == 1 {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), isDirectory.boolValue {
                let folder = paths[0].hasSuffix("/") ? paths[0] : paths[0] + "/"
                files = ["dataset.csv", "sources.csv", "nodes.csv", "edges.csv"].map { folder + $0 }
                    .filter { FileManager.default.fileExists(atPath: $0) }
            }
        }
        var issues: [DatasetIssue] = []
        var tables: [String: CSVTable] = [:]
        for path in files {
            let data = try read(path)
            guard var table = CSVTable.read(data: data, file: path, issues: &issues) else { continue }
            if csvFormulas == .neutralised {
                for index in table.records.indices { table.records[index].fields = table.records[index].fields.map(CSVText.readCell) }
            }
            let role: String
            // Sources first: a sources.csv of machine-coded sources has a "kind" column too (the source kind).
            if table.header.contains("publisher") { role = "sources" }
            else if table.header.contains("kind") { role = "nodes" }
            else if table.header.contains("relation") { role = "edges" }
            else if table.header == ["field", "value"] { role = "dataset" }
            else {
                issues.append(DatasetIssue(file: path, line: 1, path: "row 1", message: "this is not a PartyGraph CSV file (header: \(table.header.joined(separator: ",")))",
                                           fix: "give nodes.csv (with a \"kind\" column), edges.csv (\"relation\"), sources.csv (\"publisher\") or dataset.csv (field,value)"))
                continue
            }
            if let previous = tables[role] {
                issues.append(DatasetIssue(file: path, line: 1, path: "row 1", message: "a second \(role) file (the first is \(previous.file))", fix: "give one"))
            }
            tables[role] = table
        }
        if issues.isEmpty {
            for role in ["nodes", "edges"] where tables[role] == nil {
                issues.append(DatasetIssue(file: files.first, path: "files", message: "no \(role).csv was given", fix: "pass nodes.csv and edges.csv, or the folder that holds them"))
            }
        }
        if !issues.isEmpty { throw .invalidData(file: paths.count == 1 ? paths[0] : nil, issues: issues) }

        var builder = DatasetBuilder()
        func records(_ role: String, columns: Set<String>, renaming: [String: String] = [:]) -> [FlatRecord] {
            guard let table = tables[role] else { return [] }
            for (position, name) in table.header.enumerated() where !columns.contains(name) {
                let hint = nearest(to: name, among: columns)
                builder.issues.append(DatasetIssue(file: table.file, line: 1, path: "row 1, column \(position + 1)", message: "unknown column \"\(name)\"",
                                                   fix: hint.isEmpty ? "known columns: " + columns.sorted().joined(separator: ", ") : "did you mean \"\(hint[0])\"?"))
            }
            return table.records.map { record in
                var fields: [String: String] = [:]
                for (name, value) in zip(table.header, record.fields) where !value.isEmpty { fields[name] = value }
                return FlatRecord(fields: fields) { column in
                    let path = "row \(record.row)" + (column.map { ", column \"\($0)\"" } ?? "")
                    return DatasetIssue(file: table.file, line: record.line, path: path, message: "")
                }
            }
        }
        if let table = tables["dataset"] {
            for record in table.records {
                switch record.fields[0] {
                case "title": builder.title = record.fields[1]
                case "description": builder.description = record.fields[1]
                case "format" where record.fields[1] != DatasetLoader.formatName, "version" where !DatasetLoader.readableVersions.map(String.init).contains(record.fields[1]):
                    builder.issues.append(DatasetIssue(file: table.file, line: record.line, path: "row \(record.row), column \"value\"",
                                                       message: "unsupported \(record.fields[0]) '\(record.fields[1])'",
                                                       fix: "this build reads \(DatasetLoader.formatName) versions \(DatasetLoader.readableVersions.lowerBound)–\(DatasetLoader.readableVersions.upperBound)"))
                case "vocabulary":
                    builder.readVocabulary(record.fields[1], at: DatasetIssue(file: table.file, line: record.line, path: "row \(record.row), column \"value\"", message: ""))
                case "format", "version", "window", "place": break
                default:
                    builder.issues.append(DatasetIssue(file: table.file, line: record.line, path: "row \(record.row), column \"field\"",
                                                       message: "unknown field '\(record.fields[0])'", fix: "use title or description"))
                }
            }
        }
        for record in records("sources", columns: CSVWriter.knownSourceColumns) { builder.addSource(record) }
        let nodeColumns = Set(["id"] + InterchangeGraph.fullNodeColumns.map(\.name))
        for record in records("nodes", columns: nodeColumns) { builder.addNode(record) }
        let edgeColumns = Set(["id", "from", "to"] + InterchangeGraph.fullEdgeColumns.map(\.name))
        for record in records("edges", columns: edgeColumns) { builder.addEdge(record) }
        return try builder.finish(file: paths.count == 1 ? paths[0] : nil, sourceDirectory: sourceDirectory)
    }

    // MARK: Node-link JSON

    /// Reads a node-link JSON export; see ``load(format:paths:sourceDirectory:csvFormulas:)``.
    public static func loadNodeLinkJSON(path: String, sourceDirectory: URL? = nil) throws(PartyGraphError) -> Dataset {
        let data = try read(path)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw .invalidData(file: path, issues: [DatasetIssue(file: path, line: 1, column: 1, path: "$", message: "the file is UTF-16 (it starts with a UTF-16 byte-order mark)", fix: "save it as UTF-8")])
        }
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PartyGraphError) -> Dataset in
            var lines = LineIndex(bytes: buffer)
            func issue(_ offset: Int, _ jsonPath: String, _ message: String, fix: String? = nil) -> DatasetIssue {
                let location = lines.location(of: offset)
                return DatasetIssue(file: path, line: location.line, column: location.column, path: jsonPath, message: message, fix: fix)
            }
            let document: LocatedJSON
            do throws(JSONSyntaxError) { document = try LocatedJSON.parse(buffer) } catch {
                throw .invalidData(file: path, issues: [issue(error.offset, "$", "invalid JSON: " + error.message, fix: error.fix)])
            }
            guard case .object = document.shape, case .array(let nodes)? = document["nodes"]?.shape else {
                throw .invalidData(file: path, issues: [issue(document.offset, "$", "this is not node-link JSON: it needs a \"nodes\" list", fix: "import a node-link JSON export (the json export format)")])
            }
            let edgeKey = document["edges"] != nil ? "edges" : "links"
            var edges: [LocatedJSON] = []
            if let edgeValue = document[edgeKey] {
                guard case .array(let items) = edgeValue.shape else {
                    throw .invalidData(file: path, issues: [issue(edgeValue.offset, "$.\(edgeKey)", "\"\(edgeKey)\" must be a list")])
                }
                edges = items
            }
            var builder = DatasetBuilder()
            let graph = document["graph"]
            if case .string(let projection)? = graph?["projection"]?.shape, projection != GraphProjection.full.rawValue {
                throw .invalidData(file: path, issues: [issue(graph!["projection"]!.offset, "$.graph.projection", "this is the \(projection) projection, not a dataset",
                                                              fix: "import an export of the full projection")])
            }
            if case .string(let title)? = graph?["title"]?.shape { builder.title = title.nfc }
            if case .string(let description)? = graph?["description"]?.shape { builder.description = description.nfc }
            if let vocabulary = graph?["vocabulary"] {
                builder.readVocabulary(vocabulary, at: issue(vocabulary.offset, "$.graph.vocabulary", ""))
            }

            /// Turns a JSON object into flat text fields; lists and records become JSON text.
            func record(_ value: LocatedJSON, at jsonPath: String, renaming: [String: String], known: Set<String>) -> FlatRecord? {
                guard case .object(let members) = value.shape else {
                    builder.issues.append(issue(value.offset, jsonPath, "each entry is an object"))
                    return nil
                }
                var fields: [String: String] = [:], offsets: [String: Int] = [:]
                for member in members {
                    let name = renaming[member.key] ?? member.key
                    guard known.contains(name) else {
                        let hint = nearest(to: member.key, among: known)
                        builder.issues.append(issue(member.value.offset, jsonPath + "." + member.key, "unknown attribute \"\(member.key)\"",
                                                    fix: hint.isEmpty ? nil : "did you mean \"\(hint[0])\"?"))
                        continue
                    }
                    offsets[name] = member.value.offset
                    switch member.value.shape {
                    case .null: continue
                    case .string(let text): if !text.isEmpty { fields[name] = text }
                    default: fields[name] = member.value.plain.compactText
                    }
                }
                let reverse = Dictionary(renaming.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
                return FlatRecord(fields: fields) { column in
                    let key = column.map { reverse[$0] ?? $0 }
                    return issue(column.flatMap { offsets[$0] } ?? value.offset, jsonPath + (key.map { "." + $0 } ?? ""), "")
                }
            }
            if case .array(let sources)? = graph?["sources"]?.shape {
                for (index, source) in sources.enumerated() {
                    if let flat = record(source, at: "$.graph.sources[\(index)]", renaming: [:], known: CSVWriter.knownSourceColumns) { builder.addSource(flat) }
                }
            }
            let nodeKnown = Set(["id"] + InterchangeGraph.fullNodeColumns.map(\.name))
            for (index, node) in nodes.enumerated() {
                if let flat = record(node, at: "$.nodes[\(index)]", renaming: [:], known: nodeKnown) { builder.addNode(flat) }
            }
            let edgeKnown = Set(["id", "from", "to"] + InterchangeGraph.fullEdgeColumns.map(\.name))
            for (index, edge) in edges.enumerated() {
                if let flat = record(edge, at: "$.\(edgeKey)[\(index)]", renaming: ["source": "from", "target": "to", "key": "id"], known: edgeKnown) {
                    builder.addEdge(flat)
                }
            }
            return try builder.finish(file: path, sourceDirectory: sourceDirectory)
        }
    }
}

/// One imported record as flat text fields (absent or empty fields are missing), and how to place a problem in it.
struct FlatRecord {
    var fields: [String: String]
    /// An issue with file, line, column and path filled in for a column (or the whole record); message left empty.
    var place: (String?) -> DatasetIssue
}

/// Turns flat records into model values, collecting located problems, then validates the whole.
struct DatasetBuilder {
    var title = ""
    var description: String?
    var issues: [DatasetIssue] = []
    /// What a reader read but could not import (a field the model has no place for), located; they become the
    /// dataset's first warnings, so nothing is dropped unsaid.
    var notices: [DatasetIssue] = []
    /// The declared vocabulary, read before the nodes and edges that use it.
    var vocabulary = DeclaredVocabulary()
    private var sources: [Source] = [], sourcePlaces: [FlatRecord] = []
    private var entities: [Entity] = [], entityPlaces: [FlatRecord] = []
    private var relationships: [Relationship] = [], relationPlaces: [FlatRecord] = []
    private var brokenNodeIDs = Set<NodeID>()
    private var brokenSourceIDs = Set<String>()

    private mutating func report(_ record: FlatRecord, _ column: String?, _ message: String, fix: String? = nil) {
        var issue = record.place(column)
        issue.message = message
        issue.fix = fix
        issues.append(issue)
    }

    private mutating func required(_ record: FlatRecord, _ column: String, fix: String) -> String? {
        if let value = record.fields[column] { return value }
        report(record, column, "\"\(column)\" is missing", fix: fix)
        return nil
    }

    private mutating func date(_ record: FlatRecord, _ column: String, broken: inout Bool) -> PartialDate? {
        guard let text = record.fields[column] else { return nil }
        do { return try PartialDate(parsing: text) } catch {
            report(record, column, "invalid date: \(error)", fix: "write YYYY, YYYY-MM or YYYY-MM-DD")
            broken = true
            return nil
        }
    }

    private mutating func enumValue<Value: RawRepresentable & CaseIterable>(
        _ record: FlatRecord, _ column: String, as: Value.Type, broken: inout Bool
    ) -> Value? where Value.RawValue == String {
        guard let text = record.fields[column] else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let hint = nearest(to: text, among: allowed)
        report(record, column, "unknown \(column.replacingUnderscores) '\(text)'",
               fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + allowed.joined(separator: ", "))
        broken = true
        return nil
    }

    /// Parses a JSON cell (lists, evidence) with the dataset loader's strict reader.
    private func json(_ text: String) -> LocatedJSON? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { try? LocatedJSON.parse($0) }
    }

    private mutating func aliases(_ record: FlatRecord, broken: inout Bool) -> [String] {
        guard let text = record.fields["aliases"] else { return [] }
        if let value = json(text), case .array(let items) = value.shape {
            var result: [String] = []
            for item in items {
                guard case .string(let alias) = item.shape else { result = []; break }
                result.append(alias.nfc)
            }
            if result.count == items.count { return result }
        }
        report(record, "aliases", "\"aliases\" must be a JSON list of strings", fix: "write [\"CPP\",\"Cambodian People's Party\"]")
        broken = true
        return []
    }

    /// The `status_claims` column as ``DatasetWriter/claims(_:)`` writes it: a JSON list of
    /// `{"source", "date", "status", "quote", "stance"?}`; empty when the column is absent.
    private mutating func statusClaims(_ record: FlatRecord, broken: inout Bool) -> [StatusClaim] {
        guard let text = record.fields["status_claims"] else { return [] }
        let fix = "write [{\"source\":\"source-id\",\"date\":\"2026-02-03\",\"status\":\"announced\",\"quote\":\"the sentence\"}]"
        guard let value = json(text), case .array(let items) = value.shape, !items.isEmpty else {
            report(record, "status_claims", "\"status_claims\" must be a non-empty JSON list of status claims", fix: fix)
            broken = true
            return []
        }
        var claims: [StatusClaim] = []
        for (index, item) in items.enumerated() {
            guard case .string(let source)? = item["source"]?.shape, case .string(let quote)? = item["quote"]?.shape,
                  case .string(let dateText)? = item["date"]?.shape, let date = try? PartialDate(parsing: dateText),
                  case .string(let statusText)? = item["status"]?.shape, let status = MeetingStatus(rawValue: statusText) else {
                report(record, "status_claims", "status claim \(index + 1) needs \"source\", a \"date\", a known \"status\" and \"quote\"", fix: fix)
                broken = true
                continue
            }
            var stance = Evidence.Stance.supports
            if let stanceValue = item["stance"] {
                guard case .string(let text) = stanceValue.shape, let parsed = Evidence.Stance(rawValue: text) else {
                    report(record, "status_claims", "status claim \(index + 1) has an unknown stance",
                           fix: "one of " + Evidence.Stance.allCases.map(\.rawValue).joined(separator: ", "))
                    broken = true
                    continue
                }
                stance = parsed
            }
            claims.append(StatusClaim(source: source, date: date, status: status, quote: quote.nfc, stance: stance))
        }
        return claims
    }

    private mutating func evidence(_ record: FlatRecord, broken: inout Bool) -> [Evidence] {
        guard let text = record.fields["evidence"] else {
            if let quote = record.fields["quote"], let source = record.fields["quote_source"] { return [Evidence(source: source, quote: quote.nfc)] }
            return []
        }
        let fix = "write [{\"source\":\"source-id\",\"quote\":\"the sentence\"}]"
        guard let value = json(text), case .array(let items) = value.shape else {
            report(record, "evidence", "\"evidence\" must be a JSON list of {\"source\", \"quote\"} records", fix: fix)
            broken = true
            return []
        }
        var records: [Evidence] = []
        for (index, item) in items.enumerated() {
            guard case .string(let source)? = item["source"]?.shape, case .string(let quote)? = item["quote"]?.shape else {
                report(record, "evidence", "evidence record \(index + 1) needs \"source\" and \"quote\" strings", fix: fix)
                broken = true
                continue
            }
            var stance = Evidence.Stance.supports
            if let stanceValue = item["stance"] {
                guard case .string(let text) = stanceValue.shape, let parsed = Evidence.Stance(rawValue: text) else {
                    report(record, "evidence", "evidence record \(index + 1) has an unknown stance",
                           fix: "one of " + Evidence.Stance.allCases.map(\.rawValue).joined(separator: ", "))
                    broken = true
                    continue
                }
                stance = parsed
            }
            records.append(Evidence(source: source, quote: quote.nfc, stance: stance))
        }
        return records
    }

    private mutating func attestations(_ record: FlatRecord, broken: inout Bool) -> [Attestation] {
        guard let text = record.fields["attested"] else { return [] }
        let fix = "write [{\"date\":\"2024-10-09\",\"source\":\"source-id\",\"quote\":\"the words\"}]"
        guard let value = json(text), case .array(let items) = value.shape else {
            report(record, "attested", "\"attested\" must be a JSON list of {\"date\", \"source\", \"quote\"} records", fix: fix)
            broken = true
            return []
        }
        var records: [Attestation] = []
        for (index, item) in items.enumerated() {
            guard case .string(let dateText)? = item["date"]?.shape, case .string(let source)? = item["source"]?.shape,
                  case .string(let quote)? = item["quote"]?.shape, let date = try? PartialDate(parsing: dateText) else {
                report(record, "attested", "attestation \(index + 1) needs a \"date\" (YYYY, YYYY-MM or YYYY-MM-DD), a \"source\" and a \"quote\"", fix: fix)
                broken = true
                continue
            }
            records.append(Attestation(date: date, evidence: Evidence(source: source, quote: quote.nfc)))
        }
        return records
    }

    mutating func addSource(_ record: FlatRecord) {
        var broken = false
        let id = required(record, "id", fix: "give the source a short id")
        let publisher = required(record, "publisher", fix: "name who published it")
        let title = required(record, "title", fix: "give the report's title")
        let date = date(record, "date", broken: &broken)
        if record.fields["date"] == nil { report(record, "date", "\"date\" is missing", fix: "give its publication date, e.g. 2026-02-03"); broken = true }
        var kind = SourceKind.reported
        if let text = record.fields[CSVWriter.sourceKindColumn], !text.isEmpty {
            if let known = SourceKind(rawValue: text) {
                kind = known
            } else {
                report(record, CSVWriter.sourceKindColumn, "\"\(text.shownInMessage)\" is not a source kind",
                       fix: "use " + SourceKind.allCases.map(\.rawValue).joined(separator: " or ") + ", or leave it empty for reported")
                broken = true
            }
        }
        guard !broken, let id, let publisher, let title, let date else {
            if let id { brokenSourceIDs.insert(id) }
            return
        }
        sources.append(Source(id: id, publisher: publisher.nfc, title: title.nfc, date: date, url: record.fields["url"], textFile: record.fields["text"],
                              kind: kind))
        sourcePlaces.append(record)
    }

    mutating func addNode(_ record: FlatRecord) {
        var broken = false
        let id = required(record, "id", fix: "give an id such as person/hun-sen").map(NodeID.init(rawValue:))
        let kindText = required(record, "kind", fix: "one of " + NodeKind.allCases.map(\.rawValue).joined(separator: ", "))
        let kind = enumValue(record, "kind", as: NodeKind.self, broken: &broken)
        let name = record.fields["name"] ?? ""
        let aliases = aliases(record, broken: &broken)
        let evidence = evidence(record, broken: &broken)
        let (meetingKind, refinedKind) = meetingKind(record, broken: &broken)
        let status = enumValue(record, "status", as: MeetingStatus.self, broken: &broken)
        let start = date(record, "start", broken: &broken), end = date(record, "end", broken: &broken)
        let asOf = date(record, "status_as_of", broken: &broken)
        var meeting: MeetingDetails?
        if kind == .meeting {
            if record.fields["meeting_kind"] == nil { report(record, "meeting_kind", "a meeting needs \"meeting_kind\"", fix: "one of " + MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")); broken = true }
            if record.fields["status"] == nil { report(record, "status", "a meeting needs \"status\"", fix: "one of " + MeetingStatus.allCases.map(\.rawValue).joined(separator: ", ")); broken = true }
            if record.fields["start"] == nil { report(record, "start", "a meeting needs a \"start\" date", fix: "e.g. 2026-02-06"); broken = true }
            let claims = statusClaims(record, broken: &broken)
            if !broken, let meetingKind, let status, let start {
                do {
                    let span = try DateSpan(start: start, end: end ?? start)
                    meeting = claims.isEmpty
                        ? MeetingDetails(kind: meetingKind, date: span, place: record.fields["place"]?.nfc, status: status, statusAsOf: asOf,
                                         refinedKind: refinedKind)
                        : MeetingDetails(kind: meetingKind, date: span, place: record.fields["place"]?.nfc, claims: claims, refinedKind: refinedKind)
                } catch {
                    report(record, "end", "invalid dates: \(error)", fix: "the end must not come before the start")
                    broken = true
                }
            }
        } else if kind != nil {
            for column in ["meeting_kind", "start", "end", "place", "status", "status_as_of", "status_claims"] where record.fields[column] != nil {
                report(record, column, "only meetings have \"\(column)\"", fix: "leave it empty or set kind to meeting")
                broken = true
            }
        }
        guard !broken, let id, kindText != nil, let kind else {
            if let id { brokenNodeIDs.insert(id) }
            return
        }
        let seats = enumValue(record, "seats", as: OfficeSeats.self, broken: &broken)
        if broken { brokenNodeIDs.insert(id); return }
        entities.append(Entity(id: id, kind: kind, name: name.nfc, aliases: aliases, note: record.fields["note"]?.nfc, meeting: meeting,
                               evidence: evidence, seats: seats))
        entityPlaces.append(record)
    }

    mutating func addEdge(_ record: FlatRecord) {
        var broken = false
        let relationText = required(record, "relation", fix: "one of " + Relation.allCases.map(\.rawValue).joined(separator: ", "))
        let relation = enumValue(record, "relation", as: Relation.self, broken: &broken)
        let from = required(record, "from", fix: "give the id of the node it starts at").map(NodeID.init(rawValue:))
        let to = required(record, "to", fix: "give the id of the node it ends at").map(NodeID.init(rawValue:))
        let start = date(record, "start", broken: &broken), end = date(record, "end", broken: &broken)
        let (role, refinedRole) = role(record, broken: &broken)
        let evidence = evidence(record, broken: &broken)
        let attestations = attestations(record, broken: &broken)
        var valid = DateSpan.unbounded
        do { valid = try DateSpan(start: start, end: end) } catch {
            report(record, "end", "invalid dates: \(error)", fix: "the end must not come before the start")
            broken = true
        }
        guard !broken, relationText != nil, let relation, let from, let to else { return }
        relationships.append(Relationship(
            relation, from: from, to: to, valid: valid, role: role, capacity: record.fields["capacity"].map(NodeID.init(rawValue:)),
            ledBy: record.fields["led_by"].map(NodeID.init(rawValue:)), evidence: evidence, attestations: attestations,
            refinedRole: refinedRole))
        relationPlaces.append(record)
    }

    /// Validates what was read and returns the dataset, or throws every problem found.
    mutating func finish(file: String?, sourceDirectory: URL?) throws(PartyGraphError) -> Dataset {
        var sourceTexts: [String: String] = [:]
        for (index, source) in sources.enumerated() {
            guard let textFile = source.textFile, let sourceDirectory else { continue }
            let url = sourceDirectory.appendingPathComponent(textFile)
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                sourceTexts[source.id] = text
            } else {
                report(sourcePlaces[index], "text", "cannot read the source text '\(textFile)' relative to \(sourceDirectory.path)",
                       fix: "write the dataset where its source texts are, copy them there, or empty the source's text field")
            }
        }
        let result = DatasetValidator.validateLoaded(
            sources: sources, entities: entities, relationships: relationships, sourceTexts: sourceTexts,
            partiallyKnown: brokenNodeIDs, partiallyKnownSources: brokenSourceIDs, reportedElsewhere: !issues.isEmpty,
            vocabulary: vocabulary)
        for finding in result.findings {
            guard finding.path.count >= 2, case .key(let section) = finding.path[0], case .index(let index) = finding.path[1] else {
                issues.append(finding.issue(file: file, line: nil, column: nil))
                continue
            }
            let places = section == "nodes" ? entityPlaces : section == "relations" ? relationPlaces : sourcePlaces
            var column: String?
            if finding.path.count >= 3, case .key(let key) = finding.path[2] { column = key }
            let detail = finding.path.count > 3 ? Array(finding.path.dropFirst(3)).jsonPath.dropFirst() : ""
            report(places[index], column, finding.message + (detail.isEmpty ? "" : " (at \(column ?? "")\(detail))"), fix: finding.fix)
        }
        if !issues.isEmpty { throw .invalidData(file: file, issues: issues) }
        return Dataset(validatedTitle: title, description: description, sources: sources, entities: entities,
                       relationships: relationships, vocabulary: vocabulary, validation: result,
                       warnings: notices + DatasetWarnings.findings(entities: entities, relationships: relationships).map {
                           $0.issue(file: file, line: nil, column: nil)
                       })
    }
}

// MARK: Declared vocabulary (format version 2)

extension DatasetBuilder {
    /// Reads the vocabulary from a JSON cell (dataset.csv) as the dataset file writes it.
    mutating func readVocabulary(_ text: String, at place: DatasetIssue) {
        guard let value = json(text) else {
            var issue = place
            issue.message = "\"vocabulary\" must be a JSON object {\"meeting_kinds\": […], \"roles\": […]}"
            issues.append(issue)
            return
        }
        readVocabulary(value, at: place)
    }

    /// Reads the vocabulary from a JSON value (node-link `graph.vocabulary`) as the dataset file writes it.
    mutating func readVocabulary(_ value: LocatedJSON, at place: DatasetIssue) {
        func refuse(_ message: String) {
            var issue = place
            issue.message = message
            issue.fix = "write {\"meeting_kinds\": [{\"id\": …, \"refines\": …, \"label\": …}], \"roles\": […]}"
            issues.append(issue)
        }
        guard case .object(let members) = value.shape else { return refuse("\"vocabulary\" must be an object") }
        for member in members {
            guard member.key == "meeting_kinds" || member.key == "roles" else { return refuse("unknown vocabulary list \"\(member.key)\"") }
            guard case .array(let items) = member.value.shape else { return refuse("\"\(member.key)\" must be a list") }
            var terms: [DeclaredTerm] = []
            for item in items {
                guard case .string(let id)? = item["id"]?.shape, case .string(let label)? = item["label"]?.shape,
                      case .string(let refines)? = item["refines"]?.shape else {
                    return refuse("each declaration of \"\(member.key)\" needs \"id\", \"refines\" and \"label\" strings")
                }
                terms.append(DeclaredTerm(id: id, label: label.nfc, refines: refines))
            }
            if member.key == "roles" { vocabulary.roles = terms } else { vocabulary.meetingKinds = terms }
        }
    }

    /// A meeting kind: a core one, or a declared one with the core it ends in.
    fileprivate mutating func meetingKind(_ record: FlatRecord, broken: inout Bool) -> (MeetingKind?, String?) {
        guard let text = record.fields["meeting_kind"] else { return (nil, nil) }
        if let core = MeetingKind(rawValue: text) { return (core, nil) }
        let resolved = ResolvedTerms<MeetingKind>(vocabulary.meetingKinds, what: "meeting kind")
        if let position = resolved.positions[text], let core = resolved.cores[position] { return (core, text) }
        unknownTerm(record, "meeting_kind", text, allowed: MeetingKind.allCases.map(\.rawValue) + vocabulary.meetingKinds.map(\.id))
        broken = true
        return (nil, nil)
    }

    /// A participant role: a core one, or a declared one with the core it ends in.
    fileprivate mutating func role(_ record: FlatRecord, broken: inout Bool) -> (ParticipantRole?, DeclaredRole?) {
        guard let text = record.fields["role"] else { return (nil, nil) }
        if let core = ParticipantRole(rawValue: text) { return (core, nil) }
        let resolved = ResolvedTerms<ParticipantRole>(vocabulary.roles, what: "role")
        if let position = resolved.positions[text], position < DeclaredVocabulary.maximumRoles, let core = resolved.cores[position] {
            return (core, DeclaredRole(position: UInt16(position)))
        }
        unknownTerm(record, "role", text, allowed: ParticipantRole.allCases.map(\.rawValue) + vocabulary.roles.map(\.id))
        broken = true
        return (nil, nil)
    }

    private mutating func unknownTerm(_ record: FlatRecord, _ column: String, _ text: String, allowed: [String]) {
        let hint = nearest(to: text, among: allowed)
        report(record, column, "unknown \(column.replacingUnderscores) '\(text)'",
               fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + allowed.joined(separator: ", "))
    }
}
