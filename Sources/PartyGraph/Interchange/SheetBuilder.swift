import Foundation

/// Turns the rows of a participation sheet into facts on top of a base dataset, collecting one located issue per
/// problem; see ``ParticipationSheet``.
struct SheetBuilder {
    let file: String
    let basePath: String?
    /// Where the dataset will be written: source texts are named relative to it.
    let outputFolder: URL?
    var sources: [Source]
    var entities: [Entity]
    var relationships: [Relationship]
    let title: String
    let description: String?
    let vocabulary: DeclaredVocabulary
    /// The declared terms resolved to their core values, for the kind and role columns.
    let resolvedVocabulary: ResolvedVocabulary
    let resolver: NameResolver?
    let baseEntityCount: Int
    let baseSourceCount: Int
    let baseRelationshipCount: Int
    /// The kind of the sources the rows create (event data: ``SourceKind/machineCoded``).
    var newSourceKind = SourceKind.reported

    var issues: [DatasetIssue] = []
    var items: [SheetImport.Item] = []
    var itemKeys = Set<String>()
    var indexByID: [NodeID: Int] = [:]
    var sourceIndex: [String: Int] = [:]
    /// Created nodes by kind and matching key.
    var createdByKey: [String: [Int]] = [:]
    /// Meetings of this sheet by start and matching key of the name, with the row that first named them.
    var meetingsByKey: [String: (index: Int, row: Int)] = [:]
    /// Relationship index by fact key (relation, from, to, role, capacity).
    var relationIndex: [String: Int] = [:]
    /// Source ids first created at a row, for consistency messages.
    var sourceRows: [String: Int] = [:]
    /// The evidence records of each node and relation touched, so that adding one is O(1) however many it has
    /// (a place of an event-data file is cited by thousands of rows). Filled from the record's own list on first touch.
    var evidenceSeen = Set<EvidenceOf>()
    var evidenceSeeded = Set<EvidenceOf.Owner>()

    struct EvidenceOf: Hashable {
        enum Owner: Hashable { case entity(Int), relationship(Int) }
        var owner: Owner
        var evidence: Evidence
    }

    init(file: String, base: Dataset?, basePath: String?, outputFolder: URL?, title newTitle: String? = nil) {
        self.file = file
        self.basePath = basePath
        let migrated = base.map { DatasetMigration.migrate($0).dataset }
        sources = migrated?.sources ?? []
        if let basePath, let outputFolder {
            var unreachable: [Int] = []
            sources = RelativePath.rebaseTexts(of: sources, from: URL(fileURLWithPath: basePath).deletingLastPathComponent(), to: outputFolder,
                                               unreachable: &unreachable)
            let rebased = sources
            issues = unreachable.map { RelativePath.unreachableText(rebased[$0], at: $0, file: basePath, newFolder: outputFolder) }
        }
        self.outputFolder = outputFolder
        entities = migrated?.entities ?? []
        relationships = migrated?.relationships ?? []
        title = migrated?.title ?? newTitle ?? "Participation sheet " + URL(fileURLWithPath: file).lastPathComponent
        description = migrated?.description
        vocabulary = migrated?.vocabulary ?? .empty
        resolvedVocabulary = ResolvedVocabulary(vocabulary)
        resolver = migrated.map(NameResolver.init(dataset:))
        baseEntityCount = entities.count
        baseSourceCount = sources.count
        baseRelationshipCount = relationships.count
        for (index, entity) in entities.enumerated() { indexByID[entity.id] = index }
        for (index, source) in sources.enumerated() { sourceIndex[source.id] = index }
        for (index, relationship) in relationships.enumerated() {
            let key = Self.factKey(relationship)
            if relationIndex[key] == nil { relationIndex[key] = index }
        }
    }

    static func factKey(_ relationship: Relationship) -> String {
        [relationship.relation.rawValue, relationship.from.rawValue, relationship.to.rawValue,
         relationship.role?.rawValue ?? "", relationship.refinedRole.map { "\($0.position)" } ?? "", relationship.capacity?.rawValue ?? ""].joined(separator: "\u{1F}")
    }

