import Foundation

/// Machine-coded event data (ICEWS, POLECAT) read as meetings: who met whom, on which day, where, as a coder read
/// the news (see docs/import.md, "Event data").
///
/// Rows whose code is a meeting (``MeetingCode``) become meetings; every other row is counted by its code in
/// ``EventImport/skipped``. The rows of one day, place and story are one meeting with every actor they name
/// (n-ary); host and guest follow the code. The rows are then built like the rows of a participation sheet (the
/// same name resolution against the dataset added to, the same id minting), so every created fact cites its source,
/// one per story, marked ``SourceKind/machineCoded``, with a quote naming the event id.
public enum EventData {
    /// A published event-data layout.
    public enum Layout: String, CaseIterable, Sendable {
        /// ICEWS (Integrated Crisis Early Warning System), tab-separated, CAMEO codes.
        case icews
        /// POLECAT (PLOVER ontology), tab-separated, PLOVER event types and modes.
        case polecat

        /// The name the data set is published under.
        public var title: String { self == .icews ? "ICEWS" : "POLECAT" }
    }

    /// One column a layout reads.
    public struct Column: Sendable, Hashable {
        /// The header name as the data set publishes it.
        public let name: String
        /// Whether the header must have it.
        public let required: Bool
        /// What the importer takes from it.
        public let meaning: String
    }

    /// The columns a layout reads; other columns of the file are ignored.
    public static func columns(of layout: Layout) -> [Column] {
        switch layout {
        case .icews: return [
            Column(name: "Event ID", required: true, meaning: "cited in the quote of every fact the row makes"),
            Column(name: "Event Date", required: true, meaning: "the meeting's day, YYYY-MM-DD"),
            Column(name: "Source Name", required: true, meaning: "the actor (the host for 043, the visitor for 042)"),
            Column(name: "Source Sectors", required: false, meaning: "the actor's sectors: a new actor's kind is inferred from them"),
            Column(name: "Event Text", required: true, meaning: "the code's text, quoted"),
            Column(name: "CAMEO Code", required: true, meaning: "040, 042, 043, 044, 046: a meeting; any other code: counted, skipped"),
            Column(name: "Target Name", required: true, meaning: "the other side"),
            Column(name: "Target Sectors", required: false, meaning: "the target's sectors"),
            Column(name: "Story ID", required: true, meaning: "the news story: one source per story; rows of one day, place and story are one meeting"),
            Column(name: "Sentence Number", required: false, meaning: "cited in the quote"),
            Column(name: "Publisher", required: true, meaning: "the source's publisher"),
            Column(name: "City", required: true, meaning: "the meeting's place (a place node)"),
            Column(name: "Country", required: true, meaning: "the country the place lies in"),
        ]
        case .polecat: return [
            Column(name: "Event ID", required: true, meaning: "cited in the quote of every fact the row makes"),
            Column(name: "Event Date", required: true, meaning: "the meeting's day, YYYY-MM-DD"),
            Column(name: "Event Type", required: true, meaning: "CONSULT: a meeting; any other PLOVER type: counted, skipped"),
            Column(name: "Event Mode", required: true, meaning: "of a CONSULT: host, visit, third-party, multilateral or empty (phone: counted, skipped)"),
            Column(name: "Actor Name", required: true, meaning: "the actor (the host for host, the visitor for visit)"),
            Column(name: "Actor Sectors", required: false, meaning: "the actor's sectors: a new actor's kind is inferred from them"),
            Column(name: "Recipient Name", required: true, meaning: "the other side"),
            Column(name: "Recipient Sectors", required: false, meaning: "the recipient's sectors"),
            Column(name: "Story ID", required: false, meaning: "the news story (when absent: the publisher and publication date)"),
            Column(name: "City", required: true, meaning: "the meeting's place (a place node)"),
            Column(name: "Country", required: true, meaning: "the country the place lies in"),
            Column(name: "Source", required: true, meaning: "the source's publisher"),
            Column(name: "Publication Date", required: true, meaning: "the source's date"),
        ]
        }
    }

