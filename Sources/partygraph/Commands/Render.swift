import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphDiagrams

/// `partygraph render VIEW`: draws a view with Graphviz, in process, to a file.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a diagram of a view as SVG, PNG, PDF, DOT or Graphviz JSON.",
        discussion: """
            Views: trilateral (the February 2026 summits), ego NAME, meeting NAME, all, who-meets-whom. \
            The file is written atomically, its folders created; the default is \
            output/<view>.<format>, e.g. output/trilateral-2026.svg or output/ego-hun-sen.png.
            """,
        subcommands: [Trilateral.self, Ego.self, Meeting.self, All.self, WhoMeetsWhom.self]
    )

    /// Options every view shares.
    struct ViewOptions: ParsableArguments {
        @OptionGroup var windowOptions: WindowOptions

        @OptionGroup var placeOptions: PlaceOptions

        @Option(name: .long, help: "Graphviz layout: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")) (default: dot; fdp for who-meets-whom).")
        var layout: String?

        @Option(name: .long, help: "Output format: \(PartyGraphDiagrams.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: String = PartyGraphDiagrams.OutputFormat.svg.rawValue

        @Option(name: .long, help: "The file to write (default: output/<view>.<format>).", completion: .file())
        var out: String?

        @Option(name: .long, parsing: .unconditional, help: "Refuse to draw a diagram of more nodes than this (default: \(Diagram.defaultMaxNodes)).")
        var maxNodes: Int = Diagram.defaultMaxNodes

        @OptionGroup var datasetOptions: DatasetOptions

        func validate() throws {
            if maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more.") }
            if let layout, Layout(rawValue: layout) == nil {
                throw ValidationError("Unknown --layout \(layout); use one of: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard PartyGraphDiagrams.OutputFormat(rawValue: format) != nil else {
                throw ValidationError("Unknown --format \(format); use one of: \(PartyGraphDiagrams.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }

        /// Builds the view, renders it and writes the file; prints the path written.
        ///
        /// - Parameters:
        ///   - defaultWindow: the window when neither `--from` nor `--to` is given.
        ///   - defaultStem: the output file's name without extension, instead of the view's own default.
        ///   - defaultLayout: the layout when `--layout` is not given.
        func render(
            defaultWindow: DateSpan = .unbounded, defaultStem: String? = nil, defaultLayout: Layout = .dot,
            _ makeView: (Dataset) throws -> DiagramView
        ) throws {
            let dataset = try datasetOptions.load()
            let view = try makeView(dataset)
            let diagram = try view.diagram(
                dataset: dataset, window: try windowOptions.window() ?? defaultWindow, place: try placeOptions.scope(in: dataset))
            try diagram.checkDrawable(maxNodes: maxNodes)
            let format = PartyGraphDiagrams.OutputFormat(rawValue: format)!
            let path = out ?? defaultStem.map { "output/\($0).\(format.fileExtension)" } ?? view.defaultOutputPath(format: format)
            try datasetOptions.refuseOverwriting(path, use: "drawn")
            let chosen = layout.flatMap(Layout.init(rawValue:)) ?? defaultLayout
            let data = try GraphvizRenderer().render(diagram, layout: chosen, format: format)
            try writeDrawing(data, fileExtension: format.fileExtension, manifest: try datasetOptions.manifest(for: dataset), to: path)
            print("wrote \(path)")
        }
    }

    struct Trilateral: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The trilateral summits: party clusters with organs and leaders, the summits, state visits, hosts and invitations.")
        @OptionGroup var options: ViewOptions

        /// The bundled dataset's summits are in February 2026: without --from/--to the view shows that month.
        static let bundledSummitMonth = try! DateSpan(parsing: "2026-02")
        /// The default file name of the view, named for the bundled dataset's summits.
        static let bundledOutputStem = "trilateral-2026"

        func run() throws {
            try options.render(defaultWindow: Self.bundledSummitMonth, defaultStem: Self.bundledOutputStem) { _ in .trilateral }
        }
    }

    struct Ego: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everything within --depth steps of a node.")
        @Argument(help: "The node at the centre: an id, name or alias.")
        var name: String
        @Option(name: .long, parsing: .unconditional, help: "How many steps out from the node.")
        var depth: Int = 2
        @OptionGroup var options: ViewOptions
        func validate() throws {
            if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
        }
        func run() throws {
            try options.render { dataset in .ego(try NameResolver(dataset: dataset).resolve(name).id, depth: depth) }
        }
    }

    struct Meeting: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One meeting with its participants, hosts, inviters and leaders.")
        @Argument(help: "The meeting: an id, name or alias.")
        var name: String
        @OptionGroup var options: ViewOptions
        func run() throws {
            try options.render { dataset in .meeting(try NameResolver(dataset: dataset).resolve(name).id) }
        }
    }

    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole dataset.")
        @OptionGroup var options: ViewOptions
        func run() throws { try options.render { _ in .all } }
    }

    struct WhoMeetsWhom: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-meets-whom",
            abstract: "The co-meeting graph of a level: one line per pair of actors that share a meeting, labelled with how many.")
        @Option(name: .long, help: "Draw actors of this level: person, organ, party or country (default: party).",
                transform: vocabulary("--level"))
        var level: EncounterLevel = .party
        @Option(name: .long, parsing: .unconditional, help: "Refuse to draw more actors than this (default: \(DiagramViews.defaultMaxCoMeetingActors)).")
        var maxActors: Int = DiagramViews.defaultMaxCoMeetingActors
        @OptionGroup var options: ViewOptions
        func validate() throws {
            if maxActors < 1 { throw ValidationError("--max-actors must be 1 or more.") }
        }
        func run() throws {
            try options.render(defaultLayout: .fdp) { _ in .coMeeting(level, maxActors: maxActors) }
        }
    }
}