    /// One row's cells by column name (empty cells left out) and how to place a problem in it.
    struct Row {
        var number: Int
        var line: Int
        var cells: [String: String]
        /// For rows made from another layout (event data): the file's column that holds each sheet column, named in
        /// messages instead of it.
        var labels: [String: String] = [:]
        /// The kind a new participant gets when the row gives no participant_kind (event data: inferred).
        var inferredKind: NodeKind?
        subscript(_ column: String) -> String? { cells[column] }
    }

    mutating func report(_ row: Row, _ column: String?, _ message: String, fix: String? = nil) {
        let path = "row \(row.number)" + (column.map { ", column \"\(row.labels[$0] ?? $0)\"" } ?? "")
        issues.append(DatasetIssue(file: file, line: row.line, path: path, message: message, fix: fix))
    }

    mutating func note(_ action: SheetImport.Item.Action, _ what: String, _ id: String, _ name: String, row: Int) {
        let key = "\(action.rawValue) \(what) \(id) \(name.matchingKey)"
        guard itemKeys.insert(key).inserted else { return }
        items.append(SheetImport.Item(action: action, what: what, id: id, name: name, row: row))
    }

    // MARK: Building

    mutating func build(_ table: CSVTable) throws(PartyGraphError) -> SheetImport {
        if !issues.isEmpty { throw .invalidData(file: basePath, issues: issues) }
        let known = Set(ParticipationSheet.columns.map(\.name))
        var seen = Set<String>()
        for (position, name) in table.header.enumerated() {
            let place = "row 1, column \(position + 1)"
            if !known.contains(name) {
                let hint = nearest(to: name, among: known)
                issues.append(DatasetIssue(file: file, line: 1, path: place, message: "unknown column \"\(name.shownInMessage)\"",
                                           fix: hint.isEmpty ? "known columns: " + ParticipationSheet.columns.map(\.name).joined(separator: ", ") : "did you mean \"\(hint[0])\"?"))
            } else if !seen.insert(name).inserted {
                issues.append(DatasetIssue(file: file, line: 1, path: place, message: "the column \"\(name)\" appears twice", fix: "keep one"))
            }
        }
        for column in ParticipationSheet.columns where column.required && !table.header.contains(column.name) {
            issues.append(DatasetIssue(file: file, line: 1, path: "row 1", message: "the required column \"\(column.name)\" is missing",
                                       fix: "add it to the header: \(column.meaning)"))
        }
        if !ParticipationSheet.sourceColumns.contains(where: table.header.contains) {
            issues.append(DatasetIssue(file: file, line: 1, path: "row 1", message: "the sheet names no source: it has neither \"source\" nor \"source_url\"",
                                       fix: "add a \"source\" column (an id) or a \"source_url\" column"))
        }
        if !issues.isEmpty { throw .invalidData(file: file, issues: issues) }
        if table.records.isEmpty {
            throw .invalidData(file: file, issues: [DatasetIssue(file: file, line: 1, path: "row 1", message: "the sheet has a header but no rows",
                                                                 fix: "add one row per participant per meeting")])
        }
        let rows = table.records.map { record in
            var cells: [String: String] = [:]
            for (name, value) in zip(table.header, record.fields) {
                let cell = CSVText.readCell(value)
                // Foundation's trimming only where an end may be white space (not an ASCII letter, digit or mark).
                func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
                let text = plain(cell.utf8.first) && plain(cell.utf8.last) ? cell : cell.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { cells[name] = text }
            }
            return Row(number: record.row, line: record.line, cells: cells)
        }
        return try build(rows: rows)
    }

    /// Builds the dataset from rows already read (a sheet's, or rows made from another layout).
    mutating func build(rows: [Row]) throws(PartyGraphError) -> SheetImport {
        if !issues.isEmpty { throw .invalidData(file: basePath, issues: issues) }
        // Sources first, so a row broken elsewhere does not leave the later rows of its source without one.
        for row in rows { registerSource(row) }
        for row in rows { addRow(row) }
        if !issues.isEmpty { throw .invalidData(file: file, issues: issues) }
        var sourceTexts: [String: String] = [:]
        if let basePath {
            let folder = outputFolder ?? URL(fileURLWithPath: basePath).deletingLastPathComponent()
            for source in sources {
                if let textFile = source.textFile, let text = try? String(contentsOf: folder.appendingPathComponent(textFile), encoding: .utf8) {
                    sourceTexts[source.id] = text
                }
            }
        }
        do throws(PartyGraphError) {
            let dataset = try Dataset(title: title, description: description, sources: sources, entities: entities,
                                      relationships: relationships, sourceTexts: sourceTexts, vocabulary: vocabulary)
            return SheetImport(dataset: dataset, items: items)
        } catch {
            if case .invalidData(_, let found) = error {
                throw .invalidData(file: file, issues: found.map { issue in
                    var located = issue
                    located.file = file
                    located.message = "the facts built from the sheet: " + issue.message
                    return located
                })
            }
            throw error
        }
    }

