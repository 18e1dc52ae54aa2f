import Foundation

/// Reads a Popolo JSON document into a dataset.
///
/// A document ``PopoloWriter`` wrote (it has a top-level `partygraph` object) is read from its extension fields and
/// gives back the dataset it was written from. A plain Popolo document is read from the fields it has: persons,
/// organizations, posts, areas, memberships (`holds` with a `post_id`, else `member-of`), events (organizer as
/// host, `parent_id` as part-of, attendees as attendees); ids that are not PartyGraph ids become `kind/slug` from
/// the name. A fact cites the document's source links, which then need a `date` and a `quote` (or `note`).
enum PopoloReader {
    static func load(path: String, sourceDirectory: URL?) throws(PartyGraphError) -> Dataset {
        try InterchangeDocument.withDocument(path: path) { (document, context) throws(PartyGraphError) -> Dataset in
            guard case .object = document.shape else {
                throw context.fail(document.offset, "$", "this is not a Popolo document: it must be an object",
                                   fix: "import a JSON object with \"persons\", \"organizations\", \"posts\", \"memberships\" and \"events\" lists")
            }
            let lists = ["persons", "organizations", "posts", "memberships", "events", "areas"]
            guard lists.contains(where: { document[$0] != nil }) else {
                throw context.fail(document.offset, "$", "this is not a Popolo document: it has none of the lists \(lists.joined(separator: ", "))",
                                   fix: "import a Popolo JSON document (the popolo export format)")
            }
            var reader = Reader(context: context)
            for key in lists { reader.items[key] = reader.list(document, key, at: "$") }
            if let meta = document["partygraph"] { reader.readOwn(meta) } else { reader.readPlain() }
            return try reader.builder.finish(file: path, sourceDirectory: sourceDirectory)
        }
    }

    private struct Reader {
        var context: InterchangeDocument.Context
        var builder = DatasetBuilder()
        var items: [String: [LocatedJSON]] = [:]

        init(context: InterchangeDocument.Context) { self.context = context }

        mutating func list(_ value: LocatedJSON, _ key: String, at path: String) -> [LocatedJSON] {
            guard let member = value[key] else { return [] }
            guard case .array(let elements) = member.shape else {
                builder.issues.append(context.issue(member.offset, path + "." + key, "\"\(key)\" must be a list"))
                return []
            }
            return elements
        }

        // MARK: A document PopoloWriter wrote

        mutating func readOwn(_ meta: LocatedJSON) {
            guard case .object = meta.shape else {
                builder.issues.append(context.issue(meta.offset, "$.partygraph", "\"partygraph\" must be an object"))
                return
            }
            if case .string(let title)? = meta["title"]?.shape { builder.title = title.nfc }
            if case .string(let description)? = meta["description"]?.shape { builder.description = description.nfc }
            if let vocabulary = meta["vocabulary"] {
                builder.readVocabulary(vocabulary, at: context.issue(vocabulary.offset, "$.partygraph.vocabulary", ""))
            }
            for (index, source) in list(meta, "sources", at: "$.partygraph").enumerated() {
                if let record = context.record(source, at: "$.partygraph.sources[\(index)]", issues: &builder.issues) { builder.addSource(record) }
            }
            // Nodes, restored to the dataset's order.
            var nodes: [(id: String, record: FlatRecord)] = []
            let names: [String: String] = ["persons": "name", "organizations": "name", "posts": "label", "events": "name", "areas": "name"]
            for key in ["persons", "organizations", "posts", "events", "areas"] {
                for (index, item) in (items[key] ?? []).enumerated() {
                    let path = "$.\(key)[\(index)]"
                    guard var record = context.record(item, at: path, renaming: [names[key]!: "name", "other_label": "aliases", "start_date": "start",
                                                                                  "end_date": "end", "location": "place"],
                                                      flattening: "partygraph", issues: &builder.issues) else { continue }
                    if let otherNames = item["other_names"] { record.fields["aliases"] = otherNameList(otherNames, at: path + ".other_names") }
                    if record.fields["kind"] == nil { record.fields["kind"] = defaultKind[key] }
                    nodes.append((record.fields["id"] ?? "", record))
                }
            }
            var order: [String: Int] = [:]
            for (index, id) in list(meta, "order", at: "$.partygraph").enumerated() {
                if case .string(let text) = id.shape, order[text] == nil { order[text] = index }
            }
            let sorted = nodes.enumerated().sorted { (order[$0.element.id] ?? Int.max, $0.offset) < (order[$1.element.id] ?? Int.max, $1.offset) }
            for node in sorted { builder.addNode(node.element.record) }
            // Relationships: memberships and the extension's relations, restored to the dataset's order by their ids.
            var edges: [(position: Int, record: FlatRecord)] = []
            for (index, item) in (items["memberships"] ?? []).enumerated() {
                guard var record = context.record(item, at: "$.memberships[\(index)]", renaming: ["person_id": "from", "start_date": "start", "end_date": "end", "role": "membership_role"],
                                                  flattening: "partygraph", issues: &builder.issues) else { continue }
                let holds = record.fields["relation"] == Relation.holds.rawValue || (record.fields["relation"] == nil && record.fields["post_id"] != nil)
                record.fields["to"] = holds ? record.fields["post_id"] : record.fields["organization_id"]
                if record.fields["relation"] == nil { record.fields["relation"] = holds ? Relation.holds.rawValue : Relation.memberOf.rawValue }
                edges.append((position(record.fields["id"]) ?? Int.max, record))
            }
            for (index, item) in list(meta, "relations", at: "$.partygraph").enumerated() {
                guard let record = context.record(item, at: "$.partygraph.relations[\(index)]", issues: &builder.issues) else { continue }
                edges.append((position(record.fields["id"]) ?? Int.max, record))
            }
            for edge in edges.enumerated().sorted(by: { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }) {
                builder.addEdge(edge.element.record)
            }
        }

