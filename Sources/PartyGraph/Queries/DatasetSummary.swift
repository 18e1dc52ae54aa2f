/// Counts and spans that describe a dataset at a glance (`partygraph info`).
public struct DatasetSummary: Codable, Sendable, Equatable {
    /// A source and how often it is cited.
    public struct SourceSummary: Codable, Sendable, Equatable {
        /// The source's id.
        public var id: String
        /// Who published it.
        public var publisher: String
        /// Its title.
        public var title: String
        /// Its publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
        public var date: String
        /// Where it was published, if known.
        public var url: String?
        /// How many nodes and relations cite it.
        public var citations: Int
    }

    /// The dataset's title.
    public var title: String
    /// The number of nodes.
    public var nodes: Int
    /// The number of relationships.
    public var relations: Int
    /// Node counts by kind, every kind listed.
    public var nodesByKind: [NodeKind: Int]
    /// Relation counts by relation, every relation listed.
    public var relationsByType: [Relation: Int]
    /// Meeting counts by status, every status listed.
    public var meetingsByStatus: [MeetingStatus: Int]
    /// The first and last day any meeting covers (`YYYY-MM-DD`), if any meeting is dated.
    public var firstDate: String?
    /// The last day any meeting covers (`YYYY-MM-DD`), if any meeting is dated.
    public var lastDate: String?
    /// Every source, in dataset order, with its citation count.
    public var sources: [SourceSummary]

    /// Summarises a dataset.
    public init(dataset: Dataset) {
        title = dataset.title
        nodes = dataset.entities.count
        relations = dataset.relationships.count
        nodesByKind = Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { ($0, 0) })
        relationsByType = Dictionary(uniqueKeysWithValues: Relation.allCases.map { ($0, 0) })
        meetingsByStatus = Dictionary(uniqueKeysWithValues: MeetingStatus.allCases.map { ($0, 0) })
        var citations: [String: Int] = [:]
        var first: PartialDate?, last: PartialDate?
        for entity in dataset.entities {
            nodesByKind[entity.kind, default: 0] += 1
            for source in Set(entity.evidence.map(\.source)) { citations[source, default: 0] += 1 }
            guard let meeting = entity.meeting else { continue }
            meetingsByStatus[meeting.status, default: 0] += 1
            if let start = meeting.date.start, start.firstDay < first?.firstDay ?? Int.max { first = start }
            if let end = meeting.date.end, end.lastDay > last?.lastDay ?? Int.min { last = end }
        }
        for relationship in dataset.relationships {
            relationsByType[relationship.relation, default: 0] += 1
            for source in Set(relationship.evidence.map(\.source)) { citations[source, default: 0] += 1 }
        }
        firstDate = first.map { PartialDate.dayString($0.firstDay) }
        lastDate = last.map { PartialDate.dayString($0.lastDay) }
        sources = dataset.sources.map {
            SourceSummary(id: $0.id, publisher: $0.publisher, title: $0.title, date: $0.date.description, url: $0.url, citations: citations[$0.id] ?? 0)
        }
    }
}

extension PartialDate {
    /// The `YYYY-MM-DD` text of a day number.
    static func dayString(_ dayNumber: Int) -> String { (try? PartialDate(dayNumber: dayNumber))?.description ?? "?" }

    /// The full date of a day number (days since 0001-01-01).
    init(dayNumber: Int) throws(DateProblem) {
        var year = max(1, dayNumber / 366)
        while PartialDate.dayNumber(year: year + 1, month: 1, day: 1) <= dayNumber { year += 1 }
        var month = 1
        while month < 12 && PartialDate.dayNumber(year: year, month: month + 1, day: 1) <= dayNumber { month += 1 }
        try self.init(year: year, month: month, day: dayNumber - PartialDate.dayNumber(year: year, month: month, day: 1) + 1)
    }
}
