import Foundation

/// Checks the invariants of a dataset that parsing alone cannot: unique ids, resolvable references,
/// allowed relation ends, cited sources, verbatim quotes.
///
/// Findings come in a fixed order whatever the number of cores: sources, then nodes, then relations, each in file
/// order. Only the id index is built sequentially; the per-node and per-relation checks run in chunks on all cores
/// and their findings are concatenated in chunk order.
enum DatasetValidator {
    /// The findings, and the indexes built on the way so a valid dataset need not build them again.
    struct Result {
        var findings: [Finding]
        var indexByID: [NodeID: Int32]
        var fromIndices: [Int32]
        var toIndices: [Int32]
    }

    /// Validates for a loader whose decoder dropped records (`partiallyKnown`, `partiallyKnownSources`): as
    /// ``validate(sources:entities:relationships:sourceTexts:partiallyKnown:partiallyKnownSources:minimumChunk:)``,
    /// except that when nothing was reported at all (`reportedElsewhere` false, no finding) yet a relation is left
    /// with an end that names no node, its references are checked again without the allowance — so a dataset
    /// with an unresolved relation is never built, whatever the decoder did.
    static func validateLoaded(
        sources: [Source], entities: [Entity], relationships: [Relationship], sourceTexts: [String: String],
        partiallyKnown: Set<NodeID>, partiallyKnownSources: Set<String>, reportedElsewhere: Bool,
        vocabulary: DeclaredVocabulary = .empty
    ) -> Result {
        let result = validate(sources: sources, entities: entities, relationships: relationships, sourceTexts: sourceTexts,
                              partiallyKnown: partiallyKnown, partiallyKnownSources: partiallyKnownSources, vocabulary: vocabulary)
        guard !reportedElsewhere, result.findings.isEmpty, !partiallyKnown.isEmpty,
              result.fromIndices.contains(-1) || result.toIndices.contains(-1) else { return result }
        return validate(sources: sources, entities: entities, relationships: relationships, sourceTexts: sourceTexts,
                        partiallyKnownSources: partiallyKnownSources, vocabulary: vocabulary)
    }

    /// The longest name or alias accepted, in bytes (a name is what the source calls a node, not a text).
    static let maximumNameBytes = 1_000
    /// The longest quote accepted, in bytes: a quote is the sentence that supports a fact.
    static let maximumQuoteBytes = 10_000

    /// Collections smaller than this are checked in one chunk.
    static let minimumChunk = 16_384

    /// Validates; ids in `partiallyKnown` (nodes) and `partiallyKnownSources` belong to records that failed to
    /// decode and already have their own error: what refers to them is not reported again (one error per cause).
    static func validate(
        sources: [Source], entities: [Entity], relationships: [Relationship], sourceTexts: [String: String],
        partiallyKnown: Set<NodeID> = [], partiallyKnownSources: Set<String> = [],
        minimumChunk: Int = DatasetValidator.minimumChunk, vocabulary: DeclaredVocabulary = .empty
    ) -> Result {
        var context = Context(sourceTexts: sourceTexts, partiallyKnown: partiallyKnown, partiallyKnownSources: partiallyKnownSources)
        var findings = context.checkSources(sources)
        findings += checkVocabulary(vocabulary, entities: entities, relationships: relationships)

        // The id index, sequentially: a later duplicate replaces an earlier one, as the checks expect.
        var indexByID = [NodeID: Int32](minimumCapacity: entities.count)
        var kinds: [NodeKind] = []
        kinds.reserveCapacity(entities.count)
        var duplicates = [Bool](repeating: false, count: entities.count)
        for (index, entity) in entities.enumerated() {
            kinds.append(entity.kind)
            if indexByID.updateValue(Int32(index), forKey: entity.id) != nil { duplicates[index] = true }
        }
        context.indexByID = indexByID
        context.kinds = kinds

        // Chunks of nodes, then chunks of relations, checked in parallel; findings kept in chunk order.
        let entityChunks = chunks(entities.count, minimum: minimumChunk)
        let relationChunks = chunks(relationships.count, minimum: minimumChunk)
        var fromIndices = [Int32](repeating: -1, count: relationships.count)
        var toIndices = [Int32](repeating: -1, count: relationships.count)
        let chunkFindings = UnsafeMutableBufferPointer<[Finding]>.allocate(capacity: entityChunks.count + relationChunks.count)
        chunkFindings.initialize(repeating: [])
        defer { chunkFindings.deinitialize().deallocate() }
        fromIndices.withUnsafeMutableBufferPointer { from in
            toIndices.withUnsafeMutableBufferPointer { to in
                let shared = Shared(context: context, entities: entities, relationships: relationships,
                                    duplicates: duplicates, from: from, to: to, findings: chunkFindings)
                DispatchQueue.concurrentPerform(iterations: entityChunks.count + relationChunks.count) { chunk in
                    var local = shared.context
                    if chunk < entityChunks.count {
                        local.checkEntities(shared.entities, in: entityChunks[chunk], duplicates: shared.duplicates)
                    } else {
                        local.checkRelationships(shared.relationships, in: relationChunks[chunk - entityChunks.count],
                                                 from: shared.from, to: shared.to)
                    }
                    shared.findings[chunk] = local.findings
                }
            }
        }
        for chunk in chunkFindings { findings.append(contentsOf: chunk) }
        findings += checkPlaces(relationships: relationships, entities: entities, from: fromIndices, to: toIndices)
        return Result(findings: findings, indexByID: indexByID, fromIndices: fromIndices, toIndices: toIndices)
    }

