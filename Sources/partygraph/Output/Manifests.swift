import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphDiagrams

/// The `--manifest FILE` option of commands that print to standard output: output printed has no file name to put a
/// sidecar beside, so the user names the manifest's file (see docs/manifest.md).
struct ManifestOptions: ParsableArguments {
    @Option(name: .customLong("manifest"), help: "Also write the output's manifest (tool, dataset digests, command) to this file.",
            completion: .file(extensions: ["json"]))
    var file: String?
}

/// The command line as the running command was given it, normalised as ``Manifest/command`` records it.
func commandArguments() -> [String] {
    Manifest.normalisedArguments(Array(CommandLine.arguments.dropFirst()))
}

/// The manifest of the running command computed from the dataset file at `datasetPath`.
///
/// - Parameters:
///   - command: the command and its parameters (default: this process's arguments, normalised).
///   - datasetPath: where the dataset (or edge list) was read; `nil` when the command read none.
///   - given: how the user named it (`--dataset`); `nil` for the bundled dataset.
///   - dataset: the dataset loaded from it, for its title and source texts; `nil` for a file that is not one.
func makeManifest(for command: [String] = commandArguments(), datasetPath: String?, given: String?, dataset: Dataset?) throws -> Manifest {
    guard let datasetPath else { return Manifest(command: command, dataset: nil) }
    let bundled = given == nil
    return Manifest(command: command, dataset: try Manifest.DatasetFingerprint(
        path: datasetPath, file: given ?? BundledDataset.fileName, bundled: bundled, dataset: dataset))
}

extension DatasetOptions {
    /// The manifest of the running command on the dataset these options chose (`--dataset`, else the bundled one).
    func manifest(for dataset: Dataset) throws -> Manifest {
        try makeManifest(datasetPath: try path(), given: self.dataset, dataset: dataset)
    }
}

/// A report encoded with a top-level `manifest` member beside its own (``ManifestPlacement/jsonMember``).
struct WithManifest<Report: Encodable>: Encodable {
    var report: Report
    var manifest: Manifest

    private enum Key: String, CodingKey { case manifest }

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(manifest, forKey: .manifest)
    }
}

/// A report as stable JSON (see ``jsonText(_:)``) with its manifest as a top-level `manifest` member.
func jsonText(_ value: some Encodable, manifest: Manifest) throws -> String {
    try jsonText(WithManifest(report: value, manifest: manifest))
}

extension FormatOptions {
    /// Writes the report's manifest to `--manifest FILE` when one is given (``ManifestPlacement/sidecar`` for
    /// output printed to standard output), before the report is printed; computes it only then.
    func writeManifestFile(_ manifest: () throws -> Manifest) throws {
        if let file = manifestOptions.file { try manifest().write(to: file) }
    }
}

/// Writes a drawing (a diagram file) with its manifest where ``OutputKind/manifestPlacement`` puts it: SVG with
/// `<metadata>`, every other format with a sidecar; atomically, failures reported as diagrams report them.
func writeDrawing(_ data: Data, fileExtension: String, manifest: Manifest, to path: String) throws {
    switch OutputKind.drawing(fileExtension: fileExtension).manifestPlacement {
    case .svgMetadata:
        try OutputFile.writeAtomically(manifest.embedded(inSVG: data), to: URL(fileURLWithPath: path))
    default:
        try OutputFile.writeAtomically(data, to: URL(fileURLWithPath: path))
        try OutputFile.writeAtomically(manifest.sidecarData, to: URL(fileURLWithPath: Manifest.sidecarPath(for: path)))
    }
}