    /// Reads one row; its facts are added only when the whole row is good.
    mutating func addRow(_ row: Row) {
        let before = issues.count
        for column in ParticipationSheet.columns where column.required && row[column.name] == nil {
            report(row, column.name, "the \(column.name.replacingUnderscores) is empty", fix: "give \(column.meaning)")
        }
        if row["source"] == nil && row["source_url"] == nil {
            report(row, "source", "the row names no source", fix: "give the source's id in \"source\" or its URL in \"source_url\"")
        }
        func date(_ column: String) -> PartialDate? {
            guard let text = row[column] else { return nil }
            do throws(DateProblem) { return try PartialDate(parsing: text) } catch {
                report(row, column, "invalid date: \(error)", fix: "write YYYY, YYYY-MM or YYYY-MM-DD")
                return nil
            }
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ column: String, _ type: Value.Type, allowed: [Value]? = nil) -> Value? where Value.RawValue == String {
            guard let text = row[column] else { return nil }
            let options = (allowed ?? Array(Value.allCases)).map(\.rawValue)
            if let value = Value(rawValue: text.lowercased()), options.contains(value.rawValue) { return value }
            let hint = nearest(to: text.lowercased(), among: options)
            report(row, column, "unknown \(column.replacingUnderscores) '\(text.shownInMessage)'",
                   fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + options.joined(separator: ", "))
            return nil
        }
        /// A core value, or a term the dataset added to declares (its core value and its position in the declarations).
        func declaredChoice<Value: RawRepresentable & CaseIterable & Hashable & Sendable>(_ column: String, _ type: Value.Type, terms: ResolvedTerms<Value>,
                                   declared: [DeclaredTerm]) -> (core: Value, position: Int?)? where Value.RawValue == String {
            guard let text = row[column] else { return nil }
            if let value = Value(rawValue: text.lowercased()) { return (value, nil) }
            if let position = terms.positions[text], let core = terms.cores[position] { return (core, position) }
            let options = Value.allCases.map(\.rawValue) + declared.map(\.id)
            let hint = nearest(to: text.lowercased(), among: options)
            report(row, column, "unknown \(column.replacingUnderscores) '\(text.shownInMessage)'",
                   fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + Value.allCases.map(\.rawValue).joined(separator: ", ")
                       + (declared.isEmpty ? "" : "; declared by the dataset added to: " + declared.map(\.id).joined(separator: ", ")))
            return nil
        }
        let start = date("meeting_start"), end = date("meeting_end"), sourceDate = date("source_date")
        let meetingChoice = declaredChoice("meeting_kind", MeetingKind.self, terms: resolvedVocabulary.meetingKinds, declared: vocabulary.meetingKinds)
        let meetingKind = meetingChoice?.core
        let declaredKind = meetingChoice?.position.map { vocabulary.meetingKinds[$0].id }
        let status = choice("status", MeetingStatus.self)
        let participantKinds: [NodeKind] = [.person, .organ, .party, .office, .country]
        let participantKind = choice("participant_kind", NodeKind.self, allowed: participantKinds)
        let roleChoice = declaredChoice("role", ParticipantRole.self, terms: resolvedVocabulary.roles, declared: vocabulary.roles)
        let role = roleChoice?.core
        var span: DateSpan?
        if let start {
            do throws(DateProblem) { span = try DateSpan(start: start, end: end ?? start) } catch {
                report(row, "meeting_end", "invalid dates: \(error)", fix: "the end must not come before the start")
            }
        }
        for (column, limit) in [("quote", 10_000), ("meeting", 1_000), ("participant", 1_000), ("capacity", 1_000), ("party", 1_000), ("place", 1_000)] {
            if let text = row[column], text.utf8.count > limit {
                report(row, column, "the text is \(text.utf8.count) bytes long; at most \(limit) are allowed", fix: "shorten it")
            }
        }
        guard issues.count == before, let span, let status, let quote = row["quote"], let meetingName = row["meeting"],
              let participantName = row["participant"] else { return }

        // The source.
        guard let source = resolveSource(row, date: sourceDate) else { return }
        let evidence = Evidence(source: source.id, quote: quote.nfc)

        // The names, all before any fact is added.
        guard let participant = lookUp(row, "participant", participantName, kind: participantKind, allowed: participantKinds, create: participantKind ?? row.inferredKind ?? .person) else { return }
        var capacity: Lookup?
        if let name = row["capacity"] {
            guard let found = lookUp(row, "capacity", name, kind: nil, allowed: [.office, .organ, .party, .country], create: .office) else { return }
            capacity = found
        }
        var party: Lookup?
        if let name = row["party"] {
            let participantIsPerson = participant.existing.map { entities[$0].kind == .person } ?? (participant.createKind == .person)
            guard participantIsPerson else {
                report(row, "party", "only a person can be a member of a party; the participant is \(participant.kindName)",
                       fix: "leave \"party\" empty, or name the party as the participant's capacity")
                return
            }
            guard let found = lookUp(row, "party", name, kind: nil, allowed: [.party, .organ], create: .party) else { return }
            party = found
        }
        var place: Lookup?, country: Lookup?
        if let name = row["place"] {
            guard let found = lookUp(row, "place", name, kind: nil, allowed: [.place], create: .place) else { return }
            place = found
            if let countryName = row["country"] {
                guard let found = lookUp(row, "country", countryName, kind: nil, allowed: [.country], create: .country) else { return }
                country = found
            }
        }
        guard let meeting = meeting(row, name: meetingName, span: span, kind: meetingKind, declared: declaredKind) else { return }

        // The facts.
        var placeText: String? = [row["place"], row["country"]].compactMap { $0 }.joined(separator: ", ")
        if placeText?.isEmpty == true { placeText = nil }
        let meetingIndex = meeting.existing ?? create(meeting, row: row, evidence: evidence)
        addEvidence(evidence, toEntity: meetingIndex)
        if var details = entities[meetingIndex].meeting {
            if let placeText = placeText?.nfc {
                if details.place == nil { details.place = placeText }
                else if details.place != placeText {
                    report(row, row["place"] != nil ? "place" : "country",
                           "the meeting's place is '\(details.place!.shownInMessage)' (as \(meetingIndex < baseEntityCount ? "the dataset added to" : "an earlier row") gives it), not '\(placeText.shownInMessage)'",
                           fix: "write the same place on every row of a meeting")
                    return
                }
            }
            let claim = StatusClaim(source: source.id, date: source.date, status: status, quote: quote.nfc)
            if !details.claims.contains(where: { $0.source == claim.source && $0.status == claim.status && $0.date == claim.date }) {
                if details.claims.isEmpty && meetingIndex < baseEntityCount {
                    if details.status != status {
                        report(row, "status", "the meeting \(entities[meetingIndex].id) gives the single status '\(details.status.rawValue)' without a source to cite, so the sheet's '\(status.rawValue)' cannot be added as a claim",
                               fix: "give the meeting status_claims in the dataset added to (partygraph migrate may do it)")
                        return
                    }
                } else {
                    details.claims.append(claim)
                    details.refreshStatusFromClaims()
                }
            }
            entities[meetingIndex].meeting = details
        }
        let participantIndex = participant.existing ?? create(participant, row: row, evidence: evidence)
        addEvidence(evidence, toEntity: participantIndex)
        var capacityID: NodeID?
        if let capacity {
            let index = capacity.existing ?? create(capacity, row: row, evidence: evidence)
            addEvidence(evidence, toEntity: index)
            capacityID = entities[index].id
        }
        addRelationship(Relationship(.participantIn, from: entities[participantIndex].id, to: entities[meetingIndex].id,
                                     role: role ?? .attendee, capacity: capacityID, evidence: [evidence],
                                     refinedRole: roleChoice?.position.map { DeclaredRole(position: UInt16($0)) }), row: row, attested: nil)
        if let place {
            let index = place.existing ?? create(place, row: row, evidence: evidence)
            addEvidence(evidence, toEntity: index)
            addRelationship(Relationship(.heldAt, from: entities[meetingIndex].id, to: entities[index].id, evidence: [evidence]), row: row, attested: nil)
            // The row places the meeting at the place in the country: said of a place the sheet makes, not of one of
            // the dataset added to (which states its own location).
            if let country, index >= baseEntityCount {
                let countryIndex = country.existing ?? create(country, row: row, evidence: evidence)
                addEvidence(evidence, toEntity: countryIndex)
                addRelationship(Relationship(.locatedIn, from: entities[index].id, to: entities[countryIndex].id, evidence: [evidence]),
                                row: row, attested: nil)
            }
        }
        if let party {
            let index = party.existing ?? create(party, row: row, evidence: evidence)
            addEvidence(evidence, toEntity: index)
            addRelationship(Relationship(.memberOf, from: entities[participantIndex].id, to: entities[index].id, evidence: [evidence]),
                            row: row, attested: Attestation(date: source.date, evidence: evidence))
        }
    }

