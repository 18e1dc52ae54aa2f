/// Writes a dataset as one Popolo JSON document (popoloproject.com): persons, organizations, posts, memberships,
/// events and areas, with a `partygraph` extension object wherever Popolo has no field for what the dataset says.
///
/// Popolo holds names, other names, organization classification and parents, posts and their organizations,
/// memberships with dates, roles and posts, events with dates, status, organizer, parent and attendees, and source
/// links. The extension holds the rest (see docs/interchange.md): node kinds, notes, seats, meeting kinds and status
/// claims, evidence quotes and attestations, every relationship Popolo has no class for (participations with their
/// roles, capacities and leaders, hosts, invitations, places), the dataset's title, sources, vocabulary and order.
/// ``PopoloReader`` restores a dataset from it byte for byte.
enum PopoloWriter {
    /// The relations a Popolo membership holds.
    static let membershipRelations: Set<String> = [Relation.holds.rawValue, Relation.heads.rawValue, Relation.memberOf.rawValue]
    /// Node values Popolo holds in its own fields (and the first-quote columns, derived from `evidence`).
    static let standardNodeValues: Set<String> = ["name", "aliases", "start", "end", "place", "status", "quote", "quote_source"]
    /// Edge values a membership holds in its own fields.
    static let standardMembershipValues: Set<String> = ["start", "end", "quote", "quote_source"]

    /// The document of `graph`, the full graph of `dataset` (perhaps restricted to a window or a place).
    static func text(_ dataset: Dataset, _ graph: InterchangeGraph) -> String { document(dataset, graph).prettyText + "\n" }