    /// Splits `0..<count` into about as many ranges as there are cores (times four, to balance), each at least `minimum`.
    static func chunks(_ count: Int, minimum: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let wanted = max(1, min(count / max(1, minimum), ProcessInfo.processInfo.activeProcessorCount * 4))
        let size = (count + wanted - 1) / wanted
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// What the chunks share, read-only (the output buffers are written at disjoint places).
    private struct Shared: @unchecked Sendable {
        let context: Context
        let entities: [Entity]
        let relationships: [Relationship]
        let duplicates: [Bool]
        let from: UnsafeMutableBufferPointer<Int32>
        let to: UnsafeMutableBufferPointer<Int32>
        let findings: UnsafeMutableBufferPointer<[Finding]>
    }

    /// The checks, with what they look things up in and the findings of one chunk.
    private struct Context {
        var findings: [Finding] = []
        var sourceIDs = Set<String>()
        /// Publication date of each source, for the dates of status claims.
        var sourceDates: [String: PartialDate] = [:]
        let foldedTexts: [String: String]
        let partiallyKnown: Set<NodeID>
        let partiallyKnownSources: Set<String>
        var indexByID: [NodeID: Int32] = [:]
        var kinds: [NodeKind] = []
        let allowed = RelationEnds()

        init(sourceTexts: [String: String], partiallyKnown: Set<NodeID>, partiallyKnownSources: Set<String>) {
            foldedTexts = sourceTexts.mapValues { $0.quoteKey }
            self.partiallyKnown = partiallyKnown
            self.partiallyKnownSources = partiallyKnownSources
        }

        mutating func report(_ path: [JSONPathComponent], _ message: String, fix: String? = nil) {
            findings.append(Finding(path: path, message: message, fix: fix))
        }

        /// Checks the sources and records their ids; returns the findings.
        mutating func checkSources(_ sources: [Source]) -> [Finding] {
            sourceIDs.reserveCapacity(sources.count)
            for (index, source) in sources.enumerated() {
                let path: [JSONPathComponent] = [.key("sources"), .index(index)]
                if source.id.isEmpty { report(path + [.key("id")], "a source id cannot be empty", fix: "give it a short id such as 'ppp-2026-02-03'") }
                if sourceDates[source.id] == nil { sourceDates[source.id] = source.date }
                if !sourceIDs.insert(source.id).inserted {
                    report(path + [.key("id")], "duplicate source id '\(source.id)'", fix: "give each source its own id")
                }
                if source.publisher.isBlank { report(path + [.key("publisher")], "the publisher is empty", fix: "name who published the report") }
                if source.title.isBlank { report(path + [.key("title")], "the title is empty", fix: "give the report's title") }
            }
            defer { findings = [] }
            return findings
        }

        // Paths are built only when a finding is reported: the hot loops below allocate nothing per element.
        /// `field` is where the records stand in the element: `"evidence"`, `"attested"`, or `"status_claims"` (records
        /// all checked as evidence: a known source, a quote found verbatim in its text).
        mutating func checkEvidence(_ evidence: [Evidence], section: String, index: Int, what: String, field: String = "evidence") {
            if evidence.isEmpty {
                report([.key(section), .index(index), .key(field)], "\(what) cites no source",
                       fix: "add an evidence record {\"source\": ID, \"quote\": \"the sentence that supports it\"}")
            }
            for (recordIndex, record) in evidence.enumerated() {
                if !sourceIDs.contains(record.source), !partiallyKnownSources.contains(record.source) {
                    let hint = nearest(to: record.source, among: sourceIDs)
                    report([.key(section), .index(index), .key(field), .index(recordIndex), .key("source")],
                           "unknown source '\(record.source.shownInMessage)'",
                           fix: hint.isEmpty ? "declare it under \"sources\"" : "did you mean '\(hint[0])'?")
                }
                if record.quote.utf8.count > DatasetValidator.maximumQuoteBytes {
                    report([.key(section), .index(index), .key(field), .index(recordIndex), .key("quote")],
                           "the quote is longer than \(DatasetValidator.maximumQuoteBytes) bytes (\(record.quote.utf8.count))",
                           fix: "quote the sentence that supports the fact, not the whole report")
                } else if record.quote.isBlank {
                    report([.key(section), .index(index), .key(field), .index(recordIndex), .key("quote")],
                           "the quote is empty", fix: "quote the sentence of the source that supports the fact")
                } else if !foldedTexts.isEmpty, let text = foldedTexts[record.source], !text.contains(record.quote.quoteKey) {
                    report([.key(section), .index(index), .key(field), .index(recordIndex), .key("quote")],
                           "the quote is not in the text of source '\(record.source)'",
                           fix: "copy the words exactly as the source has them")
                }
            }
        }

        mutating func checkEntities(_ entities: [Entity], in range: Range<Int>, duplicates: [Bool]) {
            for index in range {
                let entity = entities[index]
                func path(_ rest: JSONPathComponent...) -> [JSONPathComponent] { [.key("nodes"), .index(index)] + rest }
                if let problem = entity.id.slugProblem {
                    report(path(.key("id")), "invalid id '\(entity.id.rawValue.shownInMessage)': \(problem)")
                } else if !entity.id.hasPrefix(kind: entity.kind) {
                    report(path(.key("id")), "the id '\(entity.id)' does not start with its kind '\(entity.kind.rawValue)/'",
                           fix: "rename it '\(entity.kind.rawValue)/\(entity.id.rawValue.split(separator: "/").last ?? "")'")
                }
                if duplicates[index] {
                    report(path(.key("id")), "duplicate id '\(entity.id)'", fix: "each node needs its own id; merge the two or rename one")
                }
                if entity.name.isBlank { report(path(.key("name")), "the name is empty", fix: "give the name as the source writes it") }
                if entity.name.utf8.count > DatasetValidator.maximumNameBytes {
                    report(path(.key("name")), "the name '\(entity.name.shownInMessage)' is longer than \(DatasetValidator.maximumNameBytes) bytes",
                           fix: "give the name as the source writes it; put longer text in \"note\"")
                }
                for (aliasIndex, alias) in entity.aliases.enumerated() {
                    if alias.isBlank { report(path(.key("aliases"), .index(aliasIndex)), "an alias is empty", fix: "remove it") }
                    if alias.utf8.count > DatasetValidator.maximumNameBytes {
                        report(path(.key("aliases"), .index(aliasIndex)), "the alias '\(alias.shownInMessage)' is longer than \(DatasetValidator.maximumNameBytes) bytes",
                               fix: "give the name as the source writes it")
                    }
                }
                if entity.kind == .meeting {
                    if entity.meeting == nil {
                        report(path(), "a meeting needs \"meeting_kind\", \"start\" and \"status\"", fix: "add them, e.g. \"meeting_kind\": \"bilateral-summit\"")
                    }
                    checkEvidence(entity.evidence, section: "nodes", index: index, what: "the meeting")
                    if let claims = entity.meeting?.claims, !claims.isEmpty { checkClaims(claims, index: index) }
                } else {
                    if entity.meeting != nil {
                        report(path(), "only meetings have a meeting kind, dates, place and status", fix: "remove those fields or set \"kind\": \"meeting\"")
                    }
                    if !entity.evidence.isEmpty { checkEvidence(entity.evidence, section: "nodes", index: index, what: "the node") }
                }
            }
        }

        /// Status claims: each cites a known source with a verbatim quote, is dated no later than its source was
        /// published, and at least one asserts a status (does not dispute).
        mutating func checkClaims(_ claims: [StatusClaim], index: Int) {
            checkEvidence(claims.map { Evidence(source: $0.source, quote: $0.quote, stance: $0.stance) },
                          section: "nodes", index: index, what: "the status", field: "status_claims")
            for (claimIndex, claim) in claims.enumerated() {
                guard let published = sourceDates[claim.source], claim.date.firstDay > published.lastDay else { continue }
                report([.key("nodes"), .index(index), .key("status_claims"), .index(claimIndex), .key("date")],
                       "the claim is dated \(claim.date), after its source '\(claim.source)' was published (\(published))",
                       fix: "a source reports a status as of its publication date or earlier; leave \"date\" out to use \(published)")
            }
            if !claims.contains(where: { $0.stance != .disputes }) {
                report([.key("nodes"), .index(index), .key("status_claims")], "every status claim disputes; none says what the status is",
                       fix: "add the claim of the source that reports the status")
            }
        }

        mutating func checkRelationships(
            _ relationships: [Relationship], in range: Range<Int>,
            from fromIndices: UnsafeMutableBufferPointer<Int32>, to toIndices: UnsafeMutableBufferPointer<Int32>
        ) {
            // Relations are often grouped by one end (the participants of a meeting): remember the last lookup.
            var lastFrom: (id: NodeID, index: Int32)?, lastTo: (id: NodeID, index: Int32)?
            for index in range {
                let relationship = relationships[index]
                func path(_ rest: JSONPathComponent...) -> [JSONPathComponent] { [.key("relations"), .index(index)] + rest }
                var resolved: Int32 = -1
                func resolve(_ id: NodeID, field: String) -> NodeKind? {
                    if let entityIndex = indexByID[id] { resolved = entityIndex; return kinds[Int(entityIndex)] }
                    resolved = -1
                    if partiallyKnown.contains(id) { return nil }
                    let hint = nearest(to: id.rawValue, among: indexByID.keys.lazy.map(\.rawValue))
                    report(path(.key(field)), "'\(id.rawValue.shownInMessage)' is not the id of any node",
                           fix: hint.isEmpty ? "declare the node under \"nodes\" or correct the id" : "did you mean '\(hint[0])'?")
                    return nil
                }
                /// Resolves an endpoint, reusing the previous relationship's lookup when the id repeats.
                func resolveEnd(_ id: NodeID, field: String, last: inout (id: NodeID, index: Int32)?) -> NodeKind? {
                    if let previous = last, previous.id == id {
                        resolved = previous.index
                        return kinds[Int(resolved)]
                    }
                    let kind = resolve(id, field: field)
                    if resolved >= 0 { last = (id, resolved) }
                    return kind
                }
                let fromKind = resolveEnd(relationship.from, field: "from", last: &lastFrom)
                fromIndices[index] = resolved
                let toKind = resolveEnd(relationship.to, field: "to", last: &lastTo)
                toIndices[index] = resolved
                let relation = relationship.relation
                if let fromKind, let toKind, !allowed.allows(relation, from: fromKind, to: toKind) {
                    let ends = relation.allowedEnds
                    report(path(), "'\(relation.rawValue)' cannot join \(fromKind.withArticle) to \(toKind.withArticle)",
                           fix: "it goes from \(ends.from.sorted().map(\.rawValue).joined(separator: "/")) to \(ends.to.sorted().map(\.rawValue).joined(separator: "/"))")
                }
                if relation == .participantIn {
                    if let capacity = relationship.capacity, let kind = resolve(capacity, field: "capacity") {
                        switch kind {
                        case .office, .organ, .party, .country: break
                        default: report(path(.key("capacity")), "a capacity is an office, organ, party or country, not \(kind.withArticle)")
                        }
                    }
                    if let leader = relationship.ledBy, let kind = resolve(leader, field: "led_by"), kind != .person {
                        report(path(.key("led_by")), "'led_by' names a person, not \(kind.withArticle)")
                    }
                    if relationship.ledBy != nil, fromKind == .person {
                        report(path(.key("led_by")), "a person taking part is not 'led by' anyone", fix: "remove 'led_by' or make the participant the body they lead")
                    }
                } else {
                    if relationship.role != nil { report(path(.key("role")), "'role' belongs only to 'participant-in' relations", fix: "remove it") }
                    if relationship.capacity != nil { report(path(.key("capacity")), "'capacity' belongs only to 'participant-in' relations", fix: "remove it") }
                    if relationship.ledBy != nil { report(path(.key("led_by")), "'led_by' belongs only to 'participant-in' relations", fix: "remove it") }
                }
                if relationship.from == relationship.to {
                    report(path(), "a relation cannot join '\(relationship.from)' to itself")
                }
                checkEvidence(relationship.evidence, section: "relations", index: index, what: "the relation")
                if !relationship.attestations.isEmpty { checkAttestations(of: relationship, index: index) }
            }
        }

        /// Attestations belong to holdings, lie inside the stated bounds and cite sources like evidence does.
        mutating func checkAttestations(of relationship: Relationship, index: Int) {
            let path: [JSONPathComponent] = [.key("relations"), .index(index), .key("attested")]
            guard Dataset.isHolding(relationship.relation) else {
                report(path, "'attested' belongs only to holdings: 'holds', 'heads' and 'member-of'", fix: "remove it")
                return
            }
            for (position, attestation) in relationship.attestations.enumerated() {
                if let start = relationship.valid.start, attestation.date.lastDay < start.firstDay {
                    report(path + [.index(position), .key("date")],
                           "attested on \(attestation.date), before the stated start \(start)",
                           fix: "correct the date, or the start (a stated bound must agree with what the sources show)")
                }
                if let end = relationship.valid.end, attestation.date.firstDay > end.lastDay {
                    report(path + [.index(position), .key("date")],
                           "attested on \(attestation.date), after the stated end \(end)",
                           fix: "correct the date, or the end (a stated bound must agree with what the sources show)")
                }
            }
            checkEvidence(relationship.attestations.map(\.evidence), section: "relations", index: index, what: "the attestation", field: "attested")
        }
    }
}

/// ``Relation/allows(from:to:)`` as a table, computed once per validation instead of building sets per relationship.
struct RelationEnds {
    private var table: [Bool]

