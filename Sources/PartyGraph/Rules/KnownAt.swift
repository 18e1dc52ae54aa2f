/// The rule of `--known-at`: the dataset as its sources stood on a date.
///
/// A source is *published by* a date when its whole publication date lies on or before it (a source dated
/// `2026-02` is published by `2026-02-28`, not by `2026-02-05`). On a date:
/// - evidence records and status claims of sources not yet published are dropped;
/// - a meeting with status claims has the status of its current remaining claim (``StatusClaim/current(of:)``),
///   and is not known yet — left out — when no claim remains; a meeting with a single `status` (format version 1)
///   is known from its earliest cited source and keeps that status (the format says nothing of an earlier one);
/// - a relationship is left out when none of the sources it cites is published yet, or when it touches a left-out
///   meeting; other nodes stay (an actor is not a claim), citing only what was published.
extension Dataset {
    /// The dataset as its sources stood on `date` (see the rule above); the same dataset when `date` is `nil`.
    ///
    /// - Complexity: O(n) in the nodes, relationships and their evidence.
    public func known(at date: PartialDate?) -> Dataset {
        guard let date else { return self }
        let published = Set(sources.lazy.filter { $0.date.lastDay <= date.lastDay }.map(\.id))
        return citing(onlySources: published)
    }
}
