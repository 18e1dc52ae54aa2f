extension Dataset {
    /// The meetings at which a person can have an attendance at person level, as entity indices in the order of
    /// ``meetings``; `nil` when the question is not that one (then every meeting has to be looked at).
    ///
    /// A person attends a meeting at person level only through an attendance whose attendee is the person (see
    /// ``attendances(ofMeeting:filter:)``): a `participant-in` or `hosts` from the person, a `participant-in` whose
    /// `led_by` names the person, or a `participant-in` from an office the person `holds`. The set returned holds
    /// every such meeting, whatever the dates (the holds in force are checked later, meeting by meeting), so
    /// ``encounters(_:)`` gives the same answer from it as from every meeting, without reading every meeting.
    func personLevelCandidateMeetings(of actor: Int, level: EncounterLevel) -> [Int]? {
        guard level == .person, entities[actor].kind == .person else { return nil }
        var meetings = Set<Int>()
        func addMeetings(from node: Int) {
            for relationship in outgoingIndices(of: node) {
                let relation = relationships[Int(relationship)].relation
                if relation == .participantIn || relation == .hosts { meetings.insert(Int(toIndices[Int(relationship)])) }
            }
        }
        addMeetings(from: actor)
        for relationship in outgoingIndices(of: actor) where relationships[Int(relationship)].relation == .holds {
            addMeetings(from: Int(toIndices[Int(relationship)]))
        }
        for relationship in ledByRelationships(of: actor) { meetings.insert(Int(toIndices[Int(relationship)])) }
        let rank = meetingRank
        return meetings.filter { rank[$0] >= 0 }.sorted { rank[$0] < rank[$1] }
    }
}
