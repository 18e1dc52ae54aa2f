import Foundation

/// Writes a ``Dataset`` in the dataset JSON format that ``DatasetLoader`` reads.
///
/// The output is deterministic and laid out like the bundled dataset: two-space indentation, fields in the
/// documented order, optional fields left out when absent, non-ASCII text unescaped, a final newline. Loading a
/// dataset file written this way and writing it again gives the same bytes.
public enum DatasetWriter {
    /// The dataset as JSON text.
    public static func text(of dataset: Dataset) -> String {
        document(of: dataset).prettyText + "\n"
    }

    /// The dataset as UTF-8 bytes.
    public static func data(of dataset: Dataset) -> Data { Data(text(of: dataset).utf8) }

    /// Writes the dataset to `path` with ``AtomicFile`` (a temporary file renamed into place), creating parent folders.
    /// - Throws: ``PartyGraphError/unwritable(file:reason:)``.
    public static func write(_ dataset: Dataset, to path: String) throws(PartyGraphError) {
        try AtomicFile.write(data(of: dataset), to: path)
    }

    /// The document tree, fields in the order of the format.
    static func document(of dataset: Dataset) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("format", .string(DatasetLoader.formatName)),
            .init("version", .integer(DatasetLoader.formatVersion)),
            .init("title", .string(dataset.title)),
        ]
        if let description = dataset.description { members.append(.init("description", .string(description))) }
        if !dataset.vocabulary.isEmpty { members.append(.init("vocabulary", vocabulary(dataset.vocabulary))) }
        members.append(.init("sources", .array(dataset.sources.map(source))))
        members.append(.init("nodes", .array(dataset.entities.map(node))))
        members.append(.init("relations", .array(dataset.relationships.map { relation($0, vocabulary: dataset.vocabulary) })))
        return .object(members)
    }

    static func source(_ source: Source) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(source.id)),
            .init("publisher", .string(source.publisher)),
            .init("title", .string(source.title)),
            .init("date", .string(source.date.description)),
        ]
        if let url = source.url { members.append(.init("url", .string(url))) }
        if let text = source.textFile { members.append(.init("text", .string(text))) }
        if source.kind != .reported { members.append(.init("kind", .string(source.kind.rawValue))) }
        return .object(members)
    }

    static func node(_ entity: Entity) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(entity.id.rawValue)),
            .init("kind", .string(entity.kind.rawValue)),
            .init("name", .string(entity.name)),
        ]
        if !entity.aliases.isEmpty { members.append(.init("aliases", .array(entity.aliases.map(JSONValue.string)))) }
        if let note = entity.note { members.append(.init("note", .string(note))) }
        if let seats = entity.seats { members.append(.init("seats", .string(seats.rawValue))) }
        if let meeting = entity.meeting {
            members.append(.init("meeting_kind", .string(meeting.refinedKind ?? meeting.kind.rawValue)))
            if let start = meeting.date.start { members.append(.init("start", .string(start.description))) }
            if let end = meeting.date.end { members.append(.init("end", .string(end.description))) }
            if let place = meeting.place { members.append(.init("place", .string(place))) }
            if meeting.claims.isEmpty {
                members.append(.init("status", .string(meeting.status.rawValue)))
                if let asOf = meeting.statusAsOf { members.append(.init("status_as_of", .string(asOf.description))) }
            } else {
                members.append(.init("status_claims", claims(meeting.claims)))
            }
        }
        if !entity.evidence.isEmpty { members.append(.init("evidence", evidence(entity.evidence))) }
        return .object(members)
    }

    static func relation(_ relationship: Relationship, vocabulary: DeclaredVocabulary) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("relation", .string(relationship.relation.rawValue)),
            .init("from", .string(relationship.from.rawValue)),
            .init("to", .string(relationship.to.rawValue)),
        ]
        if let start = relationship.valid.start { members.append(.init("start", .string(start.description))) }
        if let end = relationship.valid.end { members.append(.init("end", .string(end.description))) }
        if let role = relationship.role {
            members.append(.init("role", .string(relationship.refinedRole.flatMap { vocabulary.role($0)?.id } ?? role.rawValue)))
        }
        if let capacity = relationship.capacity { members.append(.init("capacity", .string(capacity.rawValue))) }
        if let ledBy = relationship.ledBy { members.append(.init("led_by", .string(ledBy.rawValue))) }
        if !relationship.evidence.isEmpty { members.append(.init("evidence", evidence(relationship.evidence))) }
        if !relationship.attestations.isEmpty { members.append(.init("attested", attestations(relationship.attestations))) }
        return .object(members)
    }

    /// Attestations as `{"date", "source", "quote"}` records.
    static func attestations(_ records: [Attestation]) -> JSONValue {
        .array(records.map { record in
            .object([.init("date", .string(record.date.description)), .init("source", .string(record.evidence.source)),
                     .init("quote", .string(record.evidence.quote))])
        })
    }

    /// Status claims, each with its date written out; `stance` only when it is not the default `supports`.
    static func claims(_ claims: [StatusClaim]) -> JSONValue {
        .array(claims.map { claim in
            var members: [JSONValue.Member] = [
                .init("source", .string(claim.source)), .init("date", .string(claim.date.description)),
                .init("status", .string(claim.status.rawValue)), .init("quote", .string(claim.quote)),
            ]
            if claim.stance != .supports { members.append(.init("stance", .string(claim.stance.rawValue))) }
            return .object(members)
        })
    }

    /// The declared vocabulary: each list only when it declares something.
    static func vocabulary(_ vocabulary: DeclaredVocabulary) -> JSONValue {
        func terms(_ terms: [DeclaredTerm]) -> JSONValue {
            .array(terms.map { .object([.init("id", .string($0.id)), .init("refines", .string($0.refines)), .init("label", .string($0.label))]) })
        }
        var members: [JSONValue.Member] = []
        if !vocabulary.meetingKinds.isEmpty { members.append(.init("meeting_kinds", terms(vocabulary.meetingKinds))) }
        if !vocabulary.roles.isEmpty { members.append(.init("roles", terms(vocabulary.roles))) }
        return .object(members)
    }

    /// Evidence records; `stance` is written only when it is not the default `supports`.
    static func evidence(_ records: [Evidence]) -> JSONValue {
        .array(records.map { record in
            var members: [JSONValue.Member] = [.init("source", .string(record.source)), .init("quote", .string(record.quote))]
            if record.stance != .supports { members.append(.init("stance", .string(record.stance.rawValue))) }
            return .object(members)
        })
    }
}
