import ArgumentParser
import PartyGraph

struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the meetings each pair of actors shares, at a level.",
        discussion: """
            Cell (i, j) is the number of distinct meetings both actors take part in at the level; the diagonal is the \
            number of meetings an actor takes part in. A summit series without participants of its own adds nothing. \
            CSV is a heat-map grid: first column the actor, then one column per actor, in the same order.
            """
    )

    @Option(name: .long, help: "Compare at this level: person, organ, party or country (default: party).",
            transform: vocabulary("--level"))
    var level: EncounterLevel = .party

    @OptionGroup var query: QueryOptions
    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let matrix = dataset.coMeetingMatrix(level: level, filter: try query.filter())
        switch formatOptions.format {
        case .json:
            emit(try jsonText(matrix))
        case .csv:
            emit(csvText(header: ["actor"] + matrix.actors.map(\.label),
                         rows: zip(matrix.actors, matrix.counts).map { [$0.label] + $1.map(String.init) }))
        case .table:
            var lines = ["Co-meetings at \(matrix.level) level — \(describe(matrix.filter))"]
            if matrix.actors.isEmpty {
                lines.append("No meetings found.")
            } else {
                let numbers = matrix.actors.indices.map { String($0 + 1) }
                lines.append(tableText(header: ["#", "actor"] + numbers, rows: matrix.actors.enumerated().map { index, actor in
                    [numbers[index], actor.label] + matrix.counts[index].map(String.init)
                }))
                lines.append("")
                lines.append(matrix.pairs.isEmpty ? "No pair of actors shares a meeting." : tableText(
                    header: ["actor", "actor", "meetings", "which"],
                    rows: matrix.pairs.map { [$0.first.label, $0.second.label, String($0.count), $0.meetings.joined(separator: " ")] }))
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
