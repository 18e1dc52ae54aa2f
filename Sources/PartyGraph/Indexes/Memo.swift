import Foundation

/// A value computed on first use and then kept, safe to share between threads.
///
/// The first caller computes the value under the memo's own lock; callers arriving meanwhile wait for that value
/// instead of computing it again. Each memo has its own lock, so computing one value may read another memo — but
/// never the memo being computed.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    /// The kept value, or the value `compute` returns, kept for later calls.
    func callAsFunction(_ compute: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let value = compute()
        stored = value
        return value
    }
}

/// Values derived from a dataset on first use, shared by its copies (a dataset never changes once built): one
/// ``Memo`` per index.
final class DatasetCaches: Sendable {
    /// Entity indices of the meetings in date order (see `Dataset.meetingOrder`).
    let meetingOrder = Memo<[Int32]>()
    /// Each entity's position in the meeting order (see `Dataset.meetingRank`).
    let meetingRank = Memo<[Int32]>()
    /// The relationships by the entity their `led_by` names (see `Dataset.ledByRelationships(of:)`).
    let ledBy = Memo<RelationshipBuckets>()
    /// The `participant-in` relationships by the entity their `capacity` names (see `capacityRelationships(of:)`).
    let capacity = Memo<RelationshipBuckets>()
    /// The upward relationships of each entity (see `upwardIndices(of:)`).
    let upward = Memo<RelationshipBuckets>()
    /// The position in `sources` of the first source with each id (see `sourcePosition(_:)`).
    let sourcePositions = Memo<[String: Int]>()
    /// The tenures of attested holdings and the unknown successions of their seats (see `Dataset.tenureIndex`).
    let tenure = Memo<TenureIndex>()
    /// Each entity's position among the entities of its kind (see `Dataset.positionAmongItsKind(_:)`).
    let kindPositions = Memo<[Int32]>()
    /// The name index of ``NameResolver`` (see `NameResolver.index`).
    let names = Memo<NameResolver.Index>()
}
