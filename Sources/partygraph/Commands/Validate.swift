import ArgumentParser
import Foundation
import PartyGraph

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check dataset files and report every problem with its place and a fix.",
        discussion: "With no FILE, checks the bundled dataset (or --dataset). Exits 65 when any file has problems."
    )

    @Argument(help: "The dataset files to check.", completion: .file(extensions: ["json"]))
    var files: [String] = []

    @OptionGroup var datasetOptions: DatasetOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv is not available here; use table or json.") }
        if datasetOptions.knownAt != nil { throw ValidationError("--known-at applies to answers; validate checks the whole file.") }
        if !datasetOptions.sourceKinds.isEmpty { throw ValidationError("--source-kind applies to answers; validate checks the whole file.") }
    }

    struct FileResult: Codable {
        var file: String
        var valid: Bool
        var nodes: Int?
        var relations: Int?
        var problems: [Problem]
        /// What is consistent but worth a look: contradicting status claims, disputed facts. Never makes a file invalid.
        var warnings: [Problem] = []
        /// What produced this result (JSON only): the file's digest, and its title and source texts when it loads.
        var manifest: Manifest?
    }

    struct Problem: Codable {
        var line: Int?
        var column: Int?
        var path: String
        var message: String
        var fix: String?
    }

    func run() throws {
        var paths = files
        if paths.isEmpty {
            if let dataset = datasetOptions.dataset { paths = [dataset] } else { paths = [try BundledDataset.locate().get()] }
        }
        var results: [FileResult] = []
        let bundled = files.isEmpty && datasetOptions.dataset == nil
        /// One manifest per file (a JSON array's objects each carry theirs, ``ManifestPlacement/jsonMemberOfEachElement``);
        /// a file that cannot be read gets one without a dataset.
        func manifest(_ path: String, _ dataset: Dataset?) -> Manifest? {
            guard format == .json else { return nil }
            return (try? makeManifest(datasetPath: path, given: bundled ? nil : path, dataset: dataset)) ?? Manifest(command: commandArguments(), dataset: nil)
        }
        for path in paths {
            do throws(PartyGraphError) {
                let dataset = try DatasetLoader.load(path: path)
                results.append(FileResult(
                    file: path, valid: true, nodes: dataset.entities.count, relations: dataset.relationships.count, problems: [],
                    warnings: dataset.warnings.map { Problem(line: $0.line, column: $0.column, path: $0.path, message: $0.message, fix: $0.fix) },
                    manifest: manifest(path, dataset)))
            } catch {
                let problems: [Problem]
                switch error {
                case .invalidData(_, let issues):
                    problems = issues.map { Problem(line: $0.line, column: $0.column, path: $0.path, message: $0.message, fix: $0.fix) }
                default:
                    problems = [Problem(line: nil, column: nil, path: "$", message: error.description, fix: nil)]
                }
                results.append(FileResult(file: path, valid: false, problems: problems, manifest: manifest(path, nil)))
            }
        }
        switch format {
        case .json:
            emit(try jsonText(results))
        default:
            func located(_ problem: Problem, in file: String, as severity: String) -> String {
                var place = file
                if let line = problem.line { place += ":\(line)" + (problem.column.map { ":\($0)" } ?? "") }
                return "\(place): \(severity): \(problem.path): \(problem.message)" + (problem.fix.map { " — \($0)" } ?? "")
            }
            for result in results {
                if result.valid {
                    let count = result.warnings.count
                    emit("\(result.file): valid (\(result.nodes ?? 0) nodes, \(result.relations ?? 0) relations"
                         + (count == 0 ? "" : ", \(count) warning\(count == 1 ? "" : "s")") + ")")
                    if count > 0 {
                        let lines = result.warnings.map { located($0, in: result.file, as: "warning") }
                        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                    }
                } else {
                    var lines = ["\(result.file): \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s")"]
                    for problem in result.problems { lines.append(located(problem, in: result.file, as: "error")) }
                    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                }
            }
        }
        if results.contains(where: { !$0.valid }) { throw ExitCode(65) }
    }
}
