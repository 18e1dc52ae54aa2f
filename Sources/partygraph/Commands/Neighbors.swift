import ArgumentParser
import PartyGraph

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the ego network of a node: everything within --depth links, and how each is reached.",
        discussion: """
            The walk crosses relations both ways and passes through every kind of node; --kind only chooses which \
            nodes are listed. JSON also gives every link among the centre and the listed nodes.
            """
    )

    @Argument(help: "The centre: an id, name or alias.")
    var name: String

    @Option(name: .long, parsing: .unconditional, help: "How many links away to look (1 or more).")
    var depth: Int = 1

    @Option(name: .long, help: "Cross only this relation (repeatable): \(PathLink.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: vocabulary("--relation"))
    var relation: [PathLink] = []

    @Option(name: .long, help: "List only nodes of this kind (repeatable): \(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: vocabulary("--kind"))
    var kind: [NodeKind] = []

    @OptionGroup var datasetOptions: DatasetOptions
    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be 1 or more (got \(depth)).") }
    }

    func run() throws {
        let dataset = try datasetOptions.load()
        let center = try NameResolver(dataset: dataset).resolve(name)
        let network = try dataset.neighborhood(of: center.id, depth: depth, relations: Set(relation), kinds: Set(kind))
        try formatOptions.writeManifestFile { try datasetOptions.manifest(for: dataset) }
        switch formatOptions.format {
        case .json:
            emit(try jsonText(network, manifest: try datasetOptions.manifest(for: dataset)))
        case .csv:
            emit(formatOptions.csv(header: ["id", "name", "kind", "distance", "via_id", "via", "link", "direction"], rows: network.neighbors.map {
                [$0.actor.id.rawValue, $0.actor.name, $0.actor.kind.rawValue, String($0.distance), $0.via.from.id.rawValue, $0.via.from.name,
                 $0.via.link.rawValue, $0.via.forward ? "forward" : "backward"]
            }, numericColumns: [3]))
        case .table:
            var lines = ["Within \(network.depth) link\(network.depth == 1 ? "" : "s") of \(network.center.name)"
                + (kind.isEmpty ? "" : " — listing " + network.kinds.map(\.rawValue).joined(separator: ", "))]
            if network.neighbors.isEmpty {
                lines.append("No nodes found.")
            } else {
                lines.append(tableText(header: ["distance", "kind", "name", "reached from"], rows: network.neighbors.map {
                    [String($0.distance), $0.actor.kind.rawValue, $0.actor.name, "\($0.via.from.name) \($0.via.arrow)"]
                }))
                lines.append("")
                lines.append("\(network.neighbors.count) node\(network.neighbors.count == 1 ? "" : "s"), \(network.edges.count) link\(network.edges.count == 1 ? "" : "s") among them and the centre.")
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
