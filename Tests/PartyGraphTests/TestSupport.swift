import Foundation
@testable import PartyGraph

/// The repository checkout, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled dataset's path.
let bundledDatasetPath = repositoryRoot.appendingPathComponent("datasets/indochina-summits-2026.json").path

/// The bundled dataset, loaded once.
let bundledDataset: Dataset = {
    do { return try DatasetLoader.load(path: bundledDatasetPath) } catch { fatalError("bundled dataset does not load: \(error)") }
}()

/// A fixture file's path.
func fixturePath(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
}
