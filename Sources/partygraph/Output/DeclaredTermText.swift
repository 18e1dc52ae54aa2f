import PartyGraph

extension MeetingRef {
    /// The kind for tables: a declared kind by its label with the core kind it refines ("Courtesy call (meeting)").
    var kindText: String { declaredKind.map { "\($0.label) (\(kind.rawValue))" } ?? kind.rawValue }

    /// Where the meeting is held for tables: its `held-at` places, else the source's words.
    var placeText: String? { heldAt.map { $0.map(\.name).joined(separator: "; ") } ?? place }

    /// The `held-at` place ids for CSV, space-separated.
    var heldAtIDs: String { (heldAt ?? []).map(\.id.rawValue).joined(separator: " ") }
}

extension Participation {
    /// The role for tables: a declared role by its label, else the core role.
    var roleText: String? { declaredRole?.label ?? role?.rawValue }
}
