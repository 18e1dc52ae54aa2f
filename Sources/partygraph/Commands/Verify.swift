import ArgumentParser
import Foundation
import PartyGraph

/// `partygraph verify FILE`: checks an output's manifest against the dataset at hand.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that an output still matches its dataset: tool version, dataset and source-text SHA-256.",
        discussion: """
            Reads the manifest FILE carries (a JSON output's manifest member, SVG <metadata>, GraphML graph data, \
            node-link JSON's graph.manifest) or its sidecar FILE.manifest.json (CSV, PNG, PDF, folder exports), \
            recomputes the SHA-256 of the dataset file and of each source text the manifest lists, and reports every \
            mismatch. The dataset is --dataset, else the file the manifest names (the bundled dataset when it was \
            used). Exits 0 when everything matches, 1 when anything differs. See docs/manifest.md.
            """
    )

    @Argument(help: "The output to check (or its .manifest.json sidecar).", completion: .file())
    var file: String

    @Option(name: .long, help: "The dataset file to check against (default: the one the manifest names).", completion: .file(extensions: ["json"]))
    var dataset: String?

    func run() throws {
        let manifests = try Manifest.read(fromOutputAt: file)
        var failed = false
        var lines: [String] = []
        for (index, manifest) in manifests.enumerated() {
            let label = manifests.count == 1 ? file : "\(file) [\(index)]"
            guard let recorded = manifest.dataset else {
                lines.append("\(label): FAILED: " + ManifestMismatch.noDataset.description)
                failed = true
                continue
            }
            let path = try dataset ?? (recorded.bundled ? BundledDataset.locate().get() : recorded.file)
            let mismatches = try manifest.verify(datasetAt: path)
            if mismatches.isEmpty {
                let texts = recorded.sourceTexts?.count ?? 0
                lines.append("\(label): OK: \(path) matches (\(Manifest.toolName) \(manifest.tool.version), SHA-256 \(recorded.sha256), "
                             + "\(texts) source text\(texts == 1 ? "" : "s"))")
            } else {
                failed = true
                lines.append("\(label): FAILED against \(path): \(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es")")
                lines.append(contentsOf: mismatches.map { "  " + $0.description })
            }
        }
        emit(lines.joined(separator: "\n"))
        if failed { throw ExitCode(1) }
    }
}
