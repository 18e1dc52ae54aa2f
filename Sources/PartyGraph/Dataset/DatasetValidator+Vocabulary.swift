extension DatasetValidator {
    /// Checks the declared vocabulary (ids, labels, what each refines) and that every meeting kind and role
    /// refined by a declared term names a declared one whose refinements end in the record's core value.
    ///
    /// A use of a declaration that is itself broken is not reported again (one error per cause).
    static func checkVocabulary(_ vocabulary: DeclaredVocabulary, entities: [Entity], relationships: [Relationship]) -> [Finding] {
        let resolved = ResolvedVocabulary(vocabulary)
        var findings = resolved.findings(tooManyRoles: vocabulary.roles.count > DeclaredVocabulary.maximumRoles)
        let coreKinds = MeetingKind.allCases.map(\.rawValue), coreRoles = ParticipantRole.allCases.map(\.rawValue)
        for (index, entity) in entities.enumerated() {
            guard let meeting = entity.meeting, let refined = meeting.refinedKind else { continue }
            let path: [JSONPathComponent] = [.key("nodes"), .index(index), .key("meeting_kind")]
            guard let position = resolved.meetingKinds.positions[refined] else {
                let declared = vocabulary.meetingKinds.map(\.id)
                let hint = nearest(to: refined, among: coreKinds + declared)
                findings.append(Finding(path: path, message: "unknown meeting kind '\(refined.shownInMessage)'",
                                        fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + (coreKinds + declared).joined(separator: ", ")))
                continue
            }
            if let core = resolved.meetingKinds.cores[position], core != meeting.kind {
                findings.append(Finding(path: path, message: "'\(refined)' refines the core kind '\(core.rawValue)', not '\(meeting.kind.rawValue)'",
                                        fix: "give the meeting the core kind '\(core.rawValue)'"))
            }
        }
        for (index, relationship) in relationships.enumerated() {
            guard let refined = relationship.refinedRole else { continue }
            let path: [JSONPathComponent] = [.key("relations"), .index(index), .key("role")]
            guard let term = vocabulary.role(refined) else {
                findings.append(Finding(path: path, message: "no declared role at position \(refined.position)",
                                        fix: "declare it under \"vocabulary\".\"roles\", or use one of: " + coreRoles.joined(separator: ", ")))
                continue
            }
            guard let core = resolved.roles.cores[Int(refined.position)] else { continue }
            if relationship.role != core {
                findings.append(Finding(path: path, message: "'\(term.id)' refines the core role '\(core.rawValue)', not '\(relationship.role?.rawValue ?? "none")'",
                                        fix: "give the participation the core role '\(core.rawValue)'"))
            }
        }
        return findings
    }
}