    /// Reads an event-data file and builds the meetings it states, on top of `into` when given.
    ///
    /// - Parameters:
    ///   - path: the tab-separated file, UTF-8, with the layout's header row.
    ///   - layout: ICEWS or POLECAT.
    ///   - into: a dataset to add to: actors are matched against its nodes (``NameResolver``), and the result is it
    ///     plus the new facts.
    ///   - intoPath: the file `into` was read from, for its source texts.
    ///   - outputFolder: the folder the result will be written to (``ParticipationSheet/read(path:delimiter:into:intoPath:outputFolder:)``).
    /// - Returns: the dataset, what was created and matched, and the skipped rows counted by code.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)``, or ``PartyGraphError/invalidData(file:issues:)``
    ///   listing every broken row, placed as `row N, column "Event Date"` with its line.
    public static func read(
        path: String, layout: Layout, into: Dataset? = nil, intoPath: String? = nil, outputFolder: URL? = nil
    ) throws(PartyGraphError) -> EventImport {
        try read(data: try Importer.read(path), file: path, layout: layout, into: into, intoPath: intoPath, outputFolder: outputFolder)
    }

    /// ``read(path:layout:into:intoPath:outputFolder:)`` of bytes already in memory; `file` names them in messages.
    public static func read(
        data: Data, file: String, layout: Layout, into: Dataset? = nil, intoPath: String? = nil, outputFolder: URL? = nil
    ) throws(PartyGraphError) -> EventImport {
        var issues: [DatasetIssue] = []
        let table = TabTable.read(data: data, file: file, issues: &issues)
        guard issues.isEmpty, let table else { throw .invalidData(file: file, issues: issues) }
        var reader = EventRowReader(file: file, layout: layout, header: table.header)
        if !reader.issues.isEmpty { throw .invalidData(file: file, issues: reader.issues) }
        var events: [EventRow] = []
        for record in table.records {
            if let event = reader.read(record) { events.append(event) }
        }
        if !reader.issues.isEmpty { throw .invalidData(file: file, issues: reader.issues) }
        let skipped = reader.skipped.map { EventImport.Skip(code: $0.key.code, reason: $0.key.reason, rows: $0.value) }
            .sorted { ($0.code, $0.reason) < ($1.code, $1.reason) }
        if events.isEmpty {
            let counted = skipped.map(\.rows).reduce(0, +)
            throw .invalidData(file: file, issues: [DatasetIssue(
                file: file, line: 1, path: "row 1",
                message: table.records.isEmpty ? "the file has a header but no rows" : "none of the \(counted) rows is a meeting (\(skipped.map { "\($0.code): \($0.rows)" }.joined(separator: ", ")))",
                fix: layout == .icews ? "meetings are CAMEO 040, 042, 043, 044 and 046" : "meetings are Event Type CONSULT")])
        }
        let rows = sheetRows(events)
        var builder = SheetBuilder(file: file, base: into, basePath: intoPath, outputFolder: outputFolder,
                                   title: layout.title + " events " + URL(fileURLWithPath: file).lastPathComponent)
        builder.newSourceKind = .machineCoded
        let built = try builder.build(rows: rows)
        return EventImport(dataset: built.dataset, items: built.items, meetingRows: events.count, skipped: skipped)
    }

