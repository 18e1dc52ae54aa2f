/// Brings a dataset to the current format version (``DatasetLoader/formatVersion``): what `partygraph migrate` does
/// before writing the file with ``DatasetWriter``.
///
/// Version 2 gives a meeting's status as status claims, each citing a source. A meeting with a single `status`
/// becomes one claim only when a source can be cited honestly:
/// - with `status_as_of`, the first of the meeting's evidence records whose source is dated exactly that day;
/// - without it, the meeting's evidence when it cites exactly one source (its first record);
///
/// the claim takes that record's source and quote, the status, and the source's date. Otherwise the meeting keeps
/// its `status` (still valid in version 2): no source is ever invented. Everything else is kept as it is, so a
/// migrated dataset gives the same answers, and migrating it again changes nothing.
public enum DatasetMigration {
    /// What migration did to one meeting.
    public struct Change: Hashable, Sendable {
        /// What happened.
        public enum Outcome: Hashable, Sendable {
            /// The status became a claim citing this source.
            case claimFrom(source: String)
            /// The status was kept: no source could be cited honestly (the reason says why).
            case statusKept(reason: String)
        }

        /// The meeting.
        public var meeting: NodeID
        /// What happened to its status.
        public var outcome: Outcome
    }

    /// The dataset in the current format version, and what changed, meeting by meeting (meetings that already have
    /// status claims are not listed).
    public static func migrate(_ dataset: Dataset) -> (dataset: Dataset, changes: [Change]) {
        var entities = dataset.entities
        var changes: [Change] = []
        for (index, entity) in entities.enumerated() {
            guard var meeting = entity.meeting, entity.kind == .meeting, meeting.claims.isEmpty else { continue }
            switch citableRecord(for: meeting, evidence: entity.evidence, in: dataset) {
            case .success(let (record, date)):
                meeting.claims = [StatusClaim(source: record.source, date: date, status: meeting.status, quote: record.quote)]
                meeting.refreshStatusFromClaims()
                entities[index].meeting = meeting
                changes.append(Change(meeting: entity.id, outcome: .claimFrom(source: record.source)))
            case .failure(let reason):
                changes.append(Change(meeting: entity.id, outcome: .statusKept(reason: reason.text)))
            }
        }
        let migrated = Dataset(
            validatedTitle: dataset.title, description: dataset.description, sources: dataset.sources, entities: entities,
            relationships: dataset.relationships, vocabulary: dataset.vocabulary,
            validation: DatasetValidator.Result(findings: [], indexByID: dataset.indexByID, fromIndices: dataset.fromIndices,
                                                toIndices: dataset.toIndices),
            warnings: dataset.warnings)
        return (migrated, changes)
    }

    struct Reason: Error { var text: String }

    /// The evidence record a meeting's single status can be cited by, and the date of the claim; see ``DatasetMigration``.
    static func citableRecord(
        for meeting: MeetingDetails, evidence: [Evidence], in dataset: Dataset
    ) -> Result<(Evidence, PartialDate), Reason> {
        if let asOf = meeting.statusAsOf {
            for record in evidence {
                if let source = dataset.source(record.source), source.date == asOf { return .success((record, asOf)) }
            }
            return .failure(Reason(text: "no evidence record cites a source dated \(asOf), the status's \"status_as_of\""))
        }
        let cited = Set(evidence.map(\.source))
        guard cited.count == 1, let record = evidence.first, let source = dataset.source(record.source) else {
            return .failure(Reason(text: "the meeting cites \(cited.count) sources and has no \"status_as_of\" to choose one"))
        }
        return .success((record, source.date))
    }
}
