import Foundation

/// What a run of a built executable printed and how it exited.
public struct ProductRun: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Finds and runs the package's built executables (`partygraph`, `convening-power`) as a user does.
///
/// `swift build --build-tests` and `swift test` put every product in the folder of the test bundle, so they are
/// looked up there (on macOS a few folders above it). They run from the checkout unless told otherwise, with
/// `PARTYGRAPH_DATASET` removed from the environment, so the bundled dataset is found the way a user finds it.
public enum BuiltProducts {
    /// The package checkout, found from this file's path.
    public static let checkoutRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the built products, or `nil` when they have not been built.
    public static let directory: URL? = {
        var candidates: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for candidate in candidates {
            var folder = candidate
            for _ in 0..<4 {
                if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("partygraph").path) { return folder }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Why a product cannot be run.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var product: String
        public var description: String { "the built `\(product)` was not found next to the test bundle; run `swift build --build-tests` first" }
    }

    /// Runs a product and waits for it. Output goes through files, not pipes, so large output never blocks the child.
    public static func run(
        _ product: String = "partygraph", _ arguments: [String], in folder: URL = checkoutRoot,
        environment: [String: String] = [:]
    ) throws -> ProductRun {
        guard let directory else { throw NotBuilt(product: product) }
        let process = Process()
        process.executableURL = directory.appendingPathComponent(product)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "PARTYGRAPH_DATASET")
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return ProductRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// A fresh empty folder under the temporary directory.
    public static func temporaryFolder(_ prefix: String = "partygraph") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