    /// The participation-sheet rows the events state: per meeting (day, place, story), one row per actor per event,
    /// with the meeting's name, kind and each actor's role decided over all its events.
    static func sheetRows(_ events: [EventRow]) -> [SheetBuilder.Row] {
        var groups: [[Int]] = []
        var groupByKey: [String: Int] = [:]
        for (index, event) in events.enumerated() {
            let key = [event.date.description, event.place?.matchingKey ?? "", event.country?.matchingKey ?? "", event.sourceID].joined(separator: "\u{1F}")
            if let group = groupByKey[key] { groups[group].append(index) } else {
                groupByKey[key] = groups.count
                groups.append([index])
            }
        }
        // A source is dated by its earliest row (ICEWS dates a story by its events).
        var sourceDates: [String: PartialDate] = [:]
        for event in events where sourceDates[event.sourceID].map({ event.sourceDate.description < $0.description }) ?? true {
            sourceDates[event.sourceID] = event.sourceDate
        }
        // The file's column of each sheet column, for the source and the target side: made once, shared by every row.
        let sideLabels = (0..<2).map { side in
            var labels = events.first?.labels ?? [:]
            labels["participant"] = labels[side == 0 ? "source_participant" : "target_participant"]
            return labels
        }
        var rows: [SheetBuilder.Row] = []
        rows.reserveCapacity(events.count * 2)
        for group in groups {
            // The actors in order of first mention, and what the codes say of each.
            var order: [String] = [], names: [String: String] = [:]
            var hosts = Set<String>(), guests = Set<String>()
            var negotiation = true
            for index in group {
                let event = events[index]
                negotiation = negotiation && event.negotiation
                for (side, actor) in [(0, event.source), (1, event.target)] {
                    let key = actor.name.matchingKey
                    if names[key] == nil { names[key] = actor.name; order.append(key) }
                    switch event.code {
                    case .sourceHosts: if side == 0 { hosts.insert(key) } else { guests.insert(key) }
                    case .targetHosts: if side == 1 { hosts.insert(key) } else { guests.insert(key) }
                    case .participants: break
                    }
                }
            }
            let kind: MeetingKind = negotiation ? .talks : .meeting
            let shown = order.prefix(order.count > 5 ? 4 : 5).map { names[$0]! }
            var list = shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown.last!
            if order.count > 5 { list = shown.joined(separator: ", ") + " and \(order.count - 4) others" }
            let first = events[group[0]]
            let name = (kind == .talks ? "Talks of " : "Meeting of ") + list + (first.place.map { " in " + $0 } ?? "")
            for index in group {
                let event = events[index]
                for (side, actor) in [(0, event.source), (1, event.target)] {
                    let key = actor.name.matchingKey
                    let role: ParticipantRole = hosts.contains(key) && !guests.contains(key) ? .host
                        : guests.contains(key) && !hosts.contains(key) ? .guest : .attendee
                    var cells: [String: String] = [
                        "meeting_start": event.date.description, "meeting": name, "meeting_kind": kind.rawValue, "status": "held",
                        "participant": actor.name, "role": role.rawValue, "source": event.sourceID, "publisher": event.publisher,
                        "source_title": event.sourceTitle, "source_date": sourceDates[event.sourceID]!.description, "quote": event.quote,
                    ]
                    if let place = event.place { cells["place"] = place }
                    if let country = event.country { cells["country"] = country }
                    rows.append(SheetBuilder.Row(number: event.row, line: event.line, cells: cells, labels: sideLabels[side], inferredKind: actor.kind))
                }
            }
        }
        return rows
    }
}

/// What an event-data import made: the dataset, what was created and matched, and what was skipped.
public struct EventImport: Sendable {
    /// Rows of one code that are not meetings, counted.
    public struct Skip: Sendable, Hashable {
        /// The code as normalised (CAMEO `190`, PLOVER `ACCUSE`, `CONSULT phone`).
        public var code: String
        /// Why such rows make no meeting.
        public var reason: String
        /// How many rows had it.
        public var rows: Int
    }

    /// The dataset added to plus the meetings, validated.
    public var dataset: Dataset
    /// What was created, matched and extended (as a sheet import lists them).
    public var items: [SheetImport.Item]
    /// How many rows were meetings.
    public var meetingRows: Int
    /// The rows that were not, by code.
    public var skipped: [Skip]
}

/// One meeting row, read and checked.
struct EventRow {
    struct Actor {
        var name: String
        var kind: NodeKind
    }
    var row: Int
    var line: Int
    var date: PartialDate
    var source: Actor
    var target: Actor
    var code: MeetingCode
    var negotiation: Bool
    var place: String?
    var country: String?
    var sourceID: String
    var publisher: String
    var sourceTitle: String
    var sourceDate: PartialDate
    var quote: String
    /// The file's column of each sheet column (`source_participant`, `target_participant` for the two actors).
    var labels: [String: String]
}

