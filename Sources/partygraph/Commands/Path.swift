import ArgumentParser
import PartyGraph

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the shortest chain of relations between two nodes.",
        discussion: """
            Relations are crossed both ways, the arrow showing the recorded direction (—holds→, ←participant in—). \
            The link 'leads' joins the person named as leading a participating body to that body. Among equally \
            short chains, the first found in file order is shown.
            """
    )

    @Argument(help: "Where the chain starts: an id, name or alias.")
    var from: String

    @Argument(help: "Where the chain ends: an id, name or alias.")
    var to: String

    @Option(name: .long, help: "Cross only this relation (repeatable): \(PathLink.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: vocabulary("--relation"))
    var relation: [PathLink] = []

    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        let dataset = try datasetOptions.load()
        let resolver = NameResolver(dataset: dataset)
        let path = try dataset.shortestPath(from: try resolver.resolve(from).id, to: try resolver.resolve(to).id, relations: Set(relation))
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json:
            emit(try jsonText(path, manifest: try datasetOptions.manifest(for: dataset)))
        case .csv:
            emit(formatOptions.csv(header: ["step", "from_id", "from", "link", "direction", "to_id", "to", "sources"],
                         rows: path.steps.enumerated().map { index, step in
                [String(index + 1), step.from.id.rawValue, step.from.name, step.link.rawValue, step.forward ? "forward" : "backward",
                 step.to.id.rawValue, step.to.name, Array(Set(step.evidence.map(\.source))).sorted().joined(separator: " ")]
            }, numericColumns: [0]))
        case .table:
            var lines = [path.text]
            if path.found && !path.steps.isEmpty {
                lines.append("")
                var notes = QuoteNotes()
                lines.append(tableText(header: ["step", "from", "link", "to", "evidence"], rows: path.steps.enumerated().map { index, step in
                    [String(index + 1), step.from.name, step.arrow, step.to.name, notes.refer(step.evidence)]
                }))
                lines.append("")
                lines.append(notes.text)
            } else if path.found {
                lines.append("(the same node: no relation to cross)")
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
