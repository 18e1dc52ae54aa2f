extension Dataset {
    /// Who holds an office for a meeting: each `holds` of the office that is in force under the filter (on the
    /// meeting's dates, or outside a meeting the filter's `at` day; see `QueryFilter.checkedSpan(for:)`),
    /// as (holder, `holds` relationship), in file order. The one rule behind attendance by office, lifting an
    /// office to its holders, the co-meeting graph and the diagrams.
    func holders(ofOffice office: Int, meeting: MeetingDetails?, filter: QueryFilter) -> [(Int, Int32)] {
        holders(ofOffice: office, during: filter.checkedSpan(for: meeting))
    }

    /// The `holds` of an office in force on some day of `span` (every one when `span` is `nil`), by the tenure rule
    /// (``isInForce(_:during:)``: stated or inferred, never in an unknown succession), as (holder, `holds`
    /// relationship), in file order.
    func holders(ofOffice office: Int, during span: DateSpan?) -> [(Int, Int32)] {
        incomingIndices(of: office).compactMap { relationshipIndex in
            let holding = relationships[Int(relationshipIndex)]
            guard holding.relation == .holds, isInForce(relationshipIndex, during: span) else { return nil }
            return (Int(fromIndices[Int(relationshipIndex)]), relationshipIndex)
        }
    }

    /// The holders of an office during a span of days (a meeting's dates, a window), in file order: every node
    /// whose `holds` of the office is in force on some day of the span, stated or inferred by the tenure rule
    /// (``officeHolders(_:during:)`` gives the certainty and the unknown successions).
    ///
    /// An empty answer means the sources name no holder for those days, not that the office was vacant.
    public func holders(ofOffice office: NodeID, during span: DateSpan) -> [NodeID] {
        guard let index = index(of: office) else { return [] }
        return holders(ofOffice: index, during: span).map { entities[$0.0].id }
    }
}
