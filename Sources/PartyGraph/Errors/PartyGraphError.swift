import GraphAlgorithms

/// One problem found in a dataset or an imported file, with where it is and how to fix it.
public struct DatasetIssue: Hashable, Sendable, CustomStringConvertible {
    /// The file, as the user named it; `nil` for a dataset built in memory.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in characters, when known.
    public var column: Int?
    /// Where in the document: a JSON path such as `$.relations[3].to`, or a CSV `row 4, column "kind"`.
    public var path: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String?

    /// Creates an issue; the location fields are optional.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// `file:line:column: path: message (fix)`, the shape compilers and editors understand.
    public var description: String {
        var place = file ?? "<dataset>"
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        var text = "\(place): \(path): \(message)"
        if let fix { text += " — \(fix)" }
        return text
    }
}

/// Everything that can go wrong in the PartyGraph library, each case carrying what a person needs to act.
///
/// Cases say what is wrong, with which value, and what is accepted, in the library's own terms: no case names a
/// command-line option. A tool phrases them with its own options (the `partygraph` CLI maps every case to a
/// message naming its flags); ``description`` is the plain library wording.
public enum PartyGraphError: Error, Sendable, CustomStringConvertible {
    /// The dataset or imported file has problems; all of them are listed.
    case invalidData(file: String?, issues: [DatasetIssue])
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)
    /// A file could not be written.
    case unwritable(file: String, reason: String)
    /// The bundled dataset (``BundledDataset/fileName``) is in none of the places ``BundledDataset`` searches.
    case bundledDatasetNotFound
    /// No node matches the name; the nearest names are suggested.
    case unknownName(String, suggestions: [String])
    /// Several nodes match the name equally well.
    case ambiguousName(String, candidates: [String])
    /// A query names a meeting where it needs an actor; `role` says which part of the query it was.
    case meetingIsNotAnActor(NodeID, name: String, role: QueryRole)
    /// A date window ends before it starts.
    case windowEndsBeforeStart(from: PartialDate, to: PartialDate)
    /// A query filter allows no meeting status at all.
    case noMeetingStatus
    /// An ego network asked for fewer links than the minimum (1).
    case depthBelowMinimum(Int, minimum: Int)
    /// A centrality parameter is outside its domain; `accepted` says what is allowed.
    case parameterOutOfRange(CentralityParameter, value: String, accepted: String)
    /// A centrality parameter was given to a measure it does not apply to.
    case parameterNotApplicable(CentralityParameter, measure: CentralityMeasure, appliesTo: [CentralityMeasure])
    /// Weights read as distances were asked of a measure that reads weights as strengths.
    case distanceWeightsNeedPathMeasure(CentralityMeasure)
    /// Weights were asked of a graph that stores none.
    case graphHasNoWeights(WeightMeaning)
    /// A direction was asked of a meeting projection, which is undirected (meeting together is mutual).
    case projectionIsUndirected(GraphProjection)
    /// An edge list read as weighted has lines without a third column.
    case edgeListHasNoWeights(file: String)
    /// An edge weight cannot be used: weights must be finite and positive.
    case unusableWeight(file: String?, source: Int32, target: Int32, value: Double)
    /// An iterative measure did not reach the tolerance within the iteration limit.
    case notConverged(algorithm: String, iterations: Int, tolerance: Double)
    /// An export format that writes a folder was given the path of an existing file.
    case exportNeedsFolder(file: String, format: ExportFormat)
    /// An import format that reads exactly one file was given another number of files.
    case importNeedsOneFile(format: ImportFormat, given: Int)
    /// A sliding window shorter than the periods it slides over: each slice would miss part of its period.
    case windowShorterThanPeriod(PeriodWindow, unit: PeriodUnit)
    /// Two datasets being merged say something differently that a person must decide; every conflict is listed
    /// with both places (``DatasetMerge``).
    case mergeConflicts([MergeConflict])
    /// A graph algorithm failed in a way none of the cases above describes.
    case graph(GraphError)
    /// A query restricted to a place names a node that is neither a place nor a country.
    case notAPlace(NodeID, name: String, kind: NodeKind)
    /// A meeting kind asked for is neither a core kind nor one the dataset declares; the nearest are suggested.
    case unknownMeetingKind(String, suggestions: [String], allowed: [String])
    /// An output holds no readable ``Manifest`` (none embedded, no sidecar, or one that does not decode).
    case noManifest(file: String, reason: String)

    public var description: String {
        switch self {
        case .invalidData(let file, let issues):
            let header = "\(file ?? "dataset"): \(issues.count) problem\(issues.count == 1 ? "" : "s")"
            return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .unwritable(let file, let reason):
            return "cannot write \(file): \(reason)"
        case .bundledDatasetNotFound:
            return "cannot read \(BundledDataset.fileName): the bundled dataset was not found; name a dataset file or set \(BundledDataset.environmentVariable)"
        case .unknownName(let name, let suggestions):
            if suggestions.isEmpty { return "no node is called '\(name)'" }
            return "no node is called '\(name)'; did you mean: " + suggestions.joined(separator: ", ") + "?"
        case .ambiguousName(let name, let candidates):
            return "'\(name)' names several nodes; use one of these ids: " + candidates.joined(separator: ", ")
        case .meetingIsNotAnActor(_, let name, let role):
            switch role {
            case .actor: return "\(name) is a meeting; a meeting meets no one — ask which meetings involve an actor instead"
            case .counterpart: return "the counterpart \(name) is a meeting; name an actor (person, office, organ, party or country)"
            case .involved: return "the involved actor \(name) is a meeting; name an actor (person, office, organ, party or country)"
            }
        case .windowEndsBeforeStart(let from, let to):
            return "the window from \(from) to \(to) ends before it starts; give a window whose start is not after its end"
        case .noMeetingStatus:
            return "no meeting status was allowed; use one or more of " + MeetingStatus.allCases.map(\.rawValue).joined(separator: ", ")
        case .depthBelowMinimum(let depth, let minimum):
            return "the depth must be \(minimum) or more (got \(depth))"
        case .parameterOutOfRange(let parameter, let value, let accepted):
            return "invalid \(parameter.noun) \(value): \(accepted)"
        case .parameterNotApplicable(let parameter, let measure, let measures):
            return "\(parameter.noun) does not apply to \(measure.rawValue); it applies to " + measures.map(\.rawValue).joined(separator: ", ")
        case .distanceWeightsNeedPathMeasure(let measure):
            return "weights read as distances apply to the path measures betweenness, closeness and harmonic; \(measure.rawValue) reads weights as strengths"
        case .graphHasNoWeights(let weights):
            return "weights read as \(weights.rawValue) need a weighted graph; this one stores no weights"
        case .projectionIsUndirected(let projection):
            return "the \(projection.rawValue) projection is undirected (meeting together is mutual); only the full graph and edge lists can be directed"
        case .edgeListHasNoWeights(let file):
            return "\(file): weights were asked for but the lines have no third column; write 'u v w' lines, or read the file without weights"
        case .unusableWeight(let file, let source, let target, let value):
            return "\(file ?? "graph"): edge \(source) \(target): weight \(value) cannot be used: weights must be finite and positive"
        case .notConverged(let algorithm, let iterations, let tolerance):
            return "\(algorithm) did not converge to tolerance \(tolerance) in \(iterations) iterations; allow more iterations or a larger tolerance"
        case .exportNeedsFolder(let file, let format):
            return "cannot write \(file): a \(format.rawValue) export writes a folder, and this is a file"
        case .importNeedsOneFile(let format, let given):
            return "\(format.rawValue) import reads exactly one file; \(given) were given"
        case .windowShorterThanPeriod(let window, let unit):
            return "a window of \(window) is shorter than one \(unit.rawValue); give a window of at least \(PeriodWindow(1, unit))"
        case .mergeConflicts(let conflicts):
            let header = "\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") to decide; nothing was merged"
            return ([header] + conflicts.map { "  " + $0.description }).joined(separator: "\n")
        case .graph(let error):
            return error.description
        case .notAPlace(let id, let name, let kind):
            return "\(name) (\(id)) is \(kind.withArticle), not a place or country; name a place or a country meetings are held in"
        case .unknownMeetingKind(let kind, let suggestions, let allowed):
            return "unknown meeting kind '\(kind)'" + (suggestions.first.map { "; did you mean '\($0)'?" } ?? "")
                + " allowed: " + allowed.joined(separator: ", ")
        case .noManifest(let file, let reason):
            return "\(file) carries no manifest: \(reason); name an output PartyGraph wrote, or its sidecar \(Manifest.sidecarPath(for: file))"
        }
    }

    /// Whether the problem is in the data given (exit 65) rather than in how the tool was called (exit 64).
    public var isDataError: Bool {
        switch self {
        case .invalidData, .unreadable, .bundledDatasetNotFound, .edgeListHasNoWeights, .unusableWeight, .mergeConflicts, .noManifest: return true
        default: return false
        }
    }
}

/// The part of a query that named a node, for ``PartyGraphError/meetingIsNotAnActor(_:name:role:)``.
public enum QueryRole: String, Sendable, Hashable, CaseIterable {
    /// The actor a who-met question is about (``EncounterQuery/actor``).
    case actor
    /// The counterpart a who-met question is restricted to (``EncounterQuery/with``).
    case counterpart
    /// One of the actors a meeting list must involve (``Dataset/meetings(involving:filter:)``).
    case involved
}
