import Foundation

/// Finds the dataset bundled with PartyGraph, wherever the tool is run from.
///
/// The search order, first hit wins:
/// 1. the environment variable `PARTYGRAPH_DATASET` (a file path, used as given);
/// 2. `datasets/indochina-summits-2026.json` in the current directory or any directory above it;
/// 3. `../share/partygraph/indochina-summits-2026.json` beside the executable's folder (an installed binary, as
///    `make install` lays it out);
/// 4. `datasets/indochina-summits-2026.json` in each of the four folders above the executable's folder (a build folder
///    of the checkout: `.build/<triple>/<config>/partygraph` → the checkout).
///
/// The executable's path has its symbolic links resolved first.
public enum BundledDataset {
    /// The bundled dataset's file name.
    public static let fileName = "indochina-summits-2026.json"
    /// The environment variable that overrides the search.
    public static let environmentVariable = "PARTYGRAPH_DATASET"

    /// The path of the bundled dataset, or `nil` with the places searched when it cannot be found.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) -> Result<String, PartyGraphError> {
        if let path = environment[environmentVariable], !path.isEmpty {
            return .success(path)
        }
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: currentDirectory, isDirectory: true).standardizedFileURL
        while true {
            candidates.append(directory.appendingPathComponent("datasets").appendingPathComponent(fileName))
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        if let executablePath {
            let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            var directory = executable.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("../share/partygraph").appendingPathComponent(fileName).standardizedFileURL)
            for _ in 0..<4 {
                directory = directory.deletingLastPathComponent()
                candidates.append(directory.appendingPathComponent("datasets").appendingPathComponent(fileName))
            }
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            return .success(found.path)
        }
        return .failure(.bundledDatasetNotFound)
    }
}
