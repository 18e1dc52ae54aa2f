import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphCharts
import PartyGraphDiagrams

/// The one place where library errors become what `partygraph` prints: each case phrased with the flag a user
/// changes to fix it. The libraries name no flags; only this file knows which option sets which parameter.
enum ErrorMessages {
    /// The option that sets a centrality parameter.
    static func flag(_ parameter: CentralityParameter) -> String {
        switch parameter {
        case .normalized: return "--normalized/--no-normalized"
        case .endpoints: return "--endpoints"
        case .samples: return "--samples"
        case .seed: return "--seed"
        case .damping: return "--damping"
        case .alpha: return "--alpha"
        case .tolerance: return "--tolerance"
        case .maxIterations: return "--max-iterations"
        case .threads: return "--threads"
        case .top: return "--top"
        }
    }

    /// The message for a `PartyGraph` error, naming the options involved.
    static func text(_ error: PartyGraphError) -> String {
        switch error {
        case .invalidData, .unreadable, .unwritable, .unknownName, .ambiguousName, .noMeetingStatus, .mergeConflicts, .graph, .noManifest:
            return error.description
        case .bundledDatasetNotFound:
            return "cannot read \(BundledDataset.fileName): the bundled dataset was not found; pass --dataset FILE or set \(BundledDataset.environmentVariable)"
        case .meetingIsNotAnActor(_, let name, let role):
            switch role {
            case .actor: return "\(name) is a meeting; a meeting meets no one — ask `meetings` about it, or who-met about an actor"
            case .counterpart: return "--with \(name) is a meeting; name an actor (person, office, organ, party or country)"
            case .involved: return "--involving \(name) is a meeting; name an actor (person, office, organ, party or country)"
            }
        case .windowEndsBeforeStart(let from, let to):
            return "--from \(from) is after --to \(to); give a window whose start is not after its end"
        case .depthBelowMinimum(let depth, let minimum):
            return "--depth must be \(minimum) or more (got \(depth))"
        case .parameterOutOfRange(let parameter, let value, let accepted):
            return "invalid \(flag(parameter)) \(value): \(accepted)"
        case .parameterNotApplicable(let parameter, let measure, let measures):
            return "\(flag(parameter)) does not apply to \(measure.rawValue); it applies to " + measures.map(\.rawValue).joined(separator: ", ")
        case .distanceWeightsNeedPathMeasure(let measure):
            return "--weights distance applies to the path measures betweenness, closeness and harmonic; \(measure.rawValue) reads weights as strengths: use --weights strength or none"
        case .graphHasNoWeights(let weights):
            return "--weights \(weights.rawValue) needs a weighted graph; this one stores no weights (give --weighted for an edge list, or use --weights none)"
        case .projectionIsUndirected(let projection):
            return "--directed applies to --projection full and --edgelist; the \(projection.rawValue) projection is undirected (meeting together is mutual)"
        case .edgeListHasNoWeights(let file):
            return PartyGraphError.invalidData(file: file, issues: [DatasetIssue(
                file: file, path: "column 3", message: "--weighted was given but the lines have no third column",
                fix: "write 'u v w' lines, or leave out --weighted")]).description
        case .unusableWeight(let file, let source, let target, let value):
            return PartyGraphError.invalidData(file: file, issues: [DatasetIssue(
                file: file, path: "edge \(source) \(target)", message: "weight \(value) cannot be used: weights must be finite and positive",
                fix: "correct the weight, or use --weights none")]).description
        case .notConverged(let algorithm, let iterations, let tolerance):
            return "\(algorithm) did not converge to tolerance \(tolerance) in \(iterations) iterations; raise --max-iterations or --tolerance"
        case .exportNeedsFolder(let file, let format):
            return "cannot write \(file): --format \(format.rawValue) writes a folder, and this is a file"
        case .importNeedsOneFile(let format, let given):
            let file: String = switch format {
            case .sheet: "sheet"
            case .json: "node-link file"
            case .popolo: "Popolo document"
            case .ftm: "entity stream"
            case .icews, .polecat: "event file"
            case .csv: "set of export files"
            }
            return "\(format.rawValue.uppercased()) import reads exactly one \(file); \(given) were given"
        case .notAPlace(let id, let name, let kind):
            return "--place \(name) (\(id)) is \(kind.rawValue == "office" ? "an" : "a") \(kind.rawValue), not a place or country; name a place or a country"
        case .unknownMeetingKind(let kind, let suggestions, let allowed):
            return "--kind '\(kind)' is not a meeting kind of this dataset; " + (suggestions.first.map { "did you mean '\($0)'? " } ?? "")
                + "use one of: " + allowed.joined(separator: ", ") + "."
        case .windowShorterThanPeriod(let window, let unit):
            return "--window \(window) is shorter than one \(unit.rawValue) (--by \(unit.rawValue)); give --window \(PeriodWindow(1, unit)) or longer"
        }
    }

    /// The message for a `PartyGraphDiagrams` error, naming the options involved.
    static func text(_ error: ChartError) -> String {
        switch error {
        case let .renderFailed(format, reason):
            return "could not render the chart as \(format.rawValue): \(reason) (a bug in PartyGraph's chart SVG; --format svg still works)."
        }
    }

    static func text(_ error: DiagramError) -> String {
        switch error {
        case .noTrilateralSummit(let window):
            return "No trilateral summit in the window \(DateText.text(window)); widen --from/--to or render another view."
        case .notAMeeting(_, let name, let kind):
            return "\(name) is a \(kind.rawValue), not a meeting; use `render ego` for it."
        case .negativeDepth(let depth):
            return "--depth must be 0 or more (got \(depth))."
        case .tooLargeToDraw(let nodes, let limit):
            return "The diagram has \(nodes) nodes, more than the \(limit) Graphviz lays out in reasonable time; draw a narrower view (a smaller --depth, a shorter --from/--to) or raise --max-nodes."
        case .tooManyActors(let count, let limit, let level):
            return "\(count) actors take part in meetings of the window at --level \(level.rawValue), more than the \(limit) a drawing can show; narrow --from/--to, choose a higher --level, or raise --max-actors."
        default:
            return error.description
        }
    }

    /// The documented exit code of a library error: 73 when the output cannot be written (as for diagrams),
    /// 65 for bad input data, 64 for what the user asked.
    static func exitCode(_ error: PartyGraphError) -> Int32 {
        switch error {
        case .unwritable, .exportNeedsFolder: return 73
        default: break
        }
        return error.isDataError ? 65 : 64
    }

    /// The documented exit code of a diagram error: 64 for what the user asked, 73 when the file cannot be
    /// written, 70 when Graphviz fails.
    static func exitCode(_ error: DiagramError) -> Int32 {
        switch error {
        case .unknownLayout, .unknownFormat, .unknownNode, .noTrilateralSummit, .notAMeeting, .outsideWindow, .negativeDepth,
             .tooManyActors, .tooLargeToDraw: return 64
        case .writeFailed: return 73
        case .invalidDiagram, .layoutFailed, .renderFailed, .graphvizError: return 70
        }
    }

    /// Parses the date value of an option, or fails with a usage error saying which shapes the option takes.
    static func date(_ text: String, option: String) throws -> PartialDate {
        do {
            return try PartialDate(parsing: text)
        } catch {
            throw ValidationError("invalid date '\(text)': \(option) takes YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2026, 2026-02, 2026-02-06): \(error)")
        }
    }
}

/// A usage error found by the CLI itself at run time (after parsing), printed as `error: …` with exit code 64.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}
