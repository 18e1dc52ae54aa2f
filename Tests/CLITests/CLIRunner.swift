import Foundation
import PartyGraphTestSupport

/// The checkout the CLI tests run in.
let checkoutRoot = BuiltProducts.checkoutRoot

/// Runs `partygraph` with the arguments, from the checkout unless `directory` is given.
func runCLI(_ arguments: [String], in directory: URL = checkoutRoot, environment: [String: String] = [:]) throws -> ProductRun {
    try BuiltProducts.run("partygraph", arguments, in: directory, environment: environment)
}

/// A fixture of the PartyGraphTests target, by relative path.
func datasetFixture(_ name: String) -> String {
    checkoutRoot.appendingPathComponent("Tests/PartyGraphTests/Fixtures").appendingPathComponent(name).path
}
