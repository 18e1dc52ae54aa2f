/// The kernel shared by the rules that keep a dataset as some of its sources state it (``Dataset/known(at:)``,
/// ``Dataset/admitting(sourceKinds:)``):
/// - evidence records and status claims citing other sources are dropped;
/// - a meeting with status claims has the status of its current remaining claim (``StatusClaim/current(of:)``), and is
///   left out when no claim remains; a meeting with a single `status` (format version 1) stays while it cites one of
///   the kept sources, with that status;
/// - a relationship is left out when it cites sources and none of them is kept, or when it touches a left-out
///   meeting; other nodes stay (an actor is not a claim), citing only the kept sources.
extension Dataset {
    /// The dataset as only the sources with these ids state it (see the rule above).
    ///
    /// - Complexity: O(n) in the nodes, relationships and their evidence.
    func citing(onlySources keptSources: Set<String>) -> Dataset {
        func kept(_ records: [Evidence]) -> [Evidence] { records.filter { keptSources.contains($0.source) } }

        var entities: [Entity] = []
        entities.reserveCapacity(self.entities.count)
        var indexByID: [NodeID: Int32] = [:]
        for var entity in self.entities {
            let evidence = kept(entity.evidence)
            if var meeting = entity.meeting, entity.kind == .meeting {
                if meeting.claims.isEmpty {
                    if evidence.isEmpty { continue }
                } else {
                    meeting.claims = meeting.claims.filter { keptSources.contains($0.source) }
                    guard StatusClaim.current(of: meeting.claims) != nil else { continue }
                    meeting.refreshStatusFromClaims()
                }
                entity.meeting = meeting
            }
            entity.evidence = evidence
            indexByID[entity.id] = Int32(entities.count)
            entities.append(entity)
        }
        var relationships: [Relationship] = []
        var from: [Int32] = [], to: [Int32] = []
        for var relationship in self.relationships {
            guard let fromIndex = indexByID[relationship.from], let toIndex = indexByID[relationship.to] else { continue }
            let evidence = kept(relationship.evidence)
            if !relationship.evidence.isEmpty, evidence.isEmpty { continue }
            relationship.evidence = evidence
            relationships.append(relationship)
            from.append(fromIndex)
            to.append(toIndex)
        }
        return Dataset(
            validatedTitle: title, description: description, sources: sources, entities: entities,
            relationships: relationships, vocabulary: vocabulary,
            validation: DatasetValidator.Result(findings: [], indexByID: indexByID, fromIndices: from, toIndices: to),
            warnings: warnings)
    }
}
