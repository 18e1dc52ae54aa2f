/// Checks the invariants of a dataset that parsing alone cannot: unique ids, resolvable references,
/// allowed relation ends, cited sources, verbatim quotes.
enum DatasetValidator {
    /// The findings, and the indexes built on the way so a valid dataset need not build them again.
    struct Result {
        var findings: [Finding]
        var indexByID: [NodeID: Int32]
        var fromIndices: [Int32]
        var toIndices: [Int32]
    }

    /// Validates; ids in `partiallyKnown` belong to nodes that failed to decode and are not reported as missing.
    static func validate(
        sources: [Source], entities: [Entity], relationships: [Relationship], sourceTexts: [String: String],
        partiallyKnown: Set<NodeID> = []
    ) -> Result {
        var findings: [Finding] = []
        func report(_ path: [JSONPathComponent], _ message: String, fix: String? = nil) {
            findings.append(Finding(path: path, message: message, fix: fix))
        }

        var sourceIDs = Set<String>()
        for (index, source) in sources.enumerated() {
            let path: [JSONPathComponent] = [.key("sources"), .index(index)]
            if source.id.isEmpty { report(path + [.key("id")], "a source id cannot be empty", fix: "give it a short id such as 'ppp-2026-02-03'") }
            if !sourceIDs.insert(source.id).inserted {
                report(path + [.key("id")], "duplicate source id '\(source.id)'", fix: "give each source its own id")
            }
            if source.publisher.trimmed.isEmpty { report(path + [.key("publisher")], "the publisher is empty", fix: "name who published the report") }
            if source.title.trimmed.isEmpty { report(path + [.key("title")], "the title is empty", fix: "give the report's title") }
        }
        let foldedTexts = sourceTexts.mapValues { $0.quoteKey }

        func checkEvidence(_ evidence: [Evidence], at path: [JSONPathComponent], what: String) {
            if evidence.isEmpty {
                report(path + [.key("evidence")], "\(what) cites no source",
                       fix: "add an evidence record {\"source\": ID, \"quote\": \"the sentence that supports it\"}")
            }
            for (index, record) in evidence.enumerated() {
                let recordPath = path + [.key("evidence"), .index(index)]
                if !sourceIDs.contains(record.source) {
                    let hint = nearest(to: record.source, among: sourceIDs)
                    report(recordPath + [.key("source")], "unknown source '\(record.source)'",
                           fix: hint.isEmpty ? "declare it under \"sources\"" : "did you mean '\(hint[0])'?")
                }
                if record.quote.trimmed.isEmpty {
                    report(recordPath + [.key("quote")], "the quote is empty", fix: "quote the sentence of the source that supports the fact")
                } else if let text = foldedTexts[record.source], !text.contains(record.quote.quoteKey) {
                    report(recordPath + [.key("quote")], "the quote is not in the text of source '\(record.source)'",
                           fix: "copy the words exactly as the source has them")
                }
            }
        }

        var indexByID = [NodeID: Int32](minimumCapacity: entities.count)
        for (index, entity) in entities.enumerated() {
            let path: [JSONPathComponent] = [.key("nodes"), .index(index)]
            if let problem = entity.id.slugProblem {
                report(path + [.key("id")], "invalid id '\(entity.id)': \(problem)")
            } else if entity.id.prefix != entity.kind.rawValue {
                report(path + [.key("id")], "the id '\(entity.id)' does not start with its kind '\(entity.kind.rawValue)/'",
                       fix: "rename it '\(entity.kind.rawValue)/\(entity.id.rawValue.split(separator: "/").last ?? "")'")
            }
            if indexByID.updateValue(Int32(index), forKey: entity.id) != nil {
                report(path + [.key("id")], "duplicate id '\(entity.id)'", fix: "each node needs its own id; merge the two or rename one")
            }
            if entity.name.trimmed.isEmpty { report(path + [.key("name")], "the name is empty", fix: "give the name as the source writes it") }
            for (aliasIndex, alias) in entity.aliases.enumerated() where alias.trimmed.isEmpty {
                report(path + [.key("aliases"), .index(aliasIndex)], "an alias is empty", fix: "remove it")
            }
            if entity.kind == .meeting {
                if entity.meeting == nil {
                    report(path, "a meeting needs \"meeting_kind\", \"start\" and \"status\"", fix: "add them, e.g. \"meeting_kind\": \"bilateral-summit\"")
                }
                checkEvidence(entity.evidence, at: path, what: "the meeting")
            } else {
                if entity.meeting != nil {
                    report(path, "only meetings have a meeting kind, dates, place and status", fix: "remove those fields or set \"kind\": \"meeting\"")
                }
                if !entity.evidence.isEmpty { checkEvidence(entity.evidence, at: path, what: "the node") }
            }
        }

        var fromIndices = [Int32](repeating: -1, count: relationships.count)
        var toIndices = [Int32](repeating: -1, count: relationships.count)
        for (index, relationship) in relationships.enumerated() {
            let path: [JSONPathComponent] = [.key("relations"), .index(index)]
            var resolved: Int32 = -1
            func resolve(_ id: NodeID, field: String) -> NodeKind? {
                if let entityIndex = indexByID[id] { resolved = entityIndex; return entities[Int(entityIndex)].kind }
                resolved = -1
                if partiallyKnown.contains(id) { return nil }
                let hint = nearest(to: id.rawValue, among: indexByID.keys.lazy.map(\.rawValue))
                report(path + [.key(field)], "'\(id)' is not the id of any node",
                       fix: hint.isEmpty ? "declare the node under \"nodes\" or correct the id" : "did you mean '\(hint[0])'?")
                return nil
            }
            let fromKind = resolve(relationship.from, field: "from")
            fromIndices[index] = resolved
            let toKind = resolve(relationship.to, field: "to")
            toIndices[index] = resolved
            let relation = relationship.relation
            if let fromKind, let toKind, !relation.allows(from: fromKind, to: toKind) {
                let ends = relation.allowedEnds
                report(path, "'\(relation.rawValue)' cannot join \(fromKind.withArticle) to \(toKind.withArticle)",
                       fix: "it goes from \(ends.from.sorted().map(\.rawValue).joined(separator: "/")) to \(ends.to.sorted().map(\.rawValue).joined(separator: "/"))")
            }
            if relation == .participantIn {
                if let capacity = relationship.capacity, let kind = resolve(capacity, field: "capacity"),
                   ![.office, .organ, .party, .country].contains(kind) {
                    report(path + [.key("capacity")], "a capacity is an office, organ, party or country, not \(kind.withArticle)")
                }
                if let leader = relationship.ledBy, let kind = resolve(leader, field: "led_by"), kind != .person {
                    report(path + [.key("led_by")], "'led_by' names a person, not \(kind.withArticle)")
                }
                if relationship.ledBy != nil, fromKind == .person {
                    report(path + [.key("led_by")], "a person taking part is not 'led by' anyone", fix: "remove 'led_by' or make the participant the body they lead")
                }
            } else {
                for (field, present) in [("role", relationship.role != nil), ("capacity", relationship.capacity != nil), ("led_by", relationship.ledBy != nil)] where present {
                    report(path + [.key(field)], "'\(field)' belongs only to 'participant-in' relations", fix: "remove it")
                }
            }
            if relationship.from == relationship.to {
                report(path, "a relation cannot join '\(relationship.from)' to itself")
            }
            checkEvidence(relationship.evidence, at: path, what: "the relation")
        }
        return Result(findings: findings, indexByID: indexByID, fromIndices: fromIndices, toIndices: toIndices)
    }
}

extension String {
    var trimmed: Substring {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

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
