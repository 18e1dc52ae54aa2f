import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphCharts

extension ChartFormat: ExpressibleByArgument {}

/// `partygraph chart timeline|matrix|trajectory`: the answers of `timeline`, `matrix` and `centrality --by`, drawn.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a timeline, a co-meeting heatmap or a centrality trajectory as SVG, PNG or PDF.",
        discussion: """
            Each chart takes the options of the command whose answer it draws (timeline, matrix, centrality --by) \
            and writes one file atomically (default output/chart-<kind>.<format>). PNG and PDF are the SVG rendered \
            by librsvg and cairo. See docs/charts.md.
            """,
        subcommands: [Timeline.self, Matrix.self, Trajectory.self]
    )

    /// Format, output file and the dataset: what every chart shares.
    struct Output: ParsableArguments {
        @Option(name: .long, help: "Output format: svg, png or pdf.")
        var format: ChartFormat = .svg

        @Option(name: .long, help: "The file to write (default: output/chart-<kind>.<format>).", completion: .file())
        var out: String?

        @OptionGroup var datasetOptions: DatasetOptions

        /// The manifest for a chart of `dataset`, as its JSON text (the charts keep it in SVG `<metadata>` and in
        /// the PDF keywords).
        func manifest(for dataset: Dataset) throws -> String {
            try datasetOptions.manifest(for: dataset).jsonText
        }

        /// Writes the chart where ``OutputKind/chartPlacement(fileExtension:)`` keeps its manifest (inside an SVG
        /// or PDF, beside a PNG) and says where.
        func write(_ chart: PartyGraphCharts.Chart, kind: String, dataset: Dataset) throws {
            let path = out ?? "output/chart-\(kind).\(format.rawValue)"
            try datasetOptions.refuseOverwriting(path, use: "drawn")
            if out == nil { try FileManager.default.createDirectory(atPath: "output", withIntermediateDirectories: true) }
            try ChartRenderer().write(chart, as: format, to: path)
            if OutputKind.chartPlacement(fileExtension: format.rawValue) == .sidecar {
                try datasetOptions.manifest(for: dataset).write(to: Manifest.sidecarPath(for: path))
            }
            print("wrote \(path)")
        }
    }

    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One lane per counterpart (or the pair with --with), one mark per meeting of 'partygraph timeline'.")

        @OptionGroup var timelineOptions: TimelineOptions
        @OptionGroup var query: QueryOptions
        @OptionGroup var output: Output

        func run() throws {
            let dataset = try output.datasetOptions.load()
            let filter = try query.filter(in: dataset, knownAt: try output.datasetOptions.knownAtDate())
            try output.write(try dataset.timelineChart(try timelineOptions.query(in: dataset, filter: filter), manifest: try output.manifest(for: dataset)),
                             kind: "timeline", dataset: dataset)
        }
    }

    struct Matrix: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A heatmap of the co-meeting matrix of 'partygraph matrix'.")

        @OptionGroup var matrixOptions: MatrixOptions
        @OptionGroup var query: QueryOptions
        @OptionGroup var output: Output

        func run() throws {
            let dataset = try output.datasetOptions.load()
            let filter = try query.filter(in: dataset, knownAt: try output.datasetOptions.knownAtDate())
            try output.write(dataset.coMeetingChart(level: matrixOptions.level, filter: filter, manifest: try output.manifest(for: dataset)),
                             kind: "matrix", dataset: dataset)
        }
    }

    struct Trajectory: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A line chart of 'partygraph centrality --by': one line per actor among the --top (default 8).")

        @OptionGroup var options: CentralityOptions
        @OptionGroup var query: QueryOptions
        @OptionGroup var output: Output

        func validate() throws {
            if options.edgelist != nil || options.directed || options.weighted {
                throw ValidationError("a trajectory is drawn from a dataset's meetings; leave out --edgelist, --directed and --weighted.")
            }
            if options.projection == .full { throw ValidationError("a trajectory slices meetings; choose --projection persons, organs, parties or countries.") }
            if let top = options.top, top < 1 { throw ValidationError("--top must be at least 1.") }
            if let window = options.window, PeriodWindow(parsing: window) == nil {
                throw ValidationError("--window '\(window)' is not a window; write a count and a unit: 2y (years), 3q (quarters) or 18m (months).")
            }
            if let window = options.window.flatMap(PeriodWindow.init(parsing:)), window.months < (options.by ?? .year).months {
                throw ValidationError(ErrorMessages.text(.windowShorterThanPeriod(window, unit: options.by ?? .year)))
            }
            do { try options.parameters.validate() } catch { throw ValidationError(ErrorMessages.text(error)) }
        }

        func run() throws {
            let dataset = try output.datasetOptions.load()
            let filter = try query.filter(in: dataset, knownAt: try output.datasetOptions.knownAtDate())
            try output.write(try dataset.trajectoryChart(TrajectoryQuery(
                projection: options.projection ?? .persons, parameters: options.parameters, filter: filter, unit: options.by ?? .year,
                window: options.window.flatMap(PeriodWindow.init(parsing:)), top: options.top), manifest: try output.manifest(for: dataset)),
                kind: "trajectory", dataset: dataset)
        }
    }
}
