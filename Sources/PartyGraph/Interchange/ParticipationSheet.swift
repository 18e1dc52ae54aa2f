import Foundation

/// A participation sheet: a spreadsheet with one row per participant per meeting, the way a researcher writes down
/// who took part in what (see datasets/README.md, "Participation sheets").
///
/// ``columns`` lists the header names; ``read(path:delimiter:into:intoPath:outputFolder:)`` turns a sheet into a dataset, matching
/// names against an existing one with ``NameResolver`` and giving new nodes readable ids (``NodeID/minted(kind:name:prefix:isTaken:)``).
/// Every fact it creates cites the row's source and quote; nothing a row does not state is added.
public enum ParticipationSheet {
    /// One documented column of a sheet.
    public struct Column: Sendable, Hashable {
        /// The header name, snake_case.
        public let name: String
        /// Whether the header must have it (``sourceColumns``: one of them).
        public let required: Bool
        /// What a cell of it holds.
        public let meaning: String
    }

    /// The columns, in the order ``template()`` writes them.
    public static let columns: [Column] = [
        Column(name: "meeting_start", required: true, meaning: "first day of the meeting (YYYY, YYYY-MM or YYYY-MM-DD)"),
        Column(name: "meeting_end", required: false, meaning: "last day, inclusive (default: meeting_start)"),
        Column(name: "meeting", required: true, meaning: "the meeting's name; rows with the same meeting_start and meeting are one meeting"),
        Column(name: "meeting_kind", required: false, meaning: "bilateral-summit, trilateral-summit, …, talks, meeting (default: meeting)"),
        Column(name: "status", required: true, meaning: "announced, held, postponed or cancelled, as the row's source reports it"),
        Column(name: "place", required: false, meaning: "where the meeting takes place (a city, a venue): a place node the meeting is held at"),
        Column(name: "country", required: false, meaning: "the country it takes place in: a new place lies in it; also added to the meeting's place text"),
        Column(name: "participant", required: true, meaning: "the name of the participant"),
        Column(name: "participant_kind", required: false, meaning: "person, organ, party, office or country (default: person, or the kind of the matched node)"),
        Column(name: "role", required: false, meaning: "host, guest, co-chair, delegation-head, member or attendee (default: attendee)"),
        Column(name: "capacity", required: false, meaning: "the office, organ, party or country the participant represented (created as an office when unknown)"),
        Column(name: "party", required: false, meaning: "a party (or organ) the source names the person a member of: a member-of relation"),
        Column(name: "source", required: false, meaning: "the source's id (this or source_url)"),
        Column(name: "source_url", required: false, meaning: "where the source was published (this or source)"),
        Column(name: "publisher", required: false, meaning: "who published the source (required for a new source)"),
        Column(name: "source_title", required: false, meaning: "the source's title (required for a new source)"),
        Column(name: "source_date", required: false, meaning: "the source's publication date (required for a new source)"),
        Column(name: "quote", required: true, meaning: "the source's words that state the row, verbatim"),
    ]

    /// The columns of which a header needs at least one: a row names its source by id or by URL.
    public static let sourceColumns = ["source", "source_url"]

    /// The header row and two example rows, as CSV (CRLF line ends): a sheet to fill in.
    public static func template() -> String {
        let rows: [[String: String]] = [
            ["meeting_start": "2026-02-06", "meeting_end": "2026-02-07", "meeting": "CPP–CPV bilateral summit",
             "meeting_kind": "bilateral-summit", "status": "announced", "place": "Phnom Penh", "country": "Cambodia",
             "participant": "Tô Lâm", "participant_kind": "person", "role": "guest", "capacity": "General Secretary of the CPV",
             "party": "Communist Party of Vietnam", "source": "ppp-2026-02-03", "source_url": "https://www.phnompenhpost.com/",
             "publisher": "The Phnom Penh Post", "source_title": "CPP to host bilateral and trilateral summits with the CPV and the LPRP",
             "source_date": "2026-02-03", "quote": "a CPV delegation led by Tô Lâm, general secretary"],
            ["meeting_start": "2026-02-06", "meeting_end": "2026-02-07", "meeting": "CPP–CPV bilateral summit",
             "meeting_kind": "bilateral-summit", "status": "announced", "place": "Phnom Penh", "country": "Cambodia",
             "participant": "Hun Sen", "participant_kind": "person", "role": "host", "capacity": "President of the CPP",
             "party": "Cambodian People's Party", "source": "ppp-2026-02-03",
             "quote": "CPP President Hun Sen will host the summit"],
        ]
        let names = columns.map(\.name)
        return CSVText.table(header: names, rows: rows.map { row in names.map { row[$0] ?? "" } })
    }

