import Foundation

/// The result of running the `partygraph` executable.
struct CLIResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// The checkout, found from this file's path.
let checkoutRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `partygraph` executable: it sits beside the test bundle in the build folder (`swift test` builds it).
let partygraphExecutable: URL = {
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("partygraph")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return checkoutRoot.appendingPathComponent(".build/debug/partygraph")
}()

/// Runs `partygraph` with the arguments, from the checkout unless `directory` is given, and waits for it.
func runCLI(_ arguments: [String], in directory: URL = checkoutRoot, environment: [String: String] = [:]) throws -> CLIResult {
    let process = Process()
    process.executableURL = partygraphExecutable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var merged = ProcessInfo.processInfo.environment
    merged.removeValue(forKey: "PARTYGRAPH_DATASET")
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self))
}

/// A fixture of the PartyGraphTests target, by relative path.
func datasetFixture(_ name: String) -> String {
    checkoutRoot.appendingPathComponent("Tests/PartyGraphTests/Fixtures").appendingPathComponent(name).path
}
