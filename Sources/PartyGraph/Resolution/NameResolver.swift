/// Finds nodes by id, name or alias, ignoring case, diacritics, punctuation and spacing.
///
/// `"to lam"` finds Tô Lâm, `"Viet Nam"` finds Việt Nam, `"cpv"` finds the Communist Party of Việt Nam.
/// Matches are ranked, and only the best rank counts: an exact id, name or alias; then an actor (any node but a
/// meeting) one of whose names holds the text as a run of whole words ("thongloun" → Thongloun Sisoulith,
/// "minh chinh" → Phạm Minh Chính); then an actor whose name merely contains it; then a meeting whose name does.
/// So an actor is never ambiguous with a meeting whose name mentions it. Several equally good matches are an
/// error that lists them; a name that matches nothing suggests the nearest names.
public struct NameResolver: Sendable {
    private let dataset: Dataset

    /// The names of every node, indexed on the first search by name (an id is found without it) and kept with the
    /// dataset, so that resolving an id costs the same in a dataset of any size.
    struct Index: Sendable {
        /// Entity indices by the matching key of their id, slug, name and aliases.
        var exact: [String: [Int]] = [:]
        /// Every (key, entity) pair, for partial matching and suggestions.
        var keys: [(key: String, entity: Int)] = []
        /// Actors (not meetings) by the matching key of every run of whole words of their names and aliases.
        var wordRuns: [String: [Int]] = [:]

        init(_ dataset: Dataset) {
            for (index, entity) in dataset.entities.enumerated() {
                for key in NameResolver.matchingKeys(of: entity) {
                    exact[key, default: []].append(index)
                    keys.append((key, index))
                }
                for run in NameResolver.wordRunKeys(of: entity) { wordRuns[run, default: []].append(index) }
            }
        }
    }

    /// The name index, built on first use.
    private var index: Index { dataset.caches.names { Index(dataset) } }

    /// Finds the nodes of a dataset by their names (the names are indexed on the first search by name).
    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The key a text is matched by: diacritics, case, spacing and punctuation removed, Vietnamese `đ` as `d`
    /// (`"Tô Lâm"` and `"to lam"` both give `tolam`). A name matches a node when its key equals one of the node's
    /// ``matchingKeys(of:)``; failing that, one of its ``wordRunKeys(of:)``; failing that, when it is part of one
    /// of its ``matchingKeys(of:)`` (actors before meetings) — see ``resolve(_:)``.
    public static func matchingKey(_ text: String) -> String { text.matchingKey }

    /// The keys a node is found by: those of its name, of its id's last part (`to-lam` of `person/to-lam`) and of
    /// each alias, without repeats or empty keys, in that order.
    public static func matchingKeys(of entity: Entity) -> [String] {
        let slug = entity.id.rawValue.split(separator: "/").last.map(String.init) ?? entity.id.rawValue
        var keys: [String] = []
        for text in [entity.name, slug] + entity.aliases {
            let key = text.matchingKey
            if !key.isEmpty && !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The keys of every run of whole words of an actor's name and aliases (`"minh chinh"` of Phạm Minh Chính), in
    /// sorted order; none for a meeting. Words are split at spaces and dashes.
    public static func wordRunKeys(of entity: Entity) -> [String] {
        guard entity.kind != .meeting else { return [] }
        var runs = Set<String>()
        for text in [entity.name] + entity.aliases {
            let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "–" }).map { String($0).matchingKey }
            for start in words.indices {
                var run = ""
                for word in words[start...] {
                    run += word
                    if !run.isEmpty { runs.insert(run) }
                }
            }
        }
        return runs.sorted()
    }

    /// The node a person means by `name`.
    /// - Throws: ``PartyGraphError/ambiguousName(_:candidates:)`` or ``PartyGraphError/unknownName(_:suggestions:)``.
    public func resolve(_ name: String) throws(PartyGraphError) -> Entity {
        if let entity = dataset.entity(NodeID(name)) { return entity }
        let key = name.matchingKey
        guard !key.isEmpty else { throw .unknownName(name, suggestions: []) }
        let index = self.index
        let (exact, keys, wordRuns) = (index.exact, index.keys, index.wordRuns)
        if let matches = exact[key] { return try single(name, matches) }
        if let matches = wordRuns[key] { return try single(name, matches) }
        let partial = Set(keys.filter { $0.key.contains(key) }.map(\.entity))
        let partialActors = partial.filter { dataset.entities[$0].kind != .meeting }
        if !partialActors.isEmpty { return try single(name, Array(partialActors)) }
        if !partial.isEmpty { return try single(name, Array(partial)) }
        let threshold = max(3, key.count / 2)
        // The distance is at least the difference in length: keys that cannot be near are not compared.
        let ranked = keys.filter { abs($0.key.count - key.count) <= threshold }
            .map { (entity: $0.entity, distance: editDistance(key, $0.key)) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.entity < $1.entity }
        var suggestions: [String] = []
        for candidate in ranked where candidate.distance <= threshold {
            let label = describe(candidate.entity)
            if !suggestions.contains(label) { suggestions.append(label) }
            if suggestions.count == 5 { break }
        }
        throw .unknownName(name, suggestions: suggestions)
    }

    /// The nodes a name names exactly, as the first rank of ``resolve(_:)`` finds them: by id, or by a matching key
    /// (``matchingKey(_:)``) equal to one of the node's ``matchingKeys(of:)`` — its name, its id's slug or an alias,
    /// diacritics and case ignored. In dataset order, without repeats; empty when none.
    ///
    /// An importer matches names with this rank only, so a new name is never taken for a node whose name merely
    /// contains it (see ``partialMatches(_:)``).
    public func exactMatches(_ name: String) -> [Entity] {
        if let entity = dataset.entity(NodeID(name)) { return [entity] }
        let key = name.matchingKey
        guard !key.isEmpty, let matches = index.exact[key] else { return [] }
        return Array(Set(matches)).sorted().map { dataset.entities[$0] }
    }

    /// The nodes ``resolve(_:)`` would find by its looser ranks when nothing matches exactly: actors with the name
    /// as a run of whole words, else actors (then meetings) whose keys contain it. In dataset order; empty when a
    /// name matches exactly or not at all.
    public func partialMatches(_ name: String) -> [Entity] {
        guard exactMatches(name).isEmpty else { return [] }
        let key = name.matchingKey
        guard !key.isEmpty else { return [] }
        let index = self.index
        if let matches = index.wordRuns[key] { return Array(Set(matches)).sorted().map { dataset.entities[$0] } }
        let partial = Set(index.keys.filter { $0.key.contains(key) }.map(\.entity))
        let actors = partial.filter { dataset.entities[$0].kind != .meeting }
        return (actors.isEmpty ? partial : actors).sorted().map { dataset.entities[$0] }
    }

    /// Resolves each name; the first failure is thrown.
    public func resolveAll(_ names: [String]) throws(PartyGraphError) -> [Entity] {
        var entities: [Entity] = []
        for name in names { entities.append(try resolve(name)) }
        return entities
    }

    private func single(_ name: String, _ matches: [Int]) throws(PartyGraphError) -> Entity {
        let unique = Array(Set(matches)).sorted()
        if unique.count == 1 { return dataset.entities[unique[0]] }
        throw .ambiguousName(name, candidates: unique.map(describe))
    }

    private func describe(_ index: Int) -> String {
        let entity = dataset.entities[index]
        return "\(entity.id) (\(entity.name))"
    }
}