    /// The field delimiter a file's name implies: a tab for `.tsv` (and `.tab`), else a comma.
    public static func delimiter(forPath path: String) -> Character {
        let lower = path.lowercased()
        return lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? "\t" : ","
    }

    /// Reads a sheet file and builds the dataset it states, on top of `into` when given.
    ///
    /// - Parameters:
    ///   - path: the sheet, UTF-8 CSV (RFC 4180) or TSV.
    ///   - delimiter: the field delimiter; `nil` takes ``delimiter(forPath:)``. Only `,`, `;`, tab and `|` are accepted.
    ///   - into: a dataset to add to: names are matched against its nodes, and the result is it plus the new facts.
    ///   - intoPath: the file `into` was read from, for reading its source texts (quotes citing them are checked).
    ///   - outputFolder: the folder the result will be written to: the `text` paths of `into`'s sources are rebased
    ///     to it (``RelativePath``) so the written file finds them. `nil`: kept as they are.
    /// - Returns: the dataset and, item by item, what was created and what matched.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)``, or ``PartyGraphError/invalidData(file:issues:)``
    ///   listing every broken row, each placed as `row N, column "name"` with its line.
    public static func read(
        path: String, delimiter: Character? = nil, into: Dataset? = nil, intoPath: String? = nil, outputFolder: URL? = nil
    ) throws(PartyGraphError) -> SheetImport {
        let data = try Importer.read(path)
        return try read(data: data, file: path, delimiter: delimiter ?? self.delimiter(forPath: path), into: into, intoPath: intoPath,
                        outputFolder: outputFolder)
    }

    /// ``read(path:delimiter:into:intoPath:outputFolder:)`` of bytes already in memory; `file` names them in messages.
    public static func read(
        data: Data, file: String, delimiter: Character = ",", into: Dataset? = nil, intoPath: String? = nil, outputFolder: URL? = nil
    ) throws(PartyGraphError) -> SheetImport {
        guard let byte = delimiter.asciiValue, [",", ";", "\t", "|"].contains(delimiter) else {
            throw .invalidData(file: file, issues: [DatasetIssue(file: file, path: "delimiter", message: "the delimiter '\(delimiter)' is not accepted",
                                                                 fix: "use a comma, a semicolon, a tab or |")])
        }
        var issues: [DatasetIssue] = []
        guard let table = CSVTable.read(data: data, file: file, delimiter: byte, issues: &issues) else {
            throw .invalidData(file: file, issues: issues)
        }
        var builder = SheetBuilder(file: file, base: into, basePath: intoPath, outputFolder: outputFolder)
        return try builder.build(table)
    }
}

/// What a sheet import made: the dataset and, item by item, what was created, matched or extended.
public struct SheetImport: Sendable {
    /// One node, source or relation the sheet touched.
    public struct Item: Sendable, Hashable {
        /// What happened to it.
        public enum Action: String, Sendable, Hashable, CaseIterable {
            /// New: not in the dataset added to.
            case created
            /// A name in the sheet that found this node or source of the dataset added to.
            case matched
            /// A fact of the dataset added to that the sheet states again: its evidence grew.
            case extended
        }
        /// What happened.
        public var action: Action
        /// `source`, a node kind (`person`, `meeting`, …) or a relation (`participant-in`, `member-of`).
        public var what: String
        /// The id of the node or source; for a relation `from -> to`.
        public var id: String
        /// The name as the sheet writes it (for relations, empty).
        public var name: String
        /// The first row (1-based, the header being row 1) that named it.
        public var row: Int
    }

    /// The dataset added to plus the sheet's facts, validated.
    public var dataset: Dataset
    /// What was created, matched and extended, in the order the rows first named it.
    public var items: [Item]
}
