import Foundation

/// A place in one of the files being merged: the file and the JSON path of the record (`$.nodes[3].name`).
public struct MergePlace: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the caller named it.
    public var file: String
    /// The JSON path of the record or field in it.
    public var path: String

    /// Creates a place.
    public init(file: String, path: String) {
        self.file = file
        self.path = path
    }

    /// `file: $.path`.
    public var description: String { "\(file): \(path)" }
}

/// Something two datasets say differently that a person must decide: one id with two names, two kinds, two sources
/// under one id, two holders of a single-seat office shown on the same day.
public struct MergeConflict: Sendable, Hashable, CustomStringConvertible {
    /// What differs.
    public var message: String
    /// Where the first dataset says it.
    public var first: MergePlace
    /// Where the second dataset says it.
    public var second: MergePlace
    /// How to resolve it.
    public var fix: String

    /// Creates a conflict.
    public init(message: String, first: MergePlace, second: MergePlace, fix: String) {
        self.message = message
        self.first = first
        self.second = second
        self.fix = fix
    }

    /// The message with both places and the fix.
    public var description: String { "\(message): \(first) and \(second) — \(fix)" }
}

/// Merges two datasets into one, the way `partygraph merge A B` does; see datasets/README.md, "Merging".
///
/// - Declared meeting kinds and roles with the same id must be the same term; the second's new terms follow the first's.
/// - Nodes and sources with the same id are one: a node's aliases and evidence are joined (without repeats), its
///   other fields must agree (a field one side leaves out is taken from the other). A source must be identical.
/// - The same fact — a relation with the same relation, ends, role, capacity, `led_by` and dates — is one fact with
///   the evidence and attestations of both, without repeats.
/// - A meeting's status: the status claims of both. Where the two differ and one side gives a single status, it
///   becomes a claim as ``DatasetMigration`` would make it (when a source can be cited); one that cites no source
///   must agree with the other side. Equal single statuses stay as they are.
/// - A single-seat office (``OfficeSeats/single``) held by one person in the first dataset and by another in the
///   second on a day both show (an attestation, or a stated start and end) is a conflict.
///
/// The output is deterministic: the first dataset's items in its order, then the second's new ones in its order;
/// merging a dataset with itself gives it back. Its title and description are the first dataset's.
public enum DatasetMerge {
    /// Merges `second` into `first`; see ``DatasetMerge``.
    ///
    /// - Parameters:
    ///   - first: the first dataset; its order comes first.
    ///   - second: the second dataset.
    ///   - files: the names of the two files, for the places of conflicts.
    ///   - folders: the folders of the two files and of the output: the sources' `text` paths are rebased to the
    ///     output's folder (``RelativePath``) before sources are compared, so the merged file finds them. `nil`:
    ///     kept as they are. A text outside the output's folder is an error (``PartyGraphError/invalidData(file:issues:)``).
    ///   - sourceTexts: the text of sources by id, as the two files' folders hold them, so quotes are checked again.
    /// - Throws: ``PartyGraphError/mergeConflicts(_:)`` listing every conflict (nothing is merged), or
    ///   ``PartyGraphError/invalidData(file:issues:)`` when the merged facts do not validate.
    public static func merge(
        _ first: Dataset, _ second: Dataset, files: (first: String, second: String) = ("first", "second"),
        folders: (first: URL, second: URL, output: URL)? = nil, sourceTexts: [String: String] = [:]
    ) throws(PartyGraphError) -> Dataset {
        let a = first, b = second
        var unreachableA: [Int] = [], unreachableB: [Int] = []
        let sourcesA = folders.map { RelativePath.rebaseTexts(of: a.sources, from: $0.first, to: $0.output, unreachable: &unreachableA) } ?? a.sources
        let sourcesB = folders.map { RelativePath.rebaseTexts(of: b.sources, from: $0.second, to: $0.output, unreachable: &unreachableB) } ?? b.sources
        if let output = folders?.output, !unreachableA.isEmpty || !unreachableB.isEmpty {
            throw .invalidData(file: nil, issues: unreachableA.map { RelativePath.unreachableText(sourcesA[$0], at: $0, file: files.first, newFolder: output) }
                + unreachableB.map { RelativePath.unreachableText(sourcesB[$0], at: $0, file: files.second, newFolder: output) })
        }
        var conflicts: [MergeConflict] = []
        func conflict(_ message: String, _ pathA: String, _ pathB: String, fix: String) {
            conflicts.append(MergeConflict(message: message, first: MergePlace(file: files.first, path: pathA),
                                           second: MergePlace(file: files.second, path: pathB), fix: fix))
        }

        // Declared vocabulary: a term with the same id must be the same; the second's roles are renumbered.
        var vocabulary = a.vocabulary
        for (index, term) in b.vocabulary.meetingKinds.enumerated() {
            if let position = vocabulary.meetingKinds.firstIndex(where: { $0.id == term.id }) {
                if vocabulary.meetingKinds[position] != term {
                    conflict("the declared meeting kind '\(term.id)' differs", "$.vocabulary.meeting_kinds[\(position)]", "$.vocabulary.meeting_kinds[\(index)]",
                             fix: "give the two terms different ids, or make them identical")
                }
            } else {
                vocabulary.meetingKinds.append(term)
            }
        }
        var rolePosition: [UInt16: UInt16] = [:]
        for (index, term) in b.vocabulary.roles.enumerated() {
            if let position = vocabulary.roles.firstIndex(where: { $0.id == term.id }) {
                if vocabulary.roles[position] != term {
                    conflict("the declared role '\(term.id)' differs", "$.vocabulary.roles[\(position)]", "$.vocabulary.roles[\(index)]",
                             fix: "give the two terms different ids, or make them identical")
                }
                rolePosition[UInt16(index)] = UInt16(position)
            } else {
                rolePosition[UInt16(index)] = UInt16(min(vocabulary.roles.count, DeclaredVocabulary.maximumRoles - 1))
                vocabulary.roles.append(term)
            }
        }

        // Sources.
        var sources = sourcesA
        var sourcePosition: [String: Int] = [:]
        for (index, source) in sources.enumerated() where sourcePosition[source.id] == nil { sourcePosition[source.id] = index }
        for (index, source) in sourcesB.enumerated() {
            if let position = sourcePosition[source.id] {
                if sources[position] != source {
                    let field = differingField(sources[position], source)
                    conflict("the source '\(source.id)' differs (\(field))", "$.sources[\(position)].\(field)", "$.sources[\(index)].\(field)",
                             fix: "give the two sources different ids, or make them identical")
                }
            } else {
                sourcePosition[source.id] = sources.count
                sources.append(source)
            }
        }

        // Nodes.
        var entities = a.entities
        var entityPosition: [NodeID: Int] = [:]
        for (index, entity) in entities.enumerated() where entityPosition[entity.id] == nil { entityPosition[entity.id] = index }
        for (index, entity) in b.entities.enumerated() {
            guard let position = entityPosition[entity.id] else {
                entityPosition[entity.id] = entities.count
                entities.append(entity)
                continue
            }
            var merged = entities[position]
            let here = "$.nodes[\(position)]", there = "$.nodes[\(index)]"
            func differs(_ field: String, _ mine: String?, _ theirs: String?) -> Bool {
                guard let mine, let theirs, mine != theirs else { return false }
                conflict("the node '\(entity.id)' has the \(field.replacingUnderscores) '\(mine.shownInMessage)' in one and '\(theirs.shownInMessage)' in the other",
                         here + "." + field, there + "." + field, fix: "decide which is right and correct the other file, or give the two nodes different ids")
                return true
            }
            if differs("kind", merged.kind.rawValue, entity.kind.rawValue) || differs("name", merged.name, entity.name) { continue }
            if !differs("note", merged.note, entity.note) { merged.note = merged.note ?? entity.note }
            if !differs("seats", merged.seats?.rawValue, entity.seats?.rawValue) { merged.seats = merged.seats ?? entity.seats }
            for alias in entity.aliases where !merged.aliases.contains(alias) { merged.aliases.append(alias) }
            for record in entity.evidence where !merged.evidence.contains(record) { merged.evidence.append(record) }
            if var mine = merged.meeting, let theirs = entity.meeting {
                var broken = differs("meeting_kind", mine.kind.rawValue, theirs.kind.rawValue)
                broken = differs("start", mine.date.start?.description, theirs.date.start?.description) || broken
                broken = differs("end", mine.date.end?.description, theirs.date.end?.description) || broken
                broken = differs("meeting_kind", mine.refinedKind, theirs.refinedKind) || broken
                if !differs("place", mine.place, theirs.place) { mine.place = mine.place ?? theirs.place }
                if broken { continue }
                /// A single status as the claim ``DatasetMigration`` would make of it, when a source can be cited.
                func claim(_ details: MeetingDetails, evidence: [Evidence], in dataset: Dataset) -> StatusClaim? {
                    guard case .success(let (record, date)) = DatasetMigration.citableRecord(for: details, evidence: evidence, in: dataset) else { return nil }
                    return StatusClaim(source: record.source, date: date, status: details.status, quote: record.quote)
                }
                let evidenceA = position < a.entities.count ? a.entities[position].evidence : merged.evidence
                switch (mine.claims.isEmpty, theirs.claims.isEmpty) {
                case (false, false):
                    for claim in theirs.claims where !mine.claims.contains(claim) { mine.claims.append(claim) }
                    mine.refreshStatusFromClaims()
                case (true, true):
                    guard mine.status != theirs.status || mine.statusAsOf != theirs.statusAsOf else { break }
                    if let claimA = claim(mine, evidence: evidenceA, in: a), let claimB = claim(theirs, evidence: entity.evidence, in: b) {
                        mine.claims = claimA == claimB ? [claimA] : [claimA, claimB]
                        mine.refreshStatusFromClaims()
                    } else {
                        conflict("the meeting '\(entity.id)' has the status '\(mine.status.rawValue)' in one and '\(theirs.status.rawValue)' in the other, and a source cannot be cited for both",
                                 here + ".status", there + ".status", fix: "give the meeting status_claims citing the sources (partygraph migrate does it where it can)")
                    }
                case (true, false), (false, true):
                    let singleIsMine = mine.claims.isEmpty
                    let single = singleIsMine ? mine : theirs
                    var claimed = singleIsMine ? theirs : mine
                    if let made = claim(single, evidence: singleIsMine ? evidenceA : entity.evidence, in: singleIsMine ? a : b) {
                        claimed.claims = singleIsMine ? [made] + claimed.claims.filter { $0 != made } : claimed.claims + (claimed.claims.contains(made) ? [] : [made])
                        claimed.refreshStatusFromClaims()
                    } else if single.status != claimed.status {
                        conflict("the meeting '\(entity.id)' has a status that cites no source ('\(single.status.rawValue)') in one and status claims ('\(claimed.status.rawValue)') in the other",
                                 here + (singleIsMine ? ".status" : ".status_claims"), there + (singleIsMine ? ".status_claims" : ".status"),
                                 fix: "give the meeting status_claims citing its source in both files")
                    }
                    claimed.place = mine.place
                    mine = claimed
                }
                merged.meeting = mine
            }
            entities[position] = merged
        }

        // Relations: the k-th occurrence of a fact in the second dataset joins the k-th of the first.
        var relationships = a.relationships
        var positions: [FactKey: [Int]] = [:]
        for (index, relationship) in relationships.enumerated() { positions[FactKey(relationship), default: []].append(index) }
        var used: [FactKey: Int] = [:]
        var origin = [Int](repeating: 0, count: relationships.count)  // 0: first only, 1: both, 2: second only
        var secondIndex: [Int: Int] = [:]
        for (index, original) in b.relationships.enumerated() {
            var relationship = original
            relationship.refinedRole = original.refinedRole.map { DeclaredRole(position: rolePosition[$0.position] ?? $0.position) }
            let key = FactKey(relationship)
            if let known = positions[key], !known.isEmpty {
                let occurrence = used[key, default: 0]
                used[key] = occurrence + 1
                let position = known[min(occurrence, known.count - 1)]
                for record in relationship.evidence where !relationships[position].evidence.contains(record) {
                    relationships[position].evidence.append(record)
                }
                for record in relationship.attestations where !relationships[position].attestations.contains(record) {
                    relationships[position].attestations.append(record)
                }
                origin[position] = 1
                secondIndex[position] = index
            } else {
                secondIndex[relationships.count] = index
                relationships.append(relationship)
                origin.append(2)
            }
        }
        conflicts += officeConflicts(relationships, origin: origin, secondIndex: secondIndex, entities: entities, files: files)
        if !conflicts.isEmpty { throw .mergeConflicts(conflicts) }
        return try Dataset(title: a.title, description: a.description, sources: sources, entities: entities,
                           relationships: relationships, sourceTexts: sourceTexts, vocabulary: vocabulary)
    }

