extension Dataset {
    /// Who holds an office for a meeting: each `holds` of the office that is in force under the filter (its
    /// validity overlaps the filter's `at` day, else the meeting's dates; see `QueryFilter.checkedSpan(for:)`),
    /// as (holder, `holds` relationship), in file order. The one rule behind attendance by office, lifting an
    /// office to its holders, the co-meeting graph and the diagrams.
    func holders(ofOffice office: Int, meeting: MeetingDetails?, filter: QueryFilter) -> [(Int, Int32)] {
        holders(ofOffice: office, during: filter.checkedSpan(for: meeting))
    }

    /// The `holds` of an office whose validity overlaps `span` (every one when `span` is `nil`), as (holder,
    /// `holds` relationship), in file order.
    func holders(ofOffice office: Int, during span: DateSpan?) -> [(Int, Int32)] {
        incomingIndices(of: office).compactMap { relationshipIndex in
            let holding = relationships[Int(relationshipIndex)]
            guard holding.relation == .holds, span.map(holding.valid.overlaps) ?? true else { return nil }
            return (Int(fromIndices[Int(relationshipIndex)]), relationshipIndex)
        }
    }

    /// The holders of an office during a span of days (a meeting's dates, a window), in file order: every node
    /// whose `holds` of the office has a validity overlapping the span.
    ///
    /// An empty answer means the sources name no holder for those days, not that the office was vacant.
    public func holders(ofOffice office: NodeID, during span: DateSpan) -> [NodeID] {
        guard let index = index(of: office) else { return [] }
        return holders(ofOffice: index, during: span).map { entities[$0.0].id }
    }
}
