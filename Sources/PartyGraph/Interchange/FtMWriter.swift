/// Writes a dataset as a FollowTheMoney entity stream (followthemoney.tech): one JSON entity
/// `{"id", "schema", "properties": {name: [values]}}` per line, in dataset order.
///
/// Sources become `Document` entities; persons `Person`; parties and party organs `Organization`; state bodies (an
/// organ not part of a party) and countries `PublicBody`; offices `Position`; places `Address`; meetings `Event`
/// (`organizer` the hosts, `involved` the participants); `holds` `Occupancy`; `member-of` and `heads` `Membership`;
/// every other relationship `UnknownLink` with the relation as its `role`. Each entity cites its sources with
/// `proof`, `sourceUrl` and `publisher`. What FtM has no property for (node kinds, quotes, roles and capacities,
/// status claims, attestations) is kept in one `notes` value starting `partygraph:` (see docs/interchange.md), from
/// which ``FtMReader`` restores the dataset byte for byte.
enum FtMWriter {
    /// The `notes` prefix of the extension value.
    static let notesPrefix = "partygraph:"
    /// The id of the entity holding the dataset's title, description and vocabulary.
    static let datasetID = "partygraph-dataset"

    static func sourceID(_ id: String) -> String { "source:" + id }

    static func text(_ dataset: Dataset, _ graph: InterchangeGraph) -> String {
        var lines: [String] = []
        func entity(_ id: String, _ schema: String, _ properties: [(String, [String])]) {
            let members = properties.filter { !$0.1.isEmpty }.map { JSONValue.Member($0.0, .array($0.1.map(JSONValue.string))) }
            lines.append(JSONValue.object([.init("id", .string(id)), .init("schema", .string(schema)), .init("properties", .object(members))]).compactText)
        }
        func note(_ value: JSONValue) -> [String] { [notesPrefix + value.compactText] }

        var meta: [JSONValue.Member] = graph.graphValues.filter { $0.name != "sources" }.map { .init($0.name, $0.value.json) }
        meta.removeAll { $0.key == "title" || $0.key == "description" }
        entity(datasetID, "Document", [("title", [dataset.title]), ("description", dataset.description.map { [$0] } ?? []), ("notes", note(.object(meta)))])
        for source in dataset.sources {
            entity(sourceID(source.id), "Document", [
                ("title", [source.title]), ("publisher", [source.publisher]), ("publishedAt", [source.date.description]),
                ("sourceUrl", source.url.map { [$0] } ?? []), ("notes", note(DatasetWriter.source(source))),
            ])
        }

        var kinds: [String: String] = [:]
        for node in graph.nodes { kinds[node.id] = node.kind }
        var partyOrgans = Set<String>()
        // An organ part of a party (or of a party organ) is the party's; any other organ is a state body.
        var changed = true
        while changed {
            changed = false
            for edge in graph.edges where edge.relation == Relation.partOf.rawValue && kinds[edge.source] == NodeKind.organ.rawValue {
                if (kinds[edge.target] == NodeKind.party.rawValue || partyOrgans.contains(edge.target)), !partyOrgans.contains(edge.source) {
                    partyOrgans.insert(edge.source); changed = true
                }
            }
        }
        var organizer: [String: [String]] = [:], involved: [String: [String]] = [:], positionOf: [String: [String]] = [:]
        for edge in graph.edges {
            switch edge.relation {
            case Relation.hosts.rawValue: organizer[edge.target, default: []].append(edge.source)
            case Relation.participantIn.rawValue: involved[edge.target, default: []].append(edge.source)
            case Relation.officeOf.rawValue: positionOf[edge.source, default: []].append(edge.target)
            default: break
            }
        }
        func unique(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }
        }
        func citations(_ values: [String: InterchangeGraph.Value]) -> [(String, [String])] {
            var ids: [String] = []
            for column in ["evidence", "attested", "status_claims"] {
                guard case .json(.array(let records))? = values[column] else { continue }
                for case .object(let members) in records {
                    if case .string(let id)? = members.first(where: { $0.key == "source" })?.value, !ids.contains(id) { ids.append(id) }
                }
            }
            let sources = ids.compactMap { dataset.source($0) }
            return [("proof", sources.map { sourceID($0.id) }), ("sourceUrl", unique(sources.compactMap(\.url))),
                    ("publisher", unique(sources.map(\.publisher)))]
        }
        func remainder(_ values: [String: InterchangeGraph.Value], leaving standard: Set<String>) -> [String] {
            var members: [JSONValue.Member] = []
            for column in graph.nodeColumns.map(\.name) + graph.edgeColumns.map(\.name) where !standard.contains(column) {
                guard !members.contains(where: { $0.key == column }), let value = values[column] else { continue }
                members.append(.init(column, value.json))
            }
            return note(.object(members))
        }
        func string(_ values: [String: InterchangeGraph.Value], _ key: String) -> [String] {
            if case .string(let text)? = values[key] { return [text] }
            return []
        }

        for node in graph.nodes {
            var aliases: [String] = []
            if case .list(let list)? = node.values["aliases"] { aliases = list }
            var properties: [(String, [String])] = [("name", [node.label]), ("alias", aliases)]
            let schema: String
            switch node.kind {
            case NodeKind.person.rawValue: schema = "Person"
            case NodeKind.party.rawValue: schema = "Organization"
            case NodeKind.organ.rawValue: schema = partyOrgans.contains(node.id) ? "Organization" : "PublicBody"
            case NodeKind.country.rawValue: schema = "PublicBody"
            case NodeKind.office.rawValue:
                schema = "Position"
                properties.append(("organization", unique(positionOf[node.id] ?? [])))
            case NodeKind.place.rawValue: schema = "Address"
            default:
                schema = "Event"
                properties += [("startDate", string(node.values, "start")), ("endDate", string(node.values, "end")),
                               ("location", string(node.values, "place")), ("organizer", unique(organizer[node.id] ?? [])),
                               ("involved", unique(involved[node.id] ?? []))]
            }
            properties += citations(node.values)
            properties.append(("notes", remainder(node.values, leaving: ["name", "aliases", "start", "end", "place", "quote", "quote_source"])))
            entity(node.id, schema, properties)
        }
        for edge in graph.edges {
            var properties: [(String, [String])]
            let schema: String
            switch edge.relation {
            case Relation.holds.rawValue:
                schema = "Occupancy"
                properties = [("holder", [edge.source]), ("post", [edge.target])]
            case Relation.memberOf.rawValue, Relation.heads.rawValue:
                schema = "Membership"
                properties = [("member", [edge.source]), ("organization", [edge.target])]
                if edge.relation == Relation.heads.rawValue { properties.append(("role", ["head"])) }
            default:
                schema = "UnknownLink"
                properties = [("subject", [edge.source]), ("object", [edge.target]), ("role", [edge.relation])]
            }
            properties += [("startDate", string(edge.values, "start")), ("endDate", string(edge.values, "end"))]
            properties += citations(edge.values)
            properties.append(("notes", remainder(edge.values, leaving: ["start", "end", "quote", "quote_source"])))
            entity(edge.id, schema, properties)
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
