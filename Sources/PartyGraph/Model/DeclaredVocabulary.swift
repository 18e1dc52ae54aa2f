/// A term a dataset declares for itself, refining a core one: `courtesy-call` refines `meeting`.
public struct DeclaredTerm: Hashable, Sendable, Codable {
    /// The id used in the dataset (`"meeting_kind": "courtesy-call"`): lowercase ASCII letters, digits and `-`.
    public var id: String
    /// How answers name it in tables ("Courtesy call").
    public var label: String
    /// The core value or the other declared id it refines; the chain of refinements ends in a core value.
    public var refines: String

    /// Creates a declaration; ``Dataset`` checks it.
    public init(id: String, label: String, refines: String) {
        self.id = id
        self.label = label
        self.refines = refines
    }
}

/// A declared participant role as a relationship carries it: its position in ``DeclaredVocabulary/roles``
/// (two bytes, so the million relationships of a large dataset carry a refinement at no cost in memory).
public struct DeclaredRole: Hashable, Sendable {
    /// The position of the declaration in ``DeclaredVocabulary/roles``.
    public let position: UInt16

    /// The role declared at `position` of ``DeclaredVocabulary/roles``.
    public init(position: UInt16) { self.position = position }
}

/// The meeting kinds and participant roles a dataset declares over the core ones (format version 2).
///
/// Every declared term refines a core value (``MeetingKind``, ``ParticipantRole``), directly or through other
/// declared terms; a meeting or a participation using it keeps the core value it ends in, so every rule written for
/// the core vocabulary applies to it unchanged. A filter on a core kind includes its refinements.
public struct DeclaredVocabulary: Hashable, Sendable {
    /// The declared meeting kinds, in file order.
    public var meetingKinds: [DeclaredTerm]
    /// The declared participant roles, in file order.
    public var roles: [DeclaredTerm]

    /// Creates a vocabulary; ``Dataset`` checks it.
    public init(meetingKinds: [DeclaredTerm] = [], roles: [DeclaredTerm] = []) {
        self.meetingKinds = meetingKinds
        self.roles = roles
    }

    /// No declared terms.
    public static let empty = DeclaredVocabulary()

    /// Whether nothing is declared.
    public var isEmpty: Bool { meetingKinds.isEmpty && roles.isEmpty }

    /// The declared meeting kind with this id.
    public func meetingKind(_ id: String) -> DeclaredTerm? { meetingKinds.first { $0.id == id } }

    /// The declared role a relationship refers to, when its position is valid.
    public func role(_ role: DeclaredRole) -> DeclaredTerm? {
        Int(role.position) < roles.count ? roles[Int(role.position)] : nil
    }

    /// The reference to the declared role with this id, for building relationships in memory.
    public func role(id: String) -> DeclaredRole? {
        roles.firstIndex { $0.id == id }.map { DeclaredRole(position: UInt16($0)) }
    }

    /// The most roles a dataset may declare (a ``DeclaredRole`` is two bytes).
    public static let maximumRoles = Int(UInt16.max)
}

/// The declarations of one list (meeting kinds or roles) resolved to the core value each ends in.
struct ResolvedTerms<Core: RawRepresentable & CaseIterable & Hashable & Sendable>: Sendable where Core.RawValue == String {
    /// Each declaration's core value, `nil` when its chain is broken (reported once, at the declaration).
    let cores: [Core?]
    /// Each declaration's parent: the position of the declared term it refines, `nil` when it refines a core value.
    let parents: [Int?]
    /// The position of each declared id (its first declaration).
    let positions: [String: Int]
    /// Problems of the declarations: (position, field, message, fix).
    let problems: [(position: Int, field: String, message: String, fix: String?)]

