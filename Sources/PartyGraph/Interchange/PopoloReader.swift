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
            if let meta = document["partygraph"] { reader.readOwn(meta) } else { reader.readPlain(document) }
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
            let names = otherNames(value, at: path)
            return names.isEmpty ? nil : JSONValue.array(names).compactText
        }

        /// The names of Popolo's `other_names`.
        mutating func otherNames(_ value: LocatedJSON, at path: String) -> [JSONValue] {
            guard case .array(let entries) = value.shape else {
                builder.issues.append(context.issue(value.offset, path, "\"other_names\" must be a list of objects with a \"name\""))
                return []
            }
            var names: [JSONValue] = []
            for (index, entry) in entries.enumerated() {
                guard case .string(let name)? = entry["name"]?.shape else {
                    builder.issues.append(context.issue(entry.offset, path + "[\(index)]", "an other name needs a \"name\"", fix: "write {\"name\": \"…\"}"))
                    continue
                }
                names.append(.string(name))
            }
            return names
        }

        let defaultKind = ["persons": "person", "organizations": "organ", "posts": "office", "events": "meeting", "areas": "place"]

        // MARK: A plain Popolo document

        /// The keys of each list's entries a plain document is read from; any other is reported as not imported.
        /// (`sources` of an organization, post or area are the evidence of its part-of, office-of or located-in.)
        static let readKeys: [String: Set<String>] = [
            "persons": ["id", "name", "other_names"],
            "organizations": ["id", "name", "other_names", "classification", "parent_id", "sources"],
            "posts": ["id", "label", "other_label", "other_names", "organization_id", "sources"],
            "areas": ["id", "name", "other_names", "classification", "parent_id", "sources"],
            "events": ["id", "name", "other_names", "classification", "start_date", "end_date", "location", "status", "organization_id",
                       "parent_id", "attendees", "sources"],
            "memberships": ["id", "person_id", "organization_id", "post_id", "role", "start_date", "end_date", "sources"],
        ]

        /// Why a Popolo field is not imported, for the fields a reader is likely to miss.
        static let unreadReasons: [String: (why: String, fix: String?)] = [
            "memberships.on_behalf_of_id": ("PartyGraph has no on-behalf-of link, and sitting for a party does not state membership of it",
                                            "if a source states the person is a member of that party, add a membership with it as organization_id and that source"),
            "other_names.start_date": ("PartyGraph aliases have no dates; the name itself is imported as an alias, valid at any time", nil),
            "other_names.end_date": ("PartyGraph aliases have no dates; the name itself is imported as an alias, valid at any time", nil),
            "memberships.area_id": ("PartyGraph memberships have no area", nil),
            "memberships.role": ("a membership of an organization is read as member-of, or heads when the role is head; other roles have no place", nil),
            "events.classification": ("it is not a meeting kind, so the event is imported as a meeting", "use a meeting kind (\(MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")))"),
        ]

        /// Reports, once per field with its first place and how often it occurs, every field of a plain document the
        /// reader does not import: a silent skip would let a user believe the dataset holds it.
        mutating func reportUnread(_ document: LocatedJSON) {
            var unread: [(key: String, list: String, offset: Int, path: String, count: Int)] = []
            func note(_ list: String, _ key: String, _ offset: Int, _ path: String) {
                if let index = unread.firstIndex(where: { $0.list == list && $0.key == key }) { unread[index].count += 1 } else {
                    unread.append((key, list, offset, path, 1))
                }
            }
            if case .object(let members) = document.shape {
                for member in members where Self.readKeys[member.key] == nil && member.key != "partygraph" {
                    note("$", member.key, member.value.offset, "$." + member.key)
                }
            }
            for list in ["persons", "organizations", "posts", "areas", "events", "memberships"] {
                for (index, item) in (items[list] ?? []).enumerated() {
                    guard case .object(let members) = item.shape else { continue }
                    let path = "$.\(list)[\(index)]"
                    for member in members {
                        if !Self.readKeys[list]!.contains(member.key) {
                            note(list, member.key, member.value.offset, path + "." + member.key)
                        } else if member.key == "other_names", case .array(let entries) = member.value.shape {
                            for (position, entry) in entries.enumerated() {
                                guard case .object(let fields) = entry.shape else { continue }
                                for field in fields where field.key != "name" {
                                    note("other_names", field.key, field.value.offset, path + ".other_names[\(position)].\(field.key)")
                                }
                            }
                        } else if list == "memberships", member.key == "role", item["post_id"] == nil, case .string(let role) = member.value.shape,
                                  !["head", "member"].contains(role.lowercased()) {
                            note(list, member.key, member.value.offset, path + ".role")
                        } else if list == "events", member.key == "classification", case .string(let text) = member.value.shape,
                                  MeetingKind(rawValue: text) == nil {
                            note(list, member.key, member.value.offset, path + ".classification")
                        }
                    }
                }
            }
            for entry in unread {
                let reason = Self.unreadReasons[entry.list + "." + entry.key]
                let scope = entry.list == "$" ? "the document's" : entry.list == "other_names" ? "other names'" : "\(entry.list)'"
                let times = entry.count == 1 ? "" : " (\(entry.count) times in the file)"
                builder.notices.append(context.issue(entry.offset, entry.path,
                                                     "\(scope) \"\(entry.key)\" is not imported\(times): " + (reason?.why ?? "PartyGraph has no field for it"),
                                                     fix: reason?.fix))
            }
        }

        mutating func readPlain(_ document: LocatedJSON) {
            builder.title = "Imported from Popolo"
            reportUnread(document)
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
                var names = record.item["other_names"].map { otherNames($0, at: record.path + ".other_names") } ?? []
                if record.kind == .office, case .array(let labels)? = record.item["other_label"]?.shape {
                    // A post's other labels are plain strings (Popolo's `other_label`), added to its other names.
                    for (index, label) in labels.enumerated() {
                        guard case .string(let text) = label.shape else {
                            builder.issues.append(context.issue(label.offset, record.path + ".other_label[\(index)]", "an other label is a string"))
                            continue
                        }
                        names.append(.string(text))
                    }
                }
                if !names.isEmpty { fields["aliases"] = JSONValue.array(names).compactText }
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
