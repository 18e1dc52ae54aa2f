/// How a source came by what it states: reported by people, or coded by a machine from news text.
///
/// Machine-coded event data (ICEWS, POLECAT) is read by software, not by a person; ``Dataset/admitting(sourceKinds:)``
/// lets an answer leave it out. Format version 2 writes it as the source's `"kind"`; absent means ``reported``.
public enum SourceKind: String, CaseIterable, Sendable, Codable {
    /// A report written by people: a news article, a communiqué, a register (the default).
    case reported
    /// A record machine-coded from news text (an event-data set): who met whom, as a coder read a sentence.
    case machineCoded = "machine-coded"
}

/// A published report that facts are taken from.
public struct Source: Hashable, Sendable, Identifiable {
    /// A short stable id, e.g. `ppp-2026-02-03`.
    public var id: String
    /// Who published it.
    public var publisher: String
    /// Its title.
    public var title: String
    /// The publication date; meeting statuses hold "as of" it.
    public var date: PartialDate
    /// Where it was published, if known.
    public var url: String?
    /// The report's text, relative to the dataset file, used to check that every quote is verbatim.
    public var textFile: String?
    /// How the source came by what it states (default ``SourceKind/reported``).
    public var kind: SourceKind

    /// Creates a source.
    public init(
        id: String, publisher: String, title: String, date: PartialDate, url: String? = nil, textFile: String? = nil,
        kind: SourceKind = .reported
    ) {
        self.kind = kind
        self.id = id
        self.publisher = publisher
        self.title = title
        self.date = date
        self.url = url
        self.textFile = textFile
    }
}

/// What a source says in support of a fact: the source and the sentence (or clause) quoted from it.
public struct Evidence: Hashable, Sendable {
    /// How this record bears on the fact.
    public enum Stance: String, Sendable, CaseIterable, Codable {
        /// The source states the fact.
        case supports
        /// A later source confirms what an earlier one announced.
        case confirms
        /// A later source corrects an earlier one; the fact as now recorded follows this source.
        case corrects
        /// The source contradicts the fact. A disputed fact still counts in answers, which mark it and cite both sides.
        case disputes
    }

    /// The id of a ``Source`` in the same dataset.
    public var source: String
    /// The supporting text, verbatim.
    public var quote: String
    /// How the record bears on the fact (default ``Stance-swift.enum/supports``).
    public var stance: Stance

    /// Creates an evidence record.
    public init(source: String, quote: String, stance: Stance = .supports) {
        self.source = source
        self.quote = quote
        self.stance = stance
    }
}
