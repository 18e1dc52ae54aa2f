import PartyGraph

/// The records a view builder has read, counted so that a test can show that a view's work grows with the view, not
/// with the dataset (a timing would not fail reliably). One counter per view being built.
final class ViewWork: @unchecked Sendable {
    /// Entities, relationships and sources read so far; a read of a whole list counts every record of it.
    private(set) var records = 0

    func count(_ records: Int) { self.records += records }
}

/// A dataset as the view builders (``ViewSelection``, ``DiagramComposer``, ``Affiliations``) read it: through the
/// dataset's indexes, one node's relationships at a time, each record counted in ``work``. The whole lists
/// (``entities``, ``relationships``, ``sources``) are there for the views that show a whole dataset, and count
/// every record they hand out.
struct ViewData {
    let dataset: Dataset
    let work: ViewWork

    init(_ dataset: Dataset, work: ViewWork = ViewWork()) {
        self.dataset = dataset
        self.work = work
    }

    var title: String { dataset.title }

    func entity(_ id: NodeID) -> Entity? {
        work.count(1)
        return dataset.entity(id)
    }

    func index(of id: NodeID) -> Int? { dataset.index(of: id) }

    func name(of id: NodeID) -> String {
        work.count(1)
        return dataset.name(of: id)
    }

    func relationships(from id: NodeID) -> [Relationship] { counted(dataset.relationships(from: id)) }
    func relationships(to id: NodeID) -> [Relationship] { counted(dataset.relationships(to: id)) }
    func relationships(ledBy id: NodeID) -> [Relationship] { counted(dataset.relationships(ledBy: id)) }
    /// The dataset's declared meeting kinds and roles (small: read whole, not counted).
    var vocabulary: DeclaredVocabulary { dataset.vocabulary }
    func places(ofMeeting meeting: NodeID) -> [Entity] { counted(dataset.places(ofMeeting: meeting)) }
    func enclosingPlaces(of place: NodeID) -> [Entity] { counted(dataset.enclosingPlaces(of: place)) }
    /// Every relationship between two of `ids`, in file order.
    func relationships(among ids: Set<NodeID>) -> [Relationship] { counted(dataset.relationships(among: ids)) }

    func attendances(of id: NodeID, filter: QueryFilter) -> [MeetingAttendance] {
        counted(dataset.attendances(of: id, filter: filter))
    }

    func holders(ofOffice office: NodeID, during span: DateSpan) -> [NodeID] {
        counted(dataset.holders(ofOffice: office, during: span))
    }

    func source(_ id: String) -> Source? {
        work.count(1)
        return dataset.source(id)
    }

    /// The sources with these ids, in file order.
    func sources(withIDs ids: Set<String>) -> [Source] { counted(dataset.sources(withIDs: ids)) }

    /// The position of a node among the nodes of its kind, in file order.
    func positionAmongItsKind(_ id: NodeID) -> Int? {
        work.count(1)
        return dataset.positionAmongItsKind(id)
    }

    var entities: [Entity] { counted(dataset.entities) }
    var relationships: [Relationship] { counted(dataset.relationships) }
    var meetings: [Entity] { counted(dataset.meetings) }

    private func counted<T>(_ records: [T]) -> [T] {
        work.count(records.count + 1)
        return records
    }
}