    // MARK: Sources

    /// Adds the new source a row describes completely (id or URL, publisher, title, date), without reporting
    /// anything: ``resolveSource(_:date:)`` reports what is wrong when the row is read.
    mutating func registerSource(_ row: Row) {
        guard let publisher = row["publisher"]?.nfc, let title = row["source_title"]?.nfc, let dateText = row["source_date"],
              let date = try? PartialDate(parsing: dateText) else { return }
        let url = row["source_url"]
        if let id = row["source"] { if sourceIndex[id] != nil { return } }
        else if let url, sources.contains(where: { $0.url == url }) { return }
        else if url == nil { return }
        add(Source(id: row["source"] ?? newSourceID(publisher: publisher, date: date), publisher: publisher, title: title, date: date, url: url,
                   kind: newSourceKind), row: row)
    }

    func newSourceID(publisher: String, date: PartialDate) -> String {
        let base = NodeID.slug(of: publisher) + "-" + date.description
        var candidate = base, suffix = 2
        while sourceIndex[candidate] != nil { candidate = base + "-\(suffix)"; suffix += 1 }
        return candidate
    }

    mutating func add(_ source: Source, row: Row) {
        sourceIndex[source.id] = sources.count
        sourceRows[source.id] = row.number
        sources.append(source)
    }

