import Foundation

/// Reads a FollowTheMoney entity stream (one JSON entity per line) into a dataset.
///
/// A stream ``FtMWriter`` wrote (its first entity is `partygraph-dataset`) is read from the `partygraph:` notes and
/// gives back the dataset it was written from. A plain stream is read for what it has: `Person`, `Organization`,
/// `PublicBody`, `Position` (its `organization` as office-of), `Address` (a place), `Event` (`organizer` as hosts,
/// `involved` as attendees), `Occupancy` (holds) and `Membership` (member-of); ids that are not PartyGraph ids become
/// `kind/slug` from the name. Any other schema is an error on its line: nothing is dropped unsaid.
enum FtMReader {
    static let nodeSchemata: [String: NodeKind] = [
        "Person": .person, "Organization": .organ, "PublicBody": .organ, "Position": .office, "Address": .place, "Event": .meeting,
    ]
    static let edgeSchemata: Set<String> = ["Occupancy", "Membership", "UnknownLink"]

    struct Line {
        var value: LocatedJSON
        var path: String
        var id: String
        var schema: String
        var properties: [String: (values: [String], offset: Int)]
        var propertiesValue: LocatedJSON?
    }

    static func load(path: String, sourceDirectory: URL?) throws(PartyGraphError) -> Dataset {
        let bytes = try InterchangeDocument.bytes(path)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(PartyGraphError) -> Dataset in
            let context = InterchangeDocument.Context(path: path, lines: LineIndex(bytes: buffer))
            var builder = DatasetBuilder()
            var lines: [Line] = []
            var start = 0, number = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                number += 1
                defer { start = end + 1 }
                let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
                if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let jsonPath = "line \(number)"
                let value: LocatedJSON
                do throws(JSONSyntaxError) { value = try LocatedJSON.parse(slice).shifted(by: start) } catch {
                    builder.issues.append(context.issue(start + error.offset, jsonPath, "invalid JSON: " + error.message,
                                                        fix: error.fix ?? "write one JSON entity per line"))
                    continue
                }
                if let line = read(value, at: jsonPath, context: context, issues: &builder.issues) { lines.append(line) }
            }
            if lines.isEmpty, builder.issues.isEmpty {
                throw context.fail(0, "$", "the file holds no entities", fix: "import a FollowTheMoney entity stream: one JSON entity per line")
            }
            if let first = lines.first, first.id == FtMWriter.datasetID {
                readOwn(lines, context: context, builder: &builder)
            } else {
                readPlain(lines, context: context, builder: &builder)
            }
            return try builder.finish(file: path, sourceDirectory: sourceDirectory)
        }
    }

    /// One entity's id, schema and properties (every value a list of strings), or `nil` with the problem reported.
    static func read(_ value: LocatedJSON, at path: String, context: InterchangeDocument.Context, issues: inout [DatasetIssue]) -> Line? {
        guard case .object = value.shape else {
            issues.append(context.issue(value.offset, path, "an entity is a JSON object", fix: "write {\"id\": …, \"schema\": …, \"properties\": {…}}"))
            return nil
        }
        guard case .string(let id)? = value["id"]?.shape, !id.isEmpty else {
            issues.append(context.issue(value["id"]?.offset ?? value.offset, path + ".id", "an entity needs an \"id\" (text)"))
            return nil
        }
        guard case .string(let schema)? = value["schema"]?.shape else {
            issues.append(context.issue(value["schema"]?.offset ?? value.offset, path + ".schema", "an entity needs a \"schema\" (text)"))
            return nil
        }
        var properties: [String: (values: [String], offset: Int)] = [:]
        if let object = value["properties"] {
            guard case .object(let members) = object.shape else {
                issues.append(context.issue(object.offset, path + ".properties", "\"properties\" must be an object of lists"))
                return nil
            }
            for member in members {
                guard case .array(let items) = member.value.shape else {
                    issues.append(context.issue(member.value.offset, path + ".properties." + member.key, "a property is a list of values",
                                                fix: "write [\"value\"]"))
                    return nil
                }
                var values: [String] = []
                for item in items {
                    guard case .string(let text) = item.shape else {
                        issues.append(context.issue(item.offset, path + ".properties." + member.key, "property values are text"))
                        return nil
                    }
                    values.append(text)
                }
                properties[member.key] = (values, member.value.offset)
            }
        }
        return Line(value: value, path: path, id: id, schema: schema, properties: properties, propertiesValue: value["properties"])
    }

    /// The record an entity's fields and `partygraph:` notes make, placed in the entity's line.
    static func record(_ line: Line, _ fields: [String: String], renaming: [String: String], context: InterchangeDocument.Context,
                       issues: inout [DatasetIssue]) -> FlatRecord {
        var fields = fields
        var offsets: [String: Int] = [:]
        for (column, property) in renaming { if let entry = line.properties[property] { offsets[column] = entry.offset } }
        if let notes = line.properties["notes"], let text = notes.values.first(where: { $0.hasPrefix(FtMWriter.notesPrefix) }) {
            let json = Array(text.utf8.dropFirst(FtMWriter.notesPrefix.utf8.count))
            let parsed = json.withUnsafeBufferPointer { try? LocatedJSON.parse($0) }
            if let parsed, case .object(let members) = parsed.shape {
                for member in members {
                    offsets[member.key] = notes.offset
                    switch member.value.shape {
                    case .null: continue
                    case .string(let text): if !text.isEmpty { fields[member.key] = text }
                    default: fields[member.key] = member.value.plain.compactText
                    }
                }
            } else {
                issues.append(context.issue(notes.offset, line.path + ".properties.notes", "the partygraph note is not a JSON object",
                                            fix: "leave the note as the export wrote it, or remove it"))
            }
        }
        let path = line.path
        return FlatRecord(fields: fields) { column in
            let property = column.flatMap { renaming[$0] ?? (offsets[$0] != nil ? "notes" : nil) }
            return context.issue(column.flatMap { offsets[$0] } ?? line.value.offset, path + (property.map { ".properties." + $0 } ?? ""), "")
        }
    }

    static func first(_ line: Line, _ property: String) -> String? { line.properties[property]?.values.first }

    static func readOwn(_ lines: [Line], context: InterchangeDocument.Context, builder: inout DatasetBuilder) {
        for line in lines {
            if line.id == FtMWriter.datasetID {
                builder.title = (first(line, "title") ?? "").nfc
                builder.description = first(line, "description")?.nfc
                let meta = record(line, [:], renaming: [:], context: context, issues: &builder.issues)
                if let vocabulary = meta.fields["vocabulary"] { builder.readVocabulary(vocabulary, at: meta.place("vocabulary")) }
            } else if line.schema == "Document" {
                builder.addSource(record(line, [:], renaming: [:], context: context, issues: &builder.issues))
            } else if edgeSchemata.contains(line.schema) {
                let (from, to) = line.schema == "Occupancy" ? ("holder", "post") : line.schema == "Membership" ? ("member", "organization") : ("subject", "object")
                var fields: [String: String] = ["id": line.id]
                fields["from"] = first(line, from)
                fields["to"] = first(line, to)
                fields["start"] = first(line, "startDate")
                fields["end"] = first(line, "endDate")
                builder.addEdge(record(line, fields, renaming: ["from": from, "to": to, "start": "startDate", "end": "endDate"], context: context,
                                       issues: &builder.issues))
            } else if nodeSchemata[line.schema] != nil {
                var fields: [String: String] = ["id": line.id]
                fields["name"] = first(line, "name")
                if let aliases = line.properties["alias"]?.values, !aliases.isEmpty {
                    fields["aliases"] = JSONValue.array(aliases.map(JSONValue.string)).compactText
                }
                fields["start"] = first(line, "startDate")
                fields["end"] = first(line, "endDate")
                fields["place"] = first(line, "location")
                builder.addNode(record(line, fields, renaming: ["name": "name", "aliases": "alias", "start": "startDate", "end": "endDate", "place": "location"],
                                       context: context, issues: &builder.issues))
            } else {
                builder.issues.append(context.issue(line.value["schema"]?.offset ?? line.value.offset, line.path + ".schema",
                                                    "PartyGraph does not read the schema \"\(line.schema)\"",
                                                    fix: "one of " + (Array(nodeSchemata.keys) + Array(edgeSchemata) + ["Document"]).sorted().joined(separator: ", ")))
            }
        }
    }

    static func readPlain(_ lines: [Line], context: InterchangeDocument.Context, builder: inout DatasetBuilder) {
        builder.title = "Imported from FollowTheMoney"
        var ids = InterchangeDocument.IDMap()
        var nodes: [(line: Line, id: NodeID, kind: NodeKind)] = []
        var edges: [Line] = []
        for line in lines {
            if let kind = nodeSchemata[line.schema] {
                guard let name = first(line, "name"), !name.isBlank else {
                    builder.issues.append(context.issue(line.propertiesValue?.offset ?? line.value.offset, line.path + ".properties.name",
                                                        "the \(line.schema) has no name", fix: "give it a \"name\""))
                    continue
                }
                nodes.append((line, ids.assign(line.id, kind: kind, name: name), kind))
            } else if edgeSchemata.contains(line.schema) && line.schema != "UnknownLink" {
                edges.append(line)
            } else {
                builder.issues.append(context.issue(line.value["schema"]?.offset ?? line.value.offset, line.path + ".schema",
                                                    "PartyGraph does not read the schema \"\(line.schema)\"",
                                                    fix: "PartyGraph reads Person, Organization, PublicBody, Position, Address, Event, Occupancy and Membership; remove the line"))
            }
        }
        func reference(_ line: Line, _ property: String, _ given: String, among kinds: Set<NodeKind>) -> NodeID? {
            guard let id = ids.id(given), let kind = ids.kind(of: id), kinds.contains(kind) else {
                let what = kinds.map(\.rawValue).sorted().joined(separator: " or ")
                builder.issues.append(context.issue(line.properties[property]?.offset ?? line.value.offset, line.path + ".properties." + property,
                                                    "no \(what) with id \"\(given)\" in the stream", fix: "add its entity, or correct the id"))
                return nil
            }
            return id
        }
        func addEdge(_ relation: Relation, _ from: NodeID, _ to: NodeID, _ line: Line, _ fields: [String: String] = [:]) {
            var fields = fields
            fields["relation"] = relation.rawValue
            fields["from"] = from.rawValue
            fields["to"] = to.rawValue
            fields["start"] = first(line, "startDate").map { String($0.prefix(10)) }
            fields["end"] = first(line, "endDate").map { String($0.prefix(10)) }
            builder.addEdge(record(line, fields, renaming: ["start": "startDate", "end": "endDate"], context: context, issues: &builder.issues))
        }
        let organizations: Set<NodeKind> = [.party, .organ]
        for node in nodes {
            var fields: [String: String] = ["id": node.id.rawValue, "kind": node.kind.rawValue]
            fields["name"] = first(node.line, "name")
            if let aliases = node.line.properties["alias"]?.values, !aliases.isEmpty {
                fields["aliases"] = JSONValue.array(aliases.map(JSONValue.string)).compactText
            }
            if node.kind == .meeting {
                fields["meeting_kind"] = MeetingKind.meeting.rawValue
                fields["start"] = first(node.line, "startDate").map { String($0.prefix(10)) }
                fields["end"] = first(node.line, "endDate").map { String($0.prefix(10)) }
                fields["place"] = first(node.line, "location")
            }
            builder.addNode(record(node.line, fields, renaming: ["name": "name", "start": "startDate", "end": "endDate", "place": "location"],
                                   context: context, issues: &builder.issues))
        }
        for node in nodes {
            switch node.kind {
            case .office:
                for given in node.line.properties["organization"]?.values ?? [] {
                    if let organization = reference(node.line, "organization", given, among: organizations) { addEdge(.officeOf, node.id, organization, node.line) }
                }
            case .meeting:
                for given in node.line.properties["organizer"]?.values ?? [] {
                    if let host = reference(node.line, "organizer", given, among: organizations.union([.person])) { addEdge(.hosts, host, node.id, node.line) }
                }
                for given in node.line.properties["involved"]?.values ?? [] {
                    if let actor = reference(node.line, "involved", given, among: organizations.union([.person, .office])) {
                        addEdge(.participantIn, actor, node.id, node.line, ["role": ParticipantRole.attendee.rawValue])
                    }
                }
            default: break
            }
        }
        for line in edges {
            let occupancy = line.schema == "Occupancy"
            let (fromProperty, toProperty) = occupancy ? ("holder", "post") : ("member", "organization")
            guard let fromGiven = first(line, fromProperty), let toGiven = first(line, toProperty) else {
                builder.issues.append(context.issue(line.propertiesValue?.offset ?? line.value.offset, line.path + ".properties",
                                                    "a \(line.schema) needs \"\(fromProperty)\" and \"\(toProperty)\"", fix: "name both ends by their entity ids"))
                continue
            }
            guard let from = reference(line, fromProperty, fromGiven, among: [.person]),
                  let to = reference(line, toProperty, toGiven, among: occupancy ? [.office] : organizations) else { continue }
            addEdge(occupancy ? .holds : .memberOf, from, to, line)
        }
    }
}

extension LocatedJSON {
    /// The value with every offset moved by `distance` (a line parsed alone, placed in its file).
    func shifted(by distance: Int) -> LocatedJSON {
        var copy = self
        copy.offset += distance
        switch shape {
        case .array(let items): copy.shape = .array(items.map { $0.shifted(by: distance) })
        case .object(let members): copy.shape = .object(members.map { ($0.key, $0.value.shifted(by: distance)) })
        default: break
        }
        return copy
    }
}