        /// The position in the dataset an edge id `e12` stands for.
        func position(_ id: String?) -> Int? {
            guard let id, id.hasPrefix("e") else { return nil }
            return Int(id.dropFirst())
        }

        /// Popolo's `other_names` (objects with a `name`) as the JSON list of names an aliases column holds.
        mutating func otherNameList(_ value: LocatedJSON, at path: String) -> String? {
            guard case .array(let entries) = value.shape else {
                builder.issues.append(context.issue(value.offset, path, "\"other_names\" must be a list of objects with a \"name\""))
                return nil
            }
            var names: [JSONValue] = []
            for (index, entry) in entries.enumerated() {
                guard case .string(let name)? = entry["name"]?.shape else {
                    builder.issues.append(context.issue(entry.offset, path + "[\(index)]", "an other name needs a \"name\"", fix: "write {\"name\": \"…\"}"))
                    continue
                }
                names.append(.string(name))
            }
            return names.isEmpty ? nil : JSONValue.array(names).compactText
        }

        let defaultKind = ["persons": "person", "organizations": "organ", "posts": "office", "events": "meeting", "areas": "place"]

        // MARK: A plain Popolo document

        mutating func readPlain() {
            builder.title = "Imported from Popolo"
            var ids = InterchangeDocument.IDMap()
            var records: [(key: String, item: LocatedJSON, path: String, id: NodeID, kind: NodeKind)] = []
            for key in ["persons", "organizations", "posts", "areas", "events"] {
                for (index, item) in (items[key] ?? []).enumerated() {
                    let path = "$.\(key)[\(index)]"
                    guard case .object = item.shape else {
                        builder.issues.append(context.issue(item.offset, path, "each entry is an object")); continue
                    }
                    let kind: NodeKind
                    switch (key, item["classification"]?.shape) {
                    case ("persons", _): kind = .person
                    case ("posts", _): kind = .office
                    case ("events", _): kind = .meeting
                    case ("organizations", .string(let text)?) where text.lowercased().contains("party"): kind = .party
                    case ("organizations", _): kind = .organ
                    case ("areas", .string(let text)?) where text.lowercased() == "country": kind = .country
                    default: kind = .place
                    }
                    let nameKey = key == "posts" ? "label" : "name"
                    guard case .string(let name)? = item[nameKey]?.shape, !name.isBlank else {
                        builder.issues.append(context.issue(item[nameKey]?.offset ?? item.offset, path + "." + nameKey, "\"\(nameKey)\" is missing",
                                                            fix: "give the \(kind.rawValue)'s name"))
                        continue
                    }
                    guard case .string(let given)? = item["id"]?.shape else {
                        builder.issues.append(context.issue(item["id"]?.offset ?? item.offset, path + ".id", "\"id\" is missing", fix: "give every entry an id"))
                        continue
                    }
                    records.append((key, item, path, ids.assign(given, kind: kind, name: name), kind))
                }
            }
            var sources = InterchangeDocument.SourceLinks()
            for record in records {
                var fields: [String: String] = ["id": record.id.rawValue, "kind": record.kind.rawValue]
                let nameKey = record.key == "posts" ? "label" : "name"
                if case .string(let name)? = record.item[nameKey]?.shape { fields["name"] = name }
                if let otherNames = record.item["other_names"] { fields["aliases"] = otherNameList(otherNames, at: record.path + ".other_names") }
                if record.kind == .meeting {
                    fields["meeting_kind"] = MeetingKind.meeting.rawValue
                    if case .string(let text)? = record.item["classification"]?.shape, MeetingKind(rawValue: text) != nil { fields["meeting_kind"] = text }
                    for (from, to) in [("start_date", "start"), ("end_date", "end"), ("location", "place"), ("status", "status")] {
                        if case .string(let text)? = record.item[from]?.shape { fields[to] = from.hasSuffix("_date") ? String(text.prefix(10)) : text }
                    }
                    fields["evidence"] = sources.evidence(record.item, at: record.path, context: context, issues: &builder.issues)
                }
                builder.addNode(context.flat(fields, value: record.item, at: record.path, renaming: ["start": "start_date", "end": "end_date", "place": "location"]))
            }
            // Relationships Popolo states.
            func reference(_ item: LocatedJSON, _ key: String, at path: String, among kinds: Set<NodeKind>) -> NodeID? {
                guard let value = item[key] else { return nil }
                guard case .string(let given) = value.shape, let id = ids.id(given), kinds.contains(ids.kind(of: id)!) else {
                    let what = kinds.map(\.rawValue).sorted().joined(separator: " or ")
                    builder.issues.append(context.issue(value.offset, path + "." + key, "no \(what) with id \(value.plain.compactText) in the file",
                                                        fix: "add it, or correct the id"))
                    return nil
                }
                return id
            }
            func addEdge(_ relation: Relation, _ from: NodeID, _ to: NodeID, item: LocatedJSON, at path: String, extra: [String: String] = [:]) {
                var fields = extra
                fields["relation"] = relation.rawValue
                fields["from"] = from.rawValue
                fields["to"] = to.rawValue
                fields["evidence"] = sources.evidence(item, at: path, context: context, issues: &builder.issues)
                builder.addEdge(context.flat(fields, value: item, at: path, renaming: ["start": "start_date", "end": "end_date"]))
            }
            let organizations: Set<NodeKind> = [.party, .organ]
            for record in records {
                switch record.kind {
                case .office:
                    if let organization = reference(record.item, "organization_id", at: record.path, among: organizations) {
                        addEdge(.officeOf, record.id, organization, item: record.item, at: record.path)
                    }
                case .party, .organ:
                    if let parent = reference(record.item, "parent_id", at: record.path, among: organizations.union([.country])) {
                        addEdge(.partOf, record.id, parent, item: record.item, at: record.path)
                    }
                case .place, .country:
                    if record.kind == .place, let parent = reference(record.item, "parent_id", at: record.path, among: [.place, .country]) {
                        addEdge(.locatedIn, record.id, parent, item: record.item, at: record.path)
                    }
                case .meeting:
                    if let host = reference(record.item, "organization_id", at: record.path, among: organizations) {
                        addEdge(.hosts, host, record.id, item: record.item, at: record.path)
                    }
                    if let parent = reference(record.item, "parent_id", at: record.path, among: [.meeting]) {
                        addEdge(.partOf, record.id, parent, item: record.item, at: record.path)
                    }
                    for (index, attendee) in list(record.item, "attendees", at: record.path).enumerated() {
                        let path = record.path + ".attendees[\(index)]"
                        if let person = reference(attendee, "id", at: path, among: [.person]) {
                            addEdge(.participantIn, person, record.id, item: record.item, at: path, extra: ["role": ParticipantRole.attendee.rawValue])
                        }
                    }
                case .person:
                    break
                }
            }
            for (index, item) in (items["memberships"] ?? []).enumerated() {
                let path = "$.memberships[\(index)]"
                guard case .object = item.shape else { builder.issues.append(context.issue(item.offset, path, "each entry is an object")); continue }
                guard let person = reference(item, "person_id", at: path, among: [.person]) else {
                    if item["person_id"] == nil {
                        builder.issues.append(context.issue(item.offset, path + ".person_id", "a membership needs a \"person_id\"",
                                                            fix: "PartyGraph reads memberships of persons; give the person's id"))
                    }
                    continue
                }
                var extra: [String: String] = [:]
                for (from, to) in [("start_date", "start"), ("end_date", "end")] {
                    if case .string(let text)? = item[from]?.shape { extra[to] = String(text.prefix(10)) }
                }
                if item["post_id"] != nil {
                    if let post = reference(item, "post_id", at: path, among: [.office]) { addEdge(.holds, person, post, item: item, at: path, extra: extra) }
                } else if let organization = reference(item, "organization_id", at: path, among: organizations) {
                    let heads = { if case .string(let role)? = item["role"]?.shape { return role.lowercased() == "head" } else { return false } }()
                    addEdge(heads ? .heads : .memberOf, person, organization, item: item, at: path, extra: extra)
                } else if item["organization_id"] == nil {
                    builder.issues.append(context.issue(item.offset, path, "a membership needs an \"organization_id\" or a \"post_id\"",
                                                        fix: "name the organization or post the person belongs to"))
                }
            }
            for source in sources.sources { builder.addSource(source) }
        }
    }
}
