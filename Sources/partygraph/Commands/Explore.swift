import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphDiagrams

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page to explore the dataset in a browser.",
        discussion: """
            The page holds the diagram of every node (pan and zoom; click a node or line for its facts, quotes and \
            sources), a name search that works as on the command line, a date range that filters the diagram, the \
            meeting list and the tables, and each actor's who-met table with a CSV download. It makes no network \
            request and needs no other file. Datasets with more nodes than --max-diagram-nodes get the page without \
            the diagram.
            """
    )

    @OptionGroup var windowOptions: WindowOptions

    @Option(name: .long, help: "The file to write.", completion: .file(extensions: ["html"]))
    var out: String = "output/explorer.html"

    @Option(name: .long, parsing: .unconditional, help: "Draw the diagram only for datasets of at most this many nodes.")
    var maxDiagramNodes: Int = ExplorerPage.defaultMaxDiagramNodes

    @OptionGroup var datasetOptions: DatasetOptions

    func validate() throws {
        if maxDiagramNodes < 0 { throw ValidationError("--max-diagram-nodes must be 0 or more.") }
    }

    func run() throws {
        let dataset = try datasetOptions.load()
        let window = try windowOptions.window()
        let filter = try QueryFilter(from: window?.start, to: window?.end)
        let html = try ExplorerPage.html(dataset: dataset, filter: filter, maxDiagramNodes: maxDiagramNodes)
        let manifest = try datasetOptions.manifest(for: dataset)
        try AtomicFile.write(Data(html.utf8), to: out)
        // A page is a sidecar kind of output (OutputKind.page.manifestPlacement).
        try manifest.writeSidecar(for: out)
        print("wrote \(out)")
    }
}
