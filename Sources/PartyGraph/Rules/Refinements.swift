/// The refinement rule: a declared meeting kind or role is its core value for every rule, and is shown as
/// itself in answers. A filter on a core kind includes every declared kind refining it; a filter on a declared
/// kind admits exactly that kind and the declared kinds refining it, at any depth.
extension Dataset {
    /// The filter restricted to meetings of these kinds: core kinds (with their refinements) or declared ones.
    ///
    /// - Throws: ``PartyGraphError/unknownMeetingKind(_:suggestions:allowed:)`` for a kind that is neither core
    ///   nor declared by the dataset, with the nearest of both.
    public func restricting(_ filter: QueryFilter, toMeetingKinds kinds: [String]) throws(PartyGraphError) -> QueryFilter {
        guard !kinds.isEmpty else { return filter }
        var core: Set<MeetingKind> = []
        var declared: [String] = []
        var admitted: Set<String> = []
        let declarations = vocabulary.meetingKinds
        for kind in kinds {
            if let value = MeetingKind(rawValue: kind) {
                core.insert(value)
            } else if let position = resolvedVocabulary.meetingKinds.positions[kind] {
                if !declared.contains(kind) { declared.append(kind) }
                admitted.formUnion(resolvedVocabulary.meetingKinds.refinements(of: position, in: declarations))
            } else {
                let allowed = MeetingKind.allCases.map(\.rawValue) + declarations.map(\.id)
                throw .unknownMeetingKind(kind, suggestions: nearest(to: kind, among: allowed), allowed: allowed)
            }
        }
        var restricted = filter
        restricted.meetingKinds = (filter.meetingKinds ?? []).union(core)
        restricted.declaredKinds = declared.isEmpty ? filter.declaredKinds : (filter.declaredKinds ?? []) + declared
        restricted.declaredKindsAdmitted = filter.declaredKindsAdmitted.union(admitted)
        return restricted
    }

    /// The declared meeting kind of a meeting, if it has one.
    public func declaredKind(of meeting: MeetingDetails) -> DeclaredTerm? {
        meeting.refinedKind.flatMap { id in resolvedVocabulary.meetingKinds.positions[id].map { vocabulary.meetingKinds[$0] } }
    }

    /// The declared role of a participation, if it has one.
    public func declaredRole(of relationship: Relationship) -> DeclaredTerm? {
        relationship.refinedRole.flatMap { vocabulary.role($0) }
    }
}