/// Reads the rows of one layout, collecting one located issue per problem and counting the skipped rows.
struct EventRowReader {
    let file: String
    let layout: EventData.Layout
    var position: [String: Int] = [:]
    var issues: [DatasetIssue] = []
    var skipped: [SkipKey: Int] = [:]
    let labels: [String: String]

    struct SkipKey: Hashable {
        var code: String
        var reason: String
    }

    init(file: String, layout: EventData.Layout, header: [String]) {
        self.file = file
        self.layout = layout
        for (index, name) in header.enumerated() where position[name] == nil { position[name] = index }
        for column in EventData.columns(of: layout) where column.required && position[column.name] == nil {
            let known = nearest(to: column.name, among: header.filter { !$0.isEmpty })
            issues.append(DatasetIssue(file: file, line: 1, path: "row 1", message: "the required \(layout.title) column \"\(column.name)\" is missing",
                                       fix: (known.isEmpty ? "" : "is \"\(known[0].shownInMessage)\" it, renamed? ") + "add it to the header (\(column.meaning))"))
        }
        switch layout {
        case .icews:
            labels = ["meeting_start": "Event Date", "meeting": "CAMEO Code", "meeting_kind": "CAMEO Code", "status": "CAMEO Code", "role": "CAMEO Code",
                      "source_participant": "Source Name", "target_participant": "Target Name", "place": "City", "country": "Country",
                      "source": "Story ID", "source_title": "Story ID", "publisher": "Publisher", "source_date": "Event Date", "quote": "Event Text"]
        case .polecat:
            labels = ["meeting_start": "Event Date", "meeting": "Event Type", "meeting_kind": "Event Type", "status": "Event Type", "role": "Event Mode",
                      "source_participant": "Actor Name", "target_participant": "Recipient Name", "place": "City", "country": "Country",
                      "source": position["Story ID"] != nil ? "Story ID" : "Source", "source_title": "Source", "publisher": "Source",
                      "source_date": "Publication Date", "quote": "Event Type"]
        }
    }

    mutating func report(_ record: CSVTable.Record, _ column: String, _ message: String, fix: String) {
        issues.append(DatasetIssue(file: file, line: record.line, path: "row \(record.row), column \"\(column)\"", message: message, fix: fix))
    }

    func cell(_ record: CSVTable.Record, _ column: String) -> String? {
        guard let index = position[column], index < record.fields.count else { return nil }
        let raw = record.fields[index]
        guard let first = raw.utf8.first, let last = raw.utf8.last else { return nil }
        let text = first == 0x20 || last == 0x20 || first == 0x09 || first >= 0x80 || last >= 0x80 ? raw.trimmingCharacters(in: .whitespaces) : raw
        return text.isEmpty ? nil : text
    }

    /// A date cell: `YYYY-MM-DD`, optionally followed by a time (`2023-01-05 10:00:00`, `2023-01-05T10:00:00Z`).
    mutating func day(_ record: CSVTable.Record, _ column: String) -> PartialDate? {
        guard let text = cell(record, column) else {
            report(record, column, "the \(column) is empty", fix: "give the day as YYYY-MM-DD")
            return nil
        }
        var day = Substring(text)
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { day = text[..<cut] }
        if day.utf8.count == 10, let date = try? PartialDate(parsing: String(day)), date.description.utf8.count == 10 { return date }
        report(record, column, "'\(text.shownInMessage)' is not a day", fix: "write the day as YYYY-MM-DD, e.g. 2026-02-06")
        return nil
    }

    mutating func actor(_ record: CSVTable.Record, name column: String, sectors: String) -> EventRow.Actor? {
        guard let name = cell(record, column) else {
            report(record, column, "the \(column) is empty: the row names no one", fix: "give the actor's name, or remove the row")
            return nil
        }
        if name.utf8.count > 1_000 {
            report(record, column, "the name is \(name.utf8.count) bytes long; at most 1000 are allowed", fix: "shorten it")
            return nil
        }
        return EventRow.Actor(name: name, kind: Self.inferredKind(name: name, sectors: cell(record, sectors)))
    }