    mutating func resolveSource(_ row: Row, date: PartialDate?) -> Source? {
        let publisher = row["publisher"]?.nfc, title = row["source_title"]?.nfc, url = row["source_url"]
        var id = row["source"]
        if id == nil, let url {
            id = sources.first(where: { $0.url == url })?.id
        }
        if let id, let index = sourceIndex[id] {
            let existing = sources[index]
            let origin = index < baseSourceCount ? "the dataset added to" : "row \(sourceRows[id] ?? 0)"
            var differs = false
            for (column, given, known) in [("publisher", publisher, existing.publisher), ("source_title", title, existing.title),
                                           ("source_date", date?.description, existing.date.description), ("source_url", url, existing.url)] {
                if let given, given != known {
                    report(row, column, "the source '\(id)' has \(column.replacingUnderscores) '\((known ?? "").shownInMessage)' in \(origin), not '\(given.shownInMessage)'",
                           fix: "leave the cell empty or write what \(origin) has")
                    differs = true
                }
            }
            if differs { return nil }
            note(index < baseSourceCount ? .matched : .created, "source", id, existing.title, row: row.number)
            return existing
        }
        var missing = false
        for (column, value) in [("publisher", publisher), ("source_title", title)] where value == nil {
            report(row, column, "a new source needs its \(column.replacingUnderscores)", fix: "give it on the row (rows of the same source may repeat it)")
            missing = true
        }
        if row["source_date"] == nil {
            report(row, "source_date", "a new source needs its publication date", fix: "give it as YYYY, YYYY-MM or YYYY-MM-DD")
            missing = true
        }
        guard !missing, let publisher, let title, let date else { return nil }
        let source = Source(id: id ?? newSourceID(publisher: publisher, date: date), publisher: publisher, title: title, date: date, url: url,
                            kind: newSourceKind)
        add(source, row: row)
        note(.created, "source", source.id, title, row: row.number)
        return source
    }

    // MARK: Names

