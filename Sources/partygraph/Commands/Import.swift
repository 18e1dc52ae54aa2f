import ArgumentParser
import Foundation
import PartyGraph

extension ImportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a dataset file from CSV files or node-link JSON (the columns of 'partygraph export').",
        discussion: """
            CSV: pass nodes.csv and edges.csv (and sources.csv, dataset.csv), or the folder holding them. \
            JSON: pass one node-link file. The result is validated like any dataset; every problem is reported \
            with its file, row and column, and nothing is written unless all is well. Source texts named by the sources \
            are looked up relative to --out and every quote is checked against them, as loading the written file will.
            """
    )

    @Option(name: .long, help: "Input format: csv, json, popolo or ftm.")
    var from: ImportFormat

    @Argument(help: "The files to read (CSV: files or one folder; JSON: one file).", completion: .file())
    var files: [String]

    @Option(name: .long, help: "The dataset file to write.")
    var out: String

    @Flag(name: .customLong("csv-raw"),
          help: "The CSV files were written with --csv-raw: take every cell as it is (by default a ' that export put in front of a cell starting with = + - @, tab or CR is taken off).")
    var csvRaw = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name the files to import.") }
        if csvRaw && from != .csv { throw ValidationError("--csv-raw applies to --from csv only.") }
        if let input = files.first(where: { samePath($0, out) }) {
            throw ValidationError("--out names the input \(input); choose another path, inputs are never overwritten.")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out).deletingLastPathComponent()
        let dataset = try Importer.load(format: from, paths: files, sourceDirectory: directory, csvFormulas: csvRaw ? .raw : .neutralised)
        try DatasetWriter.write(dataset, to: out)
        emit("wrote \(out) (\(dataset.entities.count) nodes, \(dataset.relationships.count) relations, \(dataset.sources.count) sources)")
    }
}