    /// The kind a new actor gets, inferred (documented as such): a party when its name or sectors say party, a state
    /// body (organ) for a government or another collective actor (ICEWS writes those `Government (Cambodia)`), else a person.
    static func inferredKind(name: String, sectors: String?) -> NodeKind {
        let words = Set(name.matchingKey.split(separator: " ").map(String.init))
        let sectorWords = (sectors ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if words.contains("party") || (!sectorWords.isEmpty && sectorWords.allSatisfy { $0.hasSuffix("parties") || $0 == "party" }) { return .party }
        let bodies: Set<String> = ["government", "ministry", "parliament", "cabinet", "assembly", "senate", "council", "congress", "committee"]
        if !words.isDisjoint(with: bodies) || (name.hasSuffix(")") && name.contains(" (")) { return .organ }
        return .person
    }

    mutating func skip(_ code: String, _ reason: String) { skipped[SkipKey(code: code, reason: reason), default: 0] += 1 }

    /// The row as a meeting, `nil` when it is skipped (counted) or broken (reported).
    mutating func read(_ record: CSVTable.Record) -> EventRow? {
        let before = issues.count
        let meaning: MeetingCode, negotiation: Bool, codeText: String
        switch layout {
        case .icews:
            guard let text = cell(record, "CAMEO Code") else {
                report(record, "CAMEO Code", "the CAMEO Code is empty", fix: "give the event's CAMEO code, e.g. 043")
                return nil
            }
            guard let code = MeetingCode.normalisedCAMEO(text) else {
                report(record, "CAMEO Code", "'\(text.shownInMessage)' is not a CAMEO code", fix: "write the code's digits, e.g. 043 (host a visit)")
                return nil
            }
            guard let found = MeetingCode.cameo(code) else { skip(code, "not a meeting code"); return nil }
            meaning = found
            negotiation = code == "046"
            codeText = code
        case .polecat:
            guard let text = cell(record, "Event Type") else {
                report(record, "Event Type", "the Event Type is empty", fix: "give the PLOVER event type, e.g. CONSULT")
                return nil
            }
            let type = text.uppercased()
            guard MeetingCode.ploverTypes.contains(type) else {
                let hint = nearest(to: type, among: MeetingCode.ploverTypes)
                report(record, "Event Type", "unknown PLOVER event type '\(text.shownInMessage)'",
                       fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + MeetingCode.ploverTypes.joined(separator: ", "))
                return nil
            }
            guard type == "CONSULT" else { skip(type, "not a meeting type"); return nil }
            let mode = (cell(record, "Event Mode") ?? "").lowercased()
            guard let entry = MeetingCode.consultModes.first(where: { $0.mode == mode }) else {
                let modes = MeetingCode.consultModes.map(\.mode).filter { !$0.isEmpty }
                let hint = nearest(to: mode, among: modes)
                report(record, "Event Mode", "unknown CONSULT mode '\(mode.shownInMessage)'",
                       fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + modes.joined(separator: ", ") + ", or empty")
                return nil
            }
            guard let found = entry.meaning else { skip("CONSULT " + mode, "a call, not a meeting"); return nil }
            meaning = found
            negotiation = false
            codeText = "CONSULT" + (mode.isEmpty ? "" : " " + mode)
        }
        guard let eventID = cell(record, "Event ID") else {
            report(record, "Event ID", "the Event ID is empty", fix: "give the row its event id: every fact made from it cites it")
            return nil
        }
        let date = day(record, "Event Date")
        let sourceActor = actor(record, name: layout == .icews ? "Source Name" : "Actor Name", sectors: layout == .icews ? "Source Sectors" : "Actor Sectors")
        let targetActor = actor(record, name: layout == .icews ? "Target Name" : "Recipient Name", sectors: layout == .icews ? "Target Sectors" : "Recipient Sectors")
        let publisherColumn = layout == .icews ? "Publisher" : "Source"
        let publisher = cell(record, publisherColumn)
        if publisher == nil { report(record, publisherColumn, "the \(publisherColumn) is empty", fix: "give who published the story") }
        let story = cell(record, "Story ID")
        if layout == .icews, story == nil { report(record, "Story ID", "the Story ID is empty", fix: "give the story's id: the row's source is its story") }
        let publication = layout == .polecat ? day(record, "Publication Date") : nil
        guard issues.count == before, let date, let sourceActor, let targetActor, let publisher else { return nil }
        if sourceActor.name.matchingKey == targetActor.name.matchingKey {
            skip(codeText, "the actor meets itself")
            return nil
        }
        let sourceID: String, title: String, sourceDate: PartialDate, quote: String
        switch layout {
        case .icews:
            let storyID = story!
            sourceID = "icews-story-" + NodeID.slug(of: storyID)
            title = "ICEWS events coded from story \(storyID)"
            sourceDate = date
            let sentence = cell(record, "Sentence Number").map { ", sentence \($0)" } ?? ""
            quote = "ICEWS event \(eventID)\(sentence): \(cell(record, "Event Text") ?? "CAMEO " + codeText)"
        case .polecat:
            guard let publication else { return nil }
            sourceID = "polecat-" + NodeID.slug(of: cell(record, "Story ID") ?? publisher + "-" + publication.description)
            title = cell(record, "Story ID").map { "POLECAT events coded from story \($0)" } ?? "POLECAT events coded from \(publisher), \(publication)"
            sourceDate = publication
            quote = "POLECAT event \(eventID): \(codeText)"
        }
        return EventRow(row: record.row, line: record.line, date: date, source: sourceActor, target: targetActor, code: meaning,
                        negotiation: negotiation, place: cell(record, "City"), country: cell(record, "Country"), sourceID: sourceID,
                        publisher: publisher, sourceTitle: title, sourceDate: sourceDate, quote: quote, labels: labels)
    }
}

/// A tab-separated file as event data publishes it: one record per line, fields split at tabs, no quoting (a `"`
/// is text). Row numbers count the header as row 1.
enum TabTable {
    static func read(data: Data, file: String, issues: inout [DatasetIssue]) -> CSVTable? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            issues.append(DatasetIssue(file: file, line: 1, path: "row 1", message: "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                                       fix: "save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8"))
            return nil
        }
        var header: [String]?
        var records: [CSVTable.Record] = []
        var line = 0, row = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                line += 1
                var stop = end
                if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
                defer { start = end + 1 }
                if stop == start { continue }
                row += 1
                var fields: [String] = []
                var fieldStart = start
                var valid = true
                for index in start...stop where index == stop || bytes[index] == 0x09 {
                    let slice = UnsafeBufferPointer(rebasing: bytes[fieldStart..<index])
                    if let text = String(validating: slice, as: UTF8.self) { fields.append(text) } else { valid = false; fields.append("") }
                    fieldStart = index + 1
                }
                if !valid {
                    issues.append(DatasetIssue(file: file, line: line, path: "row \(row)", message: "the row is not valid UTF-8", fix: "save the file as UTF-8"))
                }
                if let header {
                    if fields.count > header.count, fields[header.count...].allSatisfy({ $0.isEmpty }) { fields.removeLast(fields.count - header.count) }
                    if fields.count != header.count {
                        issues.append(DatasetIssue(file: file, line: line, path: "row \(row)",
                                                   message: "the row has \(fields.count) fields; the header has \(header.count)",
                                                   fix: "write one tab-separated field per header column (a tab inside a name splits it)"))
                        continue
                    }
                    records.append(CSVTable.Record(row: row, line: line, fields: fields))
                } else {
                    header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                }
            }
        }
        guard let header else {
            issues.append(DatasetIssue(file: file, line: 1, path: "row 1", message: "the file is empty", fix: "give the data set's header row first"))
            return nil
        }
        return CSVTable(file: file, header: header, records: records)
    }
}