    /// A name of a row: a node that exists, or one to create with the given kind.
    struct Lookup {
        var existing: Int?
        var name: String
        var createKind: NodeKind
        var kindName: String { createKind.withArticle }
    }

    mutating func lookUp(_ row: Row, _ column: String, _ name: String, kind: NodeKind?, allowed: [NodeKind], create: NodeKind) -> Lookup? {
        let wanted = kind.map { [$0] } ?? allowed
        let key = name.matchingKey
        if key.isEmpty {
            report(row, column, "'\(name.shownInMessage)' has no letters or digits to match a name by", fix: "write the name in letters")
            return nil
        }
        let fromBase = resolver?.exactMatches(name.nfc) ?? []
        var candidates = fromBase.compactMap { indexByID[$0.id] }
        for created in NodeKind.allCases { candidates += createdByKey[created.rawValue + "/" + key] ?? [] }
        var seen = Set<Int>()
        candidates = candidates.filter { seen.insert($0).inserted }
        let fitting = candidates.filter { wanted.contains(entities[$0].kind) }
        if fitting.count == 1 {
            let index = fitting[0]
            if index < baseEntityCount { note(.matched, entities[index].kind.rawValue, entities[index].id.rawValue, name, row: row.number) }
            else if entities[index].name != name.nfc && !entities[index].aliases.contains(name.nfc) { entities[index].aliases.append(name.nfc) }
            return Lookup(existing: index, name: name, createKind: entities[index].kind)
        }
        if fitting.count > 1 {
            report(row, column, "'\(name.shownInMessage)' names several nodes: " + fitting.map { "\(entities[$0].id) (\(entities[$0].name))" }.joined(separator: ", "),
                   fix: "write the id of the one meant, or a name only it has")
            return nil
        }
        if let other = candidates.first {
            report(row, column, "'\(name.shownInMessage)' is \(entities[other].id) (\(entities[other].name)), \(entities[other].kind.withArticle), not \(wanted.map(\.withArticle).joined(separator: " or "))",
                   fix: column == "participant" ? "correct participant_kind, or the name" : "name \(wanted.map(\.withArticle).joined(separator: " or ")) here")
            return nil
        }
        let partial = (resolver?.partialMatches(name.nfc) ?? []).filter { wanted.contains($0.kind) && NameResolver.wordRunKeys(of: $0).contains(key) }
        if !partial.isEmpty {
            report(row, column, "'\(name.shownInMessage)' is only part of the name of " + partial.prefix(5).map { "\($0.id) (\($0.name))" }.joined(separator: ", "),
                   fix: "write the full name or an alias of the node meant (or add this one as its alias), so no second node is made for it")
            return nil
        }
        return Lookup(existing: nil, name: name, createKind: kind ?? create)
    }