    static func document(_ dataset: Dataset, _ graph: InterchangeGraph) -> JSONValue {
        var byID: [String: InterchangeGraph.Node] = [:]
        for node in graph.nodes { byID[node.id] = node }
        func kind(_ id: String) -> String? { byID[id]?.kind }
        func isOrganization(_ id: String) -> Bool { kind(id) == NodeKind.party.rawValue || kind(id) == NodeKind.organ.rawValue }

        // The first edge of a relation from each node, for Popolo's single-valued links (parent_id, organization_id).
        var firstTarget: [String: String] = [:]
        var attendees: [String: [String]] = [:]
        for edge in graph.edges {
            let key = edge.relation + " " + edge.source
            let usable: Bool
            switch edge.relation {
            case Relation.partOf.rawValue: usable = kind(edge.source) == NodeKind.meeting.rawValue || isOrganization(edge.target)
            case Relation.officeOf.rawValue, Relation.hosts.rawValue: usable = isOrganization(edge.target) || isOrganization(edge.source)
            case Relation.participantIn.rawValue:
                if kind(edge.source) == NodeKind.person.rawValue, !(attendees[edge.target]?.contains(edge.source) ?? false) {
                    attendees[edge.target, default: []].append(edge.source)
                }
                usable = false
            default: usable = true
            }
            if usable, firstTarget[key] == nil { firstTarget[key] = edge.target }
        }
        var firstHost: [String: String] = [:]
        for edge in graph.edges where edge.relation == Relation.hosts.rawValue && isOrganization(edge.source) {
            if firstHost[edge.target] == nil { firstHost[edge.target] = edge.source }
        }

        func links(_ values: [String: InterchangeGraph.Value]) -> JSONValue? {
            var ids: [String] = []
            for column in ["evidence", "attested", "status_claims"] {
                guard case .json(.array(let records))? = values[column] else { continue }
                for case .object(let members) in records {
                    if case .string(let id)? = members.first(where: { $0.key == "source" })?.value, !ids.contains(id) { ids.append(id) }
                }
            }
            let links: [JSONValue] = ids.compactMap { id in
                guard let source = dataset.source(id) else { return nil }
                var members: [JSONValue.Member] = []
                if let url = source.url { members.append(.init("url", .string(url))) }
                members.append(.init("note", .string("\(source.publisher): \(source.title) (\(source.date))")))
                return .object(members)
            }
            return links.isEmpty ? nil : .array(links)
        }
        func otherNames(_ node: InterchangeGraph.Node) -> JSONValue? {
            guard case .list(let aliases)? = node.values["aliases"] else { return nil }
            return .array(aliases.map { .object([.init("name", .string($0))]) })
        }
        func extensionObject(_ values: [String: InterchangeGraph.Value], leaving standard: Set<String>, first: [JSONValue.Member] = []) -> JSONValue {
            var members = first
            for column in graph.nodeColumns.map(\.name) + graph.edgeColumns.map(\.name) where !standard.contains(column) {
                guard !members.contains(where: { $0.key == column }), let value = values[column] else { continue }
                members.append(.init(column, value.json))
            }
            return .object(members)
        }
        func string(_ values: [String: InterchangeGraph.Value], _ key: String) -> JSONValue? {
            if case .string(let text)? = values[key] { return .string(text) }
            return nil
        }

        var persons: [JSONValue] = [], organizations: [JSONValue] = [], posts: [JSONValue] = [], events: [JSONValue] = [],
            areas: [JSONValue] = []
        for node in graph.nodes {
            var members: [JSONValue.Member] = [.init("id", .string(node.id))]
            func add(_ key: String, _ value: JSONValue?) { if let value { members.append(.init(key, value)) } }
            switch node.kind {
            case NodeKind.person.rawValue:
                add("name", .string(node.label))
                add("other_names", otherNames(node))
            case NodeKind.party.rawValue, NodeKind.organ.rawValue:
                add("name", .string(node.label))
                add("other_names", otherNames(node))
                add("classification", .string(node.kind))
                add("parent_id", firstTarget[Relation.partOf.rawValue + " " + node.id].map(JSONValue.string))
                add("area_id", firstTarget[Relation.basedIn.rawValue + " " + node.id].map(JSONValue.string))
            case NodeKind.office.rawValue:
                add("label", .string(node.label))
                if case .list(let aliases)? = node.values["aliases"] {
                    add("other_label", .array(aliases.map(JSONValue.string)))
                }
                if let organization = firstTarget[Relation.officeOf.rawValue + " " + node.id] {
                    add(isOrganization(organization) ? "organization_id" : "area_id", .string(organization))
                }
            case NodeKind.meeting.rawValue:
                add("name", .string(node.label))
                add("other_names", otherNames(node))
                add("classification", string(node.values, "meeting_kind"))
                add("start_date", string(node.values, "start"))
                add("end_date", string(node.values, "end"))
                add("location", string(node.values, "place"))
                add("status", string(node.values, "status"))
                add("organization_id", firstHost[node.id].map(JSONValue.string))
                add("parent_id", firstTarget[Relation.partOf.rawValue + " " + node.id].map(JSONValue.string))
                if let people = attendees[node.id] {
                    add("attendees", .array(people.map { .object([.init("id", .string($0)), .init("name", .string(byID[$0]?.label ?? ""))]) }))
                }
            default: // country, place: Popolo areas
                add("name", .string(node.label))
                add("other_names", otherNames(node))
                add("classification", .string(node.kind))
                add("parent_id", firstTarget[Relation.locatedIn.rawValue + " " + node.id].map(JSONValue.string))
            }
            add("sources", links(node.values))
            add("partygraph", extensionObject(node.values, leaving: standardNodeValues))
            switch node.kind {
            case NodeKind.person.rawValue: persons.append(.object(members))
            case NodeKind.party.rawValue, NodeKind.organ.rawValue: organizations.append(.object(members))
            case NodeKind.office.rawValue: posts.append(.object(members))
            case NodeKind.meeting.rawValue: events.append(.object(members))
            default: areas.append(.object(members))
            }
        }

        var memberships: [JSONValue] = [], relations: [JSONValue] = []
        for edge in graph.edges {
            if membershipRelations.contains(edge.relation) {
                var members: [JSONValue.Member] = [.init("id", .string(edge.id)), .init("person_id", .string(edge.source))]
                if edge.relation == Relation.holds.rawValue {
                    if let organization = firstTarget[Relation.officeOf.rawValue + " " + edge.target], isOrganization(organization) {
                        members.append(.init("organization_id", .string(organization)))
                    }
                    members.append(.init("post_id", .string(edge.target)))
                    members.append(.init("role", .string(byID[edge.target]?.label ?? "")))
                } else {
                    members.append(.init("organization_id", .string(edge.target)))
                    if edge.relation == Relation.heads.rawValue { members.append(.init("role", .string("head"))) }
                }
                if let start = string(edge.values, "start") { members.append(.init("start_date", start)) }
                if let end = string(edge.values, "end") { members.append(.init("end_date", end)) }
                if let sources = links(edge.values) { members.append(.init("sources", sources)) }
                members.append(.init("partygraph", extensionObject(edge.values, leaving: standardMembershipValues)))
                memberships.append(.object(members))
            } else {
                relations.append(extensionObject(edge.values, leaving: ["quote", "quote_source"], first: [
                    .init("id", .string(edge.id)), .init("from", .string(edge.source)), .init("to", .string(edge.target)),
                ]))
            }
        }

        var meta: [JSONValue.Member] = graph.graphValues.map { .init($0.name, $0.value.json) }
        meta.append(.init("order", .array(graph.nodes.map { .string($0.id) })))
        meta.append(.init("relations", .array(relations)))
        return .object([
            .init("persons", .array(persons)), .init("organizations", .array(organizations)), .init("posts", .array(posts)),
            .init("memberships", .array(memberships)), .init("events", .array(events)), .init("areas", .array(areas)),
            .init("partygraph", .object(meta)),
        ])
    }
}
