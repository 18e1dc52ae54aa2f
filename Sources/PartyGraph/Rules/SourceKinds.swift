/// The rule of `--source-kind`: the dataset as only sources of some kinds state it, e.g. without machine-coded
/// event data (``SourceKind/machineCoded``).
///
/// A fact stays when at least one of its evidence records (for a meeting with status claims: one of its claims)
/// cites a source of an admitted kind; records citing other sources are dropped from what stays. Otherwise as
/// ``Dataset/known(at:)``: a meeting no admitted source states is left out with its relationships; other nodes stay
/// (an actor is not a claim), citing only admitted sources; a relationship that cites no source at all stays.
extension Dataset {
    /// The dataset as only sources of the given kinds state it (see the rule above); the same dataset when `kinds`
    /// is empty or holds every kind.
    ///
    /// - Complexity: O(n) in the sources, nodes, relationships and their evidence.
    public func admitting(sourceKinds kinds: Set<SourceKind>) -> Dataset {
        guard !kinds.isEmpty, !SourceKind.allCases.allSatisfy(kinds.contains) else { return self }
        return citing(onlySources: Set(sources.lazy.filter { kinds.contains($0.kind) }.map(\.id)))
    }
}
