import PartyGraph

/// Which party each node belongs to, derived from the structure of the dataset, and where each node sits in the
/// hierarchy of parties, organs and countries.
///
/// - An organ or office belongs to what it is `part-of` / `office-of`, up to a
///   party or a country; a country's nodes take the colour of the party
///   `based-in` it, marked as state bodies.
/// - A person belongs to the party of a party office they `hold`, else of what
///   they `head` or are a `member-of`, else of a body they are named as leading
///   (`led_by`), else of a state office they hold.
///
/// Each answer is worked out when first asked, from the node's own relationships and those of the nodes above it,
/// and kept: a view asks about its own nodes only, so its cost does not grow with the dataset.
final class Affiliations {
    /// The party a node belongs to and whether it is a state body (of the country the party is based in).
    struct Affiliation: Hashable {
        var party: NodeID
        var isState: Bool
    }

    private let dataset: ViewData
    private var affiliations: [NodeID: Affiliation?] = [:]
    private var parents: [NodeID: NodeID?] = [:]
    private var partiesOfCountries: [NodeID: NodeID?] = [:]

    init(dataset: ViewData) {
        self.dataset = dataset
    }

    /// The structural parent of an organ or office (the target of its first `part-of` / `office-of`, in file
    /// order), or of a meeting (`part-of`).
    func parent(of id: NodeID) -> NodeID? {
        if let known = parents[id] { return known }
        let parent = dataset.relationships(from: id).first { $0.relation == .partOf || $0.relation == .officeOf }?.to
        parents[id] = parent
        return parent
    }

    /// The first party (in file order) `based-in` a country.
    private func party(ofCountry country: NodeID) -> NodeID? {
        if let known = partiesOfCountries[country] { return known }
        let party = dataset.relationships(to: country)
            .first { $0.relation == .basedIn && dataset.entity($0.from)?.kind == .party }?.from
        partiesOfCountries[country] = party
        return party
    }

    /// The party a node belongs to, if any.
    func affiliation(of id: NodeID) -> Affiliation? {
        if let known = affiliations[id] { return known }
        let found = work(id)
        affiliations[id] = found
        return found
    }

    private func work(_ id: NodeID) -> Affiliation? {
        guard let kind = dataset.entity(id)?.kind else { return nil }
        switch kind {
        case .party:
            return Affiliation(party: id, isState: false)
        case .country:
            return party(ofCountry: id).map { Affiliation(party: $0, isState: true) }
        case .organ, .office:
            // Up the hierarchy to a party or country.
            var current = id
            var seen: Set<NodeID> = [current]
            while let up = parent(of: current), seen.insert(up).inserted { current = up }
            switch dataset.entity(current)?.kind {
            case .party: return Affiliation(party: current, isState: false)
            case .country: return party(ofCountry: current).map { Affiliation(party: $0, isState: true) }
            default: return nil
            }
        case .person:
            // Party offices first, then heads / member-of, then led_by, then state offices. The targets of these
            // relations and the bodies led are never persons, so the order persons are asked in does not matter.
            var partyTies: [Affiliation] = []
            var ledTies: [Affiliation] = []
            var stateTies: [Affiliation] = []
            for relationship in dataset.relationships(from: id) {
                guard [.holds, .heads, .memberOf].contains(relationship.relation),
                      let tie = affiliation(of: relationship.to) else { continue }
                if tie.isState { stateTies.append(tie) } else { partyTies.append(tie) }
            }
            for relationship in dataset.relationships(ledBy: id) {
                if let tie = affiliation(of: relationship.from) { ledTies.append(tie) }
            }
            return partyTies.first ?? ledTies.first(where: { !$0.isState }) ?? stateTies.first ?? ledTies.first
        case .meeting, .place:
            return nil
        }
    }

    /// The colours of a node: its party's (one colour per party, given in the parties' file order), or neutral.
    func color(of id: NodeID) -> PartyColor {
        guard let party = affiliation(of: id)?.party, let position = dataset.positionAmongItsKind(party) else {
            return VisualLanguage.neutral
        }
        return VisualLanguage.partyPalette[position % VisualLanguage.partyPalette.count]
    }
}
