import ArgumentParser
import Foundation
import PartyGraph

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge two dataset files into one.",
        discussion: """
            Nodes and sources with the same id are one; the same fact from both files becomes one fact with the \
            evidence of both; differing meeting statuses become status claims. A conflict a person must decide \
            (one id with two names or kinds, a source id with two sources, two holders of a single-seat office on \
            the same day) is reported with both places and nothing is written (exit 65). The output has the first \
            file's items in its order, then the second's new ones. See datasets/README.md, "Merging".
            """
    )

    @Argument(help: "The first dataset file.", completion: .file(extensions: ["json"]))
    var first: String

    @Argument(help: "The second dataset file.", completion: .file(extensions: ["json"]))
    var second: String

    @Option(name: .long, help: "The file to write (never an input).", completion: .file(extensions: ["json"]))
    var out: String

    func run() throws {
        try DatasetOptions.refuseOverwriting(out, input: first, use: "merged")
        try DatasetOptions.refuseOverwriting(out, input: second, use: "merged")
        let a = try DatasetLoader.load(path: first), b = try DatasetLoader.load(path: second)
        var texts: [String: String] = [:]
        for (path, dataset) in [(first, a), (second, b)] {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            for source in dataset.sources {
                if let file = source.textFile, texts[source.id] == nil,
                   let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) {
                    texts[source.id] = text
                }
            }
        }
        let folder = { (path: String) in URL(fileURLWithPath: path).deletingLastPathComponent() }
        let merged = try DatasetMerge.merge(a, b, files: (first, second), folders: (folder(first), folder(second), folder(out)), sourceTexts: texts)
        try DatasetWriter.write(merged, to: out)
        emit("wrote \(out) (\(merged.entities.count) nodes, \(merged.relationships.count) relations, \(merged.sources.count) sources; "
             + "\(a.entities.count) + \(b.entities.count) nodes, \(a.relationships.count) + \(b.relationships.count) relations merged)")
    }
}