    init(_ terms: [DeclaredTerm], what: String) {
        var positions: [String: Int] = [:]
        var problems: [(Int, String, String, String?)] = []
        let coreIDs = Core.allCases.map(\.rawValue)
        for (position, term) in terms.enumerated() {
            if let problem = DeclaredTerm.idProblem(term.id) {
                problems.append((position, "id", "invalid \(what) id '\(term.id.shownInMessage)': \(problem)", nil))
            } else if coreIDs.contains(term.id) {
                problems.append((position, "id", "'\(term.id)' is already a core \(what)", "remove the declaration, or give it another id"))
            } else if positions[term.id] != nil {
                problems.append((position, "id", "duplicate declared \(what) '\(term.id)'", "declare each \(what) once"))
            } else {
                positions[term.id] = position
            }
            if term.label.isBlank { problems.append((position, "label", "the label is empty", "give the words answers show for it, e.g. \"Courtesy call\"")) }
        }
        var parents: [Int?] = Array(repeating: nil, count: terms.count)
        var refinesCore: [Core?] = Array(repeating: nil, count: terms.count)
        var unresolved = Set<Int>()
        for (position, term) in terms.enumerated() {
            if let core = Core(rawValue: term.refines) { refinesCore[position] = core; continue }
            if let parent = positions[term.refines], parent != position { parents[position] = parent; continue }
            unresolved.insert(position)
            if term.refines == term.id {
                problems.append((position, "refines", "'\(term.id)' refines itself", "name the core \(what) it refines: " + coreIDs.joined(separator: ", ")))
                continue
            }
            let hint = nearest(to: term.refines, among: coreIDs + Array(positions.keys).sorted())
            problems.append((position, "refines", "'\(term.refines.shownInMessage)' is neither a core \(what) nor a declared one",
                             (hint.isEmpty ? "" : "did you mean '\(hint[0])'? ") + "core: " + coreIDs.joined(separator: ", ")))
        }
        // Follow each chain to its core; a chain that comes back on itself is a cycle, reported at each member once.
        var cores: [Core?] = Array(repeating: nil, count: terms.count)
        var inCycle = Set<Int>()
        for start in terms.indices {
            var seen: [Int] = []
            var current = start
            while true {
                if let core = refinesCore[current] { cores[start] = core; break }
                if unresolved.contains(current) || inCycle.contains(current) { break }
                if let cycleStart = seen.firstIndex(of: current) {
                    let cycle = Array(seen[cycleStart...])
                    if !cycle.contains(where: inCycle.contains) {
                        // One cause, one error: reported at the member declared first, the cycle read from it.
                        let first = cycle.firstIndex(of: cycle.min()!)!
                        let ordered = Array(cycle[first...] + cycle[..<first])
                        let names = (ordered + [ordered[0]]).map { "'\(terms[$0].id)'" }.joined(separator: " → ")
                        problems.append((ordered[0], "refines", "the refinements of \(what)s form a cycle: \(names)",
                                         "let one of them refine a core \(what): " + coreIDs.joined(separator: ", ")))
                    }
                    inCycle.formUnion(cycle)
                    break
                }
                seen.append(current)
                guard let parent = parents[current] else { break }
                current = parent
            }
        }
        self.cores = cores
        self.parents = parents
        self.positions = positions
        self.problems = problems.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// The ids of the declared term and of every declared term refining it, at any depth.
    func refinements(of position: Int, in terms: [DeclaredTerm]) -> Set<String> {
        var result: Set<String> = []
        for candidate in terms.indices {
            var current: Int? = candidate
            var steps = 0
            while let at = current, steps <= terms.count {
                if at == position { result.insert(terms[candidate].id); break }
                current = parents[at]
                steps += 1
            }
        }
        return result
    }
}

extension DeclaredTerm {
    /// Why a declared id is not acceptable, or `nil`.
    static func idProblem(_ id: String) -> String? {
        if id.isEmpty { return "an id cannot be empty" }
        if id.utf8.count > NodeID.maximumLength { return "it is longer than \(NodeID.maximumLength) bytes" }
        if !id.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }) {
            return "use lowercase ASCII letters, digits and '-'"
        }
        return nil
    }
}

/// A dataset's vocabulary resolved once, for lookups by queries and checks.
struct ResolvedVocabulary: Sendable {
    let meetingKinds: ResolvedTerms<MeetingKind>
    let roles: ResolvedTerms<ParticipantRole>

    init(_ vocabulary: DeclaredVocabulary) {
        meetingKinds = ResolvedTerms(vocabulary.meetingKinds, what: "meeting kind")
        roles = ResolvedTerms(vocabulary.roles, what: "role")
    }

    /// The vocabulary's problems as findings at `$.vocabulary.meeting_kinds[i]` and `$.vocabulary.roles[i]`.
    func findings(tooManyRoles: Bool) -> [Finding] {
        var findings: [Finding] = []
        for (list, problems) in [("meeting_kinds", meetingKinds.problems), ("roles", roles.problems)] {
            for problem in problems {
                findings.append(Finding(path: [.key("vocabulary"), .key(list), .index(problem.position), .key(problem.field)],
                                        message: problem.message, fix: problem.fix))
            }
        }
        if tooManyRoles {
            findings.append(Finding(path: [.key("vocabulary"), .key("roles")],
                                    message: "more than \(DeclaredVocabulary.maximumRoles) declared roles",
                                    fix: "declare fewer roles"))
        }
        return findings
    }
}