    init() {
        table = []
        for relation in Relation.allCases {
            for from in NodeKind.allCases {
                for to in NodeKind.allCases { table.append(relation.allows(from: from, to: to)) }
            }
        }
    }

    func allows(_ relation: Relation, from: NodeKind, to: NodeKind) -> Bool {
        let kinds = NodeKind.allCases.count
        return table[(relation.caseIndex * kinds + from.caseIndex) * kinds + to.caseIndex]
    }
}

extension Relation {
    /// The position of the case in ``allCases`` (declaration order), without searching.
    var caseIndex: Int {
        switch self {
        case .partOf: 0
        case .officeOf: 1
        case .holds: 2
        case .heads: 3
        case .memberOf: 4
        case .basedIn: 5
        case .participantIn: 6
        case .hosts: 7
        case .invites: 8
        case .parallelWith: 9
        case .locatedIn: 10
        case .heldAt: 11
        }
    }
}

extension NodeKind {
    /// The position of the case in ``allCases`` (declaration order), without searching.
    var caseIndex: Int {
        switch self {
        case .party: 0
        case .organ: 1
        case .office: 2
        case .person: 3
        case .country: 4
        case .meeting: 5
        case .place: 6
        }
    }
}

extension NodeID {
    /// Whether the id starts with `kind/`, like `prefix == kind.rawValue` without building a substring.
    func hasPrefix(kind: NodeKind) -> Bool {
        let name = kind.rawValue.utf8
        let bytes = rawValue.utf8
        guard bytes.count > name.count else { return false }
        var position = bytes.startIndex
        for byte in name {
            guard bytes[position] == byte else { return false }
            position = bytes.index(after: position)
        }
        return bytes[position] == UInt8(ascii: "/")
    }
}

extension String {
    /// The text with runs of white space folded to one space and typographic quotes made plain,
    /// so a quote matches its source despite line wrapping.
    var quoteKey: String {
        var key = ""
        var pendingSpace = false
        for character in nfc {
            if character.isWhitespace { pendingSpace = !key.isEmpty; continue }
            if pendingSpace { key.append(" "); pendingSpace = false }
            switch character {
            case "’", "‘": key.append("'")
            case "“", "”": key.append("\"")
            case "–", "—": key.append("-")
            default: key.append(character)
            }
        }
        return key
    }
}

extension NodeKind {
    /// "a party", "an office".
    var withArticle: String { (rawValue.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + rawValue }
}