    /// The meeting of a row: one of the dataset added to (same start, same name), one an earlier row made, or new.
    /// `kind` and `declared` are the row's meeting kind: a core one, or a declared term (`declared`) refining `kind`.
    mutating func meeting(_ row: Row, name: String, span: DateSpan, kind: MeetingKind?, declared: String?) -> Lookup? {
        /// Whether the row's kind differs from a meeting's: a declared term must be the meeting's; a core kind, its core.
        func differs(_ details: MeetingDetails?) -> Bool {
            if let declared { return details?.refinedKind != declared }
            return kind.map { details?.kind != $0 } ?? false
        }
        let wanted = declared ?? kind?.rawValue ?? ""
        func shown(_ details: MeetingDetails?) -> String { details.map { $0.refinedKind ?? $0.kind.rawValue } ?? "?" }
        let key = (span.start?.description ?? "") + "|" + name.matchingKey
        if let known = meetingsByKey[key] {
            let details = entities[known.index].meeting
            if let end = row["meeting_end"], details?.date.end?.description != end {
                report(row, "meeting_end", "the meeting ends \(details?.date.end?.description ?? "?") on row \(known.row), not \(end)", fix: "write the same dates on every row of a meeting")
                return nil
            }
            if differs(details) {
                report(row, "meeting_kind", "the meeting is \(shown(details)) on row \(known.row), not \(wanted)", fix: "write the same meeting_kind on every row of a meeting")
                return nil
            }
            return Lookup(existing: known.index, name: name, createKind: .meeting)
        }
        let matches = (resolver?.exactMatches(name.nfc) ?? []).filter { $0.kind == .meeting && $0.meeting?.date.start == span.start }
        if matches.count > 1 {
            report(row, "meeting", "'\(name.shownInMessage)' on \(span.start?.description ?? "") names several meetings: " + matches.map { "\($0.id) (\($0.name))" }.joined(separator: ", "),
                   fix: "write the id of the one meant")
            return nil
        }
        if let match = matches.first, let index = indexByID[match.id] {
            if differs(match.meeting) {
                report(row, "meeting_kind", "the meeting \(match.id) is \(shown(match.meeting)) in the dataset added to, not \(wanted)", fix: "leave meeting_kind empty or write what the dataset has")
                return nil
            }
            if row["meeting_end"] != nil, match.meeting?.date.end != span.end {
                report(row, "meeting_end", "the meeting \(match.id) ends \(match.meeting?.date.end?.description ?? "?") in the dataset added to", fix: "leave meeting_end empty or write what the dataset has")
                return nil
            }
            meetingsByKey[key] = (index, row.number)
            note(.matched, "meeting", match.id.rawValue, name, row: row.number)
            return Lookup(existing: index, name: name, createKind: .meeting)
        }
        let id = NodeID.minted(kind: .meeting, name: name, prefix: span.start?.description) { indexByID[$0] != nil }
        let details = MeetingDetails(kind: kind ?? .meeting, date: span, claims: [], refinedKind: declared)
        let index = entities.count
        entities.append(Entity(id: id, kind: .meeting, name: name.nfc, meeting: details))
        indexByID[id] = index
        meetingsByKey[key] = (index, row.number)
        note(.created, "meeting", id.rawValue, name, row: row.number)
        return Lookup(existing: index, name: name, createKind: .meeting)
    }

    /// Adds a node for a name looked up without a match; returns its index.
    mutating func create(_ lookup: Lookup, row: Row, evidence: Evidence) -> Int {
        let key = lookup.createKind.rawValue + "/" + lookup.name.matchingKey
        if let index = createdByKey[key]?.first { return index }
        let id = NodeID.minted(kind: lookup.createKind, name: lookup.name) { indexByID[$0] != nil }
        let index = entities.count
        entities.append(Entity(id: id, kind: lookup.createKind, name: lookup.name.nfc))
        indexByID[id] = index
        createdByKey[key, default: []].append(index)
        note(.created, lookup.createKind.rawValue, id.rawValue, lookup.name, row: row.number)
        return index
    }

    mutating func addEvidence(_ evidence: Evidence, toEntity index: Int) {
        guard index >= baseEntityCount || entities[index].kind == .meeting else { return }
        if evidenceSeeded.insert(.entity(index)).inserted {
            for record in entities[index].evidence { evidenceSeen.insert(EvidenceOf(owner: .entity(index), evidence: record)) }
        }
        if evidenceSeen.insert(EvidenceOf(owner: .entity(index), evidence: evidence)).inserted { entities[index].evidence.append(evidence) }
    }

    mutating func addRelationship(_ relationship: Relationship, row: Row, attested: Attestation?) {
        let key = Self.factKey(relationship)
        let label = "\(relationship.from) -> \(relationship.to)"
        if let index = relationIndex[key] {
            if evidenceSeeded.insert(.relationship(index)).inserted {
                for record in relationships[index].evidence { evidenceSeen.insert(EvidenceOf(owner: .relationship(index), evidence: record)) }
            }
            for record in relationship.evidence where evidenceSeen.insert(EvidenceOf(owner: .relationship(index), evidence: record)).inserted {
                relationships[index].evidence.append(record)
            }
            // An attestation changes what a holding without attestations means (open bounds): only added to one
            // that is already known by attestations, or that this sheet made.
            if let attested, index >= baseRelationshipCount || !relationships[index].attestations.isEmpty,
               !relationships[index].attestations.contains(attested) {
                relationships[index].attestations.append(attested)
            }
            if index < baseRelationshipCount { note(.extended, relationship.relation.rawValue, label, "", row: row.number) }
            return
        }
        var added = relationship
        if let attested { added.attestations = [attested] }
        relationIndex[key] = relationships.count
        relationships.append(added)
        note(.created, relationship.relation.rawValue, label, "", row: row.number)
    }

}
