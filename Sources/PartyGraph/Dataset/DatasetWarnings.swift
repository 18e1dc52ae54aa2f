/// What validation reports as a warning, not an error: the data is consistent, but its sources disagree.
///
/// - a meeting whose status claims contradict each other (``StatusClaim/contradictions(in:)``);
/// - a node or relationship with an evidence record that disputes it.
///
/// Findings come in file order: nodes, then relations.
enum DatasetWarnings {
    static func findings(entities: [Entity], relationships: [Relationship]) -> [Finding] {
        var findings: [Finding] = []
        for (index, entity) in entities.enumerated() {
            if let claims = entity.meeting?.claims, !claims.isEmpty {
                for positions in StatusClaim.contradictions(in: claims) {
                    let first = claims[positions[0]]
                    let path: [JSONPathComponent] = [.key("nodes"), .index(index), .key("status_claims"), .index(positions[0])]
                    if positions.count == 1 {
                        findings.append(Finding(
                            path: path, message: "source '\(first.source)' disputes that the meeting is \(first.status.rawValue)",
                            fix: "the meeting is marked contested in answers; check the sources"))
                    } else {
                        let said = positions.map { "'\(claims[$0].source)' says \(claims[$0].status.rawValue)" }.joined(separator: ", ")
                        findings.append(Finding(
                            path: path, message: "contradicting status claims on \(first.date): \(said)",
                            fix: "answers use the last of them in file order and mark the meeting contested; check the sources"))
                    }
                }
            }
            for (recordIndex, record) in entity.evidence.enumerated() where record.stance == .disputes {
                findings.append(disputed(record, path: [.key("nodes"), .index(index), .key("evidence"), .index(recordIndex)], what: "node"))
            }
        }
        for (index, relationship) in relationships.enumerated() {
            for (recordIndex, record) in relationship.evidence.enumerated() where record.stance == .disputes {
                findings.append(disputed(record, path: [.key("relations"), .index(index), .key("evidence"), .index(recordIndex)], what: "relation"))
            }
        }
        return findings
    }

    private static func disputed(_ record: Evidence, path: [JSONPathComponent], what: String) -> Finding {
        Finding(path: path, message: "source '\(record.source)' disputes the \(what)",
                fix: "the \(what) still counts; answers mark it disputed and cite both sides")
    }
}
