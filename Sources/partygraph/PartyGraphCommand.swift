import ArgumentParser
import Foundation
import PartyGraph
import PartyGraphCharts
import PartyGraphDiagrams

@main
struct PartyGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partygraph",
        abstract: "Analyse relationship graphs of parties, organs, offices, leaders and their meetings.",
        discussion: """
            Every command reads the bundled dataset unless --dataset names another file. The bundled dataset is \
            found through $\(BundledDataset.environmentVariable), then datasets/\(BundledDataset.fileName) in the \
            current directory or above, then beside the executable.

            Exit codes: 0 success, 64 usage error (bad option, unknown name), 65 bad input data.
            """,
        version: Manifest.toolVersion,
        subcommands: [
            Validate.self, Info.self, Show.self, Holders.self, WhoMet.self, Meetings.self, Matrix.self, Path.self, Neighbors.self,
            Render.self, Explore.self, Export.self, Import.self, Merge.self, Migrate.self, Centrality.self, TimelineCommand.self,
            ChartCommand.self, Verify.self,
        ]
    )

    /// Runs the command, turning library errors into a message (see ``ErrorMessages``) and the documented exit code.
    static func main() {
        func fail(_ message: String, _ code: Int32) -> Never {
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
            Foundation.exit(code)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PartyGraphError {
            fail(ErrorMessages.text(error), ErrorMessages.exitCode(error))
        } catch let error as DiagramError {
            fail(ErrorMessages.text(error), ErrorMessages.exitCode(error))
        } catch let error as ChartError {
            fail(ErrorMessages.text(error), 70)
        } catch let error as UsageError {
            fail(error.description, 64)
        } catch {
            exit(withError: error)
        }
    }
}