    /// What makes two relations the same fact.
    struct FactKey: Hashable {
        var relation: Relation, from: NodeID, to: NodeID, role: ParticipantRole?, refinedRole: DeclaredRole?, capacity: NodeID?, ledBy: NodeID?
        var valid: DateSpan
        init(_ relationship: Relationship) {
            relation = relationship.relation; from = relationship.from; to = relationship.to; role = relationship.role
            refinedRole = relationship.refinedRole
            capacity = relationship.capacity; ledBy = relationship.ledBy; valid = relationship.valid
        }
    }

    /// The first field in which two sources differ.
    static func differingField(_ one: Source, _ other: Source) -> String {
        if one.publisher != other.publisher { return "publisher" }
        if one.title != other.title { return "title" }
        if one.date != other.date { return "date" }
        if one.url != other.url { return "url" }
        return "text"
    }

    /// The days a holding is shown on: each attestation, and its stated span when both bounds are given.
    static func shownDays(_ relationship: Relationship) -> [ClosedRange<Int>] {
        var days = relationship.attestations.map { $0.date.firstDay...$0.date.lastDay }
        if let first = relationship.valid.firstDay, let last = relationship.valid.lastDay { days.append(first...last) }
        return days
    }

    /// Holders of one single-seat office, one stated only by the first dataset and one only by the second, shown on
    /// a common day.
    static func officeConflicts(
        _ relationships: [Relationship], origin: [Int], secondIndex: [Int: Int], entities: [Entity], files: (first: String, second: String)
    ) -> [MergeConflict] {
        let multiple = Set(entities.filter { $0.kind == .office && $0.seats == .multiple }.map(\.id))
        var holdings: [NodeID: [Int]] = [:]
        for (index, relationship) in relationships.enumerated() where relationship.relation == .holds && !multiple.contains(relationship.to) {
            holdings[relationship.to, default: []].append(index)
        }
        var conflicts: [MergeConflict] = []
        for office in holdings.keys.sorted() {
            let indices = holdings[office]!
            for one in indices where origin[one] == 0 {
                for other in indices where origin[other] == 2 && relationships[other].from != relationships[one].from {
                    let shared = shownDays(relationships[one]).first { day in shownDays(relationships[other]).contains { $0.overlaps(day) } }
                    guard let shared else { continue }
                    let day = PartialDate.text(ofDay: shared.lowerBound)
                    conflicts.append(MergeConflict(
                        message: "the office '\(office)' seats one holder, but one file shows \(relationships[one].from) and the other \(relationships[other].from) holding it on \(day)",
                        first: MergePlace(file: files.first, path: "$.relations[\(one)]"),
                        second: MergePlace(file: files.second, path: "$.relations[\(secondIndex[other] ?? other)]"),
                        fix: "decide who held it then and correct the other file, or mark the office \"seats\": \"multiple\""))
                }
            }
        }
        return conflicts
    }
}

extension PartialDate {
    /// `YYYY-MM-DD` of a day number (days since 0001-01-01).
    static func text(ofDay day: Int) -> String {
        var year = 1 + day / 366
        while dayNumber(year: year + 1, month: 1, day: 1) <= day { year += 1 }
        var month = 1
        while month < 12 && dayNumber(year: year, month: month + 1, day: 1) <= day { month += 1 }
        let dayOfMonth = day - dayNumber(year: year, month: month, day: 1) + 1
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))"
    }
}
