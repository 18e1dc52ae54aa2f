import PartyGraph

/// Which party each node belongs to, derived from the structure of the whole
/// dataset, and where each node sits in the hierarchy of parties, organs and
/// countries.
///
/// - An organ or office belongs to what it is `part-of` / `office-of`, up to a
///   party or a country; a country's nodes take the colour of the party
///   `based-in` it, marked as state bodies.
/// - A person belongs to the party of a party office they `hold`, else of what
///   they `head` or are a `member-of`, else of a body they are named as leading
///   (`led_by`), else of a state office they hold.
struct Affiliations {
    /// The party a node belongs to and whether it is a state body (of the country the party is based in).
    struct Affiliation: Hashable {
        var party: NodeID
        var isState: Bool
    }

    private(set) var affiliation: [NodeID: Affiliation] = [:]
    /// The structural parent of an organ or office (`part-of` / `office-of` target), or of a meeting (`part-of`).
    private(set) var parent: [NodeID: NodeID] = [:]
    /// Party colours by party id, given in dataset order.
    private(set) var colors: [NodeID: PartyColor] = [:]

    init(dataset: Dataset) {
        var partyOfCountry: [NodeID: NodeID] = [:]
        for relationship in dataset.relationships {
            switch relationship.relation {
            case .basedIn:
                if partyOfCountry[relationship.to] == nil, dataset.entity(relationship.from)?.kind == .party {
                    partyOfCountry[relationship.to] = relationship.from
                }
            case .partOf, .officeOf:
                if parent[relationship.from] == nil { parent[relationship.from] = relationship.to }
            default:
                break
            }
        }
        var partyNumber = 0
        for entity in dataset.entities where entity.kind == .party {
            colors[entity.id] = VisualLanguage.partyPalette[partyNumber % VisualLanguage.partyPalette.count]
            partyNumber += 1
        }

        // Parties, countries, organs and offices: up the hierarchy to a party or country.
        for entity in dataset.entities {
            switch entity.kind {
            case .party:
                affiliation[entity.id] = Affiliation(party: entity.id, isState: false)
            case .country:
                if let party = partyOfCountry[entity.id] { affiliation[entity.id] = Affiliation(party: party, isState: true) }
            case .organ, .office:
                var current = entity.id
                var seen: Set<NodeID> = [current]
                while let up = parent[current], seen.insert(up).inserted { current = up }
                switch dataset.entity(current)?.kind {
                case .party: affiliation[entity.id] = Affiliation(party: current, isState: false)
                case .country:
                    if let party = partyOfCountry[current] { affiliation[entity.id] = Affiliation(party: party, isState: true) }
                default: break
                }
            case .person, .meeting, .place:
                break
            }
        }

        // Persons: party offices first, then heads / member-of, then led_by, then state offices.
        for entity in dataset.entities where entity.kind == .person {
            var partyTies: [Affiliation] = []
            var ledTies: [Affiliation] = []
            var stateTies: [Affiliation] = []
            for relationship in dataset.relationships(from: entity.id) {
                guard [.holds, .heads, .memberOf].contains(relationship.relation),
                      let tie = affiliation[relationship.to] else { continue }
                if tie.isState { stateTies.append(tie) } else { partyTies.append(tie) }
            }
            for relationship in dataset.relationships(ledBy: entity.id) {
                if let tie = affiliation[relationship.from] { ledTies.append(tie) }
            }
            let chosen = partyTies.first ?? ledTies.first(where: { !$0.isState }) ?? stateTies.first ?? ledTies.first
            if let chosen { affiliation[entity.id] = chosen }
        }
    }

    /// The colours of a node: its party's, or neutral.
    func color(of id: NodeID) -> PartyColor {
        affiliation[id].flatMap { colors[$0.party] } ?? VisualLanguage.neutral
    }
}
