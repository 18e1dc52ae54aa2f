/// What the decoder knows of a dataset's declared vocabulary (format version 2), and the declared ids used before
/// the vocabulary is read (it may come after the nodes): they are resolved once the whole document is read.
struct VocabularyDeclarations: Sendable {
    /// A use of a declared id: the meeting (index into the decoded entities) or participation (index into the
    /// decoded relationships), where it is written.
    struct Use: Sendable {
        var item: Int
        var id: String
        var path: [JSONPathComponent]
        var offset: Int
    }

    var vocabulary = DeclaredVocabulary()
    /// Position in the file's list of each decoded declaration, by list (`meeting_kinds`, `roles`).
    var positions: [String: [Int]] = [:]
    /// Ids of declarations that failed to decode: uses of them are not reported again.
    var brokenIDs: Set<String> = []
    var pendingKinds: [Use] = []
    var pendingRoles: [Use] = []

    /// Appends the uses a worker met, renumbered from its own element positions and decoded items.
    mutating func absorb(_ part: VocabularyDeclarations, base: Int, entityBase: Int, relationBase: Int) {
        func renumbered(_ use: Use, itemBase: Int) -> Use {
            var use = use
            use.item += itemBase
            if use.path.count >= 2, case .index(let local) = use.path[1] { use.path[1] = .index(local + base) }
            return use
        }
        pendingKinds += part.pendingKinds.map { renumbered($0, itemBase: entityBase) }
        pendingRoles += part.pendingRoles.map { renumbered($0, itemBase: relationBase) }
    }
}

extension DatasetDecoder {
    static let vocabularyKeys = ["meeting_kinds", "roles"]
    static let declarationKeys = ["id", "label", "refines"]

    /// Reads the top-level `"vocabulary"` object.
    mutating func vocabulary(_ reader: inout JSONReader) throws(JSONSyntaxError) {
        let offset = reader.valueOffset()
        guard try reader.peekKind() == .object else {
            try reader.skipValue()
            report("\"vocabulary\" must be an object {\"meeting_kinds\": [ … ], \"roles\": [ … ]}", at: offset, key: "vocabulary")
            return
        }
        path.append(.key("vocabulary"))
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            guard DatasetDecoder.vocabularyKeys.contains(key) else {
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.vocabularyKeys)
                return
            }
            let listOffset = reader.valueOffset()
            guard try reader.peekKind() == .array else {
                try reader.skipValue()
                report("\"\(key)\" must be a list of {\"id\", \"refines\", \"label\"} records", at: listOffset, key: key)
                return
            }
            path.append(.key(key))
            var terms: [DeclaredTerm] = [], positions: [Int] = []
            try reader.readArray { reader, index throws(JSONSyntaxError) in
                path.append(.index(index))
                if let term = try declaration(&reader) { terms.append(term); positions.append(index) }
                path.removeLast()
            }
            path.removeLast()
            if key == "roles" { declarations.vocabulary.roles = terms } else { declarations.vocabulary.meetingKinds = terms }
            declarations.positions[key] = positions
        }
        path.removeLast()
    }

    private mutating func declaration(_ reader: inout JSONReader) throws(JSONSyntaxError) -> DeclaredTerm? {
        let start = reader.valueOffset()
        guard try reader.peekKind() == .object else {
            try reader.skipValue()
            report("a declaration is an object {\"id\", \"refines\", \"label\"}", at: start)
            return nil
        }
        var fields: [String: String] = [:]
        var broken = false
        try reader.readObject { reader, key, keyOffset throws(JSONSyntaxError) in
            guard DatasetDecoder.declarationKeys.contains(key) else {
                try reader.skipValue()
                unknownKey(key, at: keyOffset, allowed: DatasetDecoder.declarationKeys)
                return
            }
            if let value = try string(&reader, key: key) { fields[key] = value.loaderNFC } else { broken = true }
        }
        for key in DatasetDecoder.declarationKeys where fields[key] == nil && !broken {
            report("the declaration has no \"\(key)\"", at: start, fix: key == "refines"
                   ? "name the core value or declared id it refines" : "add \"\(key)\"")
            broken = true
        }
        guard !broken, let id = fields["id"], let label = fields["label"], let refines = fields["refines"] else {
            if let id = fields["id"] { declarations.brokenIDs.insert(id) }
            return nil
        }
        return DeclaredTerm(id: id, label: label, refines: refines)
    }

    /// Gives each meeting and participation that uses a declared id its core value and refinement; reports the
    /// uses of ids declared nowhere (with a did-you-mean over core and declared ids) and drops their records.
    /// A use of a declaration that is itself broken is dropped without a second report.
    mutating func resolveDeclaredTerms() {
        let declared = declarations
        guard !declared.pendingKinds.isEmpty || !declared.pendingRoles.isEmpty else { return }
        let resolved = ResolvedVocabulary(declared.vocabulary)
        var droppedEntities: [Int] = [], droppedRelations: [Int] = []
        func unknown(_ use: VocabularyDeclarations.Use, what: String, core: [String], declaredIDs allDeclared: [String]) {
            var seen = Set<String>()
            let declaredIDs = allDeclared.filter { seen.insert($0).inserted }
            let hint = nearest(to: use.id, among: core + declaredIDs)
            findings.append(Finding(
                path: use.path, message: "unknown \(what) '\(use.id.shownInMessage)'",
                fix: (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "allowed: " + (core + declaredIDs).joined(separator: ", ")
                    + (declaredIDs.isEmpty ? " (or declare it under \"vocabulary\")" : ""),
                offset: use.offset))
        }
        for use in declared.pendingKinds {
            if let position = resolved.meetingKinds.positions[use.id] {
                if let core = resolved.meetingKinds.cores[position] {
                    entities[use.item].meeting?.kind = core
                    entities[use.item].meeting?.refinedKind = use.id
                    continue
                }
            } else if !declared.brokenIDs.contains(use.id) {
                unknown(use, what: "meeting kind", core: MeetingKind.allCases.map(\.rawValue),
                        declaredIDs: declared.vocabulary.meetingKinds.map(\.id))
            }
            droppedEntities.append(use.item)
        }
        for use in declared.pendingRoles {
            if let position = resolved.roles.positions[use.id], position < DeclaredVocabulary.maximumRoles {
                if let core = resolved.roles.cores[position] {
                    relationships[use.item].role = core
                    relationships[use.item].refinedRole = DeclaredRole(position: UInt16(position))
                    continue
                }
            } else if !declared.brokenIDs.contains(use.id) {
                unknown(use, what: "role", core: ParticipantRole.allCases.map(\.rawValue), declaredIDs: declared.vocabulary.roles.map(\.id))
            }
            droppedRelations.append(use.item)
        }
        if !droppedEntities.isEmpty {
            let dropped = Set(droppedEntities)
            for item in dropped { brokenNodeIDs.insert(entities[item].id) }
            entities = entities.indices.filter { !dropped.contains($0) }.map { entities[$0] }
            entityPositions = entityPositions.indices.filter { !dropped.contains($0) }.map { entityPositions[$0] }
        }
        if !droppedRelations.isEmpty {
            let dropped = Set(droppedRelations)
            relationships = relationships.indices.filter { !dropped.contains($0) }.map { relationships[$0] }
            relationPositions = relationPositions.indices.filter { !dropped.contains($0) }.map { relationPositions[$0] }
        }
    }
}
