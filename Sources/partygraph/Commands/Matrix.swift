import ArgumentParser
import PartyGraph

struct Matrix: ParsableCommand {
    /// The most actors whose grid still fits on a screen; above it the pairs are listed in long form.
    static let screenLimit = 40

    static let configuration = CommandConfiguration(
        abstract: "Count the meetings each pair of actors shares, at a level.",
        discussion: """
            Cell (i, j) is the number of distinct meetings both actors take part in at the level; the diagonal is the \
            number of meetings an actor takes part in. A summit series without participants of its own adds nothing. \
            Up to \(screenLimit) actors the grid is printed (CSV: a heat-map grid, first column the actor, then one \
            column per actor, in the same order) with the pairs below it; above that, or with --long, only the pairs \
            are listed, one row per pair that shares a meeting (CSV columns first, first_id, second, second_id, \
            meetings, meeting_ids with the ids space-separated), most meetings first. JSON has the grid as "counts" \
            only when it is printed, and the per-actor meeting counts as "meetingCounts" otherwise.
            """
    )

    @OptionGroup var matrixOptions: MatrixOptions
    var level: EncounterLevel { matrixOptions.level }

    @Flag(name: .long, help: "List the pairs in long form (actor, actor, meetings, meeting ids) instead of the grid.")
    var long = false

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let graph = dataset.coMeetingGraph(level: level, filter: try query.filter(in: dataset, knownAt: try datasetOptions.knownAtDate()))
        let grid = !long && graph.actors.count <= Self.screenLimit
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json:
            emit(try jsonText(CoMeetingMatrix(graph: graph, gridLimit: grid ? Self.screenLimit : -1), manifest: try datasetOptions.manifest(for: dataset)))
        case .csv where grid:
            let matrix = CoMeetingMatrix(graph: graph, gridLimit: Self.screenLimit)
            emit(formatOptions.csv(header: ["actor"] + matrix.actors.map(\.label),
                                   rows: zip(matrix.actors, matrix.counts ?? []).map { [$0.label] + $1.map(String.init) },
                                   numericColumns: Set(matrix.actors.indices.map { $0 + 1 })))
        case .csv:
            emit(formatOptions.csv(header: ["first", "first_id", "second", "second_id", "meetings", "meeting_ids"],
                         rows: graph.pairsByStrength().map { index in
                             let pair = graph.pair(index)
                             let first = graph.actors[Int(pair.first)], second = graph.actors[Int(pair.second)]
                             return [first.label, first.id.rawValue, second.label, second.id.rawValue, String(pair.meetings),
                                     graph.sharedMeetings(ofPair: index).map(\.rawValue).joined(separator: " ")]
                         }, numericColumns: [4]))
        case .table:
            var lines = ["Co-meetings at \(graph.level.rawValue) level — \(describe(graph.filter.echo))"]
            if graph.actors.isEmpty {
                lines.append("No meetings found.")
            } else {
                if grid, let counts = CoMeetingMatrix(graph: graph, gridLimit: Self.screenLimit).counts {
                    let numbers = graph.actors.indices.map { String($0 + 1) }
                    lines.append(tableText(header: ["#", "actor"] + numbers, rows: graph.actors.enumerated().map { index, actor in
                        [numbers[index], actor.label] + counts[index].map(String.init)
                    }))
                    lines.append("")
                } else {
                    lines.append("\(graph.actors.count) actors, \(graph.pairCount) pairs sharing a meeting"
                                 + (long ? "" : " (more actors than fit a grid; pairs in long form)") + ".")
                }
                lines.append(graph.pairCount == 0 ? "No pair of actors shares a meeting." : tableText(
                    header: ["actor", "actor", "meetings", "which"],
                    rows: graph.pairsByStrength().map { index in
                        let pair = graph.pair(index)
                        return [graph.actors[Int(pair.first)].label, graph.actors[Int(pair.second)].label, String(pair.meetings),
                                graph.sharedMeetings(ofPair: index).map(\.rawValue).joined(separator: " ")]
                    }))
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}

/// The level of `matrix`, shared with `chart matrix`.
struct MatrixOptions: ParsableArguments {
    @Option(name: .long, help: "Compare at this level: person, organ, party or country (default: party).",
            transform: vocabulary("--level"))
    var level: EncounterLevel = .party
}
