import Foundation
import Testing

/// The DocC article on the README's Swift example shows the README's code unchanged
/// (`ReadmeExampleTests` keeps that code correct).
@Suite struct DocCArticleTests {
    /// The body of the first ```` ```swift ```` block after the first line that starts with `heading`.
    static func swiftBlock(in text: String, after heading: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }),
              let open = lines[start...].firstIndex(of: "```swift"),
              let close = lines[(open + 1)...].firstIndex(of: "```")
        else { return nil }
        return lines[(open + 1)..<close].joined(separator: "\n")
    }

    @Test func theSwiftAPIArticleShowsTheReadmeExample() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let article = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/PartyGraph/PartyGraph.docc/SwiftAPIExample.md"),
            encoding: .utf8)
        let expected = try #require(Self.swiftBlock(in: readme, after: "## Swift API"))
        let shown = try #require(Self.swiftBlock(in: article, after: "# "))
        #expect(shown == expected)
    }
}
