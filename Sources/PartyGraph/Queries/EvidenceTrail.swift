/// What an answer cites: the relationships behind an attendance and its lift, with the evidence of each.
extension Dataset {
    /// The relationships behind an attendance and a level chain, with names and evidence.
    func basis(_ attendance: Attendance, chain: [Int32], span: DateSpan?) -> [UsedRelation] {
        var used: [UsedRelation] = []
        for (position, relationshipIndex) in attendance.relationships.enumerated() {
            used.append(usedRelation(relationshipIndex, span: span))
            if position == 0 && attendance.viaLeadership, let leader = relationships[Int(relationshipIndex)].ledBy {
                let body = relationships[Int(relationshipIndex)].from
                used.append(UsedRelation(
                    relation: .leads, from: leader, fromName: name(of: leader), to: body, toName: name(of: body),
                    evidence: citations(relationships[Int(relationshipIndex)].evidence), tenure: nil,
                    disputed: relationships[Int(relationshipIndex)].evidence.isDisputed))
            }
        }
        for relationshipIndex in chain where !attendance.relationships.contains(relationshipIndex) {
            used.append(usedRelation(relationshipIndex, span: span))
        }
        return used
    }

    /// A relationship as answers cite it; a holding carries its certainty on the days of `span`.
    func usedRelation(_ relationshipIndex: Int32, span: DateSpan?) -> UsedRelation {
        let relationship = relationships[Int(relationshipIndex)]
        // The endpoints' names through the relationship's entity indices (checked against the ids) instead of
        // hashing both ids for every relation used.
        let from = entities[Int(fromIndices[Int(relationshipIndex)])], to = entities[Int(toIndices[Int(relationshipIndex)])]
        return UsedRelation(
            relation: .relation(relationship.relation), from: relationship.from,
            fromName: from.id == relationship.from ? from.name : name(of: relationship.from),
            to: relationship.to, toName: to.id == relationship.to ? to.name : name(of: relationship.to),
            evidence: citations(relationship.attestations.isEmpty ? relationship.evidence : relationship.evidence + relationship.attestations.map(\.evidence)),
            tenure: Dataset.isHolding(relationship.relation) ? certainty(of: relationshipIndex, during: span) : nil,
            disputed: relationship.evidence.isDisputed)
    }

    func citations(_ records: [Evidence]) -> [NodeReport.Citation] {
        records.map { record in
            let source = sourcePosition(record.source).map { sources[$0] }
            return NodeReport.Citation(source: record.source, publisher: source?.publisher ?? "", date: source?.date.description ?? "",
                                       quote: record.quote, stance: record.stance)
        }
    }

    /// An attendance and its level chain as answers give them; `span` is the days holdings are checked on
    /// (``QueryFilter/checkedSpan(for:)`` of the meeting).
    func participation(_ attendance: Attendance, chain: [Int32], span: DateSpan?) -> Participation {
        let basis = basis(attendance, chain: chain, span: span)
        // The weakest link decides: an inferred holding makes the participation inferred.
        var certainty = attendance.tenure ?? .stated
        for used in basis { if let tenure = used.tenure, tenure.level > certainty.level { certainty = tenure } }
        return Participation(
            derivation: attendance.derivation,
            attendee: ActorRef(entities[attendance.attendee], holderNotNamed: attendance.holderNotNamed, tenure: attendance.tenure),
            participant: ActorRef(entities[attendance.participant]),
            role: attendance.role,
            capacity: attendance.capacity.map { ActorRef(entities[$0]) },
            basis: basis, certainty: certainty,
            declaredRole: attendance.relationships.first.flatMap { declaredRole(of: relationships[Int($0)]) })
    }
}
