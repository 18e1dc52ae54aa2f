// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PartyGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GraphAlgorithms", targets: ["GraphAlgorithms"]),
        .library(name: "PartyGraph", targets: ["PartyGraph"]),
        .library(name: "PartyGraphDiagrams", targets: ["PartyGraphDiagrams"]),
        .library(name: "PartyGraphCharts", targets: ["PartyGraphCharts"]),
        .executable(name: "partygraph", targets: ["partygraph"]),
        .executable(name: "convening-power", targets: ["ConveningPower"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs`: the generate-documentation command plugin (no product or target depends on it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Domain-free compact graphs (CSR) and graph algorithms.
        .target(name: "GraphAlgorithms"),
        // The typed political-relationship model, datasets, queries and interchange.
        .target(name: "PartyGraph", dependencies: ["GraphAlgorithms"]),
        // The Graphviz C library, linked in-process.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev", "pkg-config"]), .brew(["graphviz", "pkg-config"])]
        ),
        // Diagrams of PartyGraph views, rendered through Graphviz.
        .target(name: "PartyGraphDiagrams", dependencies: ["PartyGraph", "CGraphviz"]),
        // librsvg and cairo, linked in-process: charts' SVG rendered to PNG and PDF.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "pkg-config"]), .brew(["librsvg", "pkg-config"])]
        ),
        // Charts of PartyGraph answers (timeline, co-meeting heatmap, centrality trajectory) as SVG, PNG and PDF.
        .target(name: "PartyGraphCharts", dependencies: ["PartyGraph", "CRsvg"]),
        // The command-line tool.
        .executableTarget(
            name: "partygraph",
            dependencies: [
                "PartyGraph", "PartyGraphDiagrams", "PartyGraphCharts", "GraphAlgorithms",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ConveningPower", dependencies: ["PartyGraph"], path: "Examples/ConveningPower"),
        // Helpers shared by the test targets: running the built executables.
        .target(name: "PartyGraphTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GraphAlgorithmsTests", dependencies: ["GraphAlgorithms"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PartyGraphTests", dependencies: ["PartyGraph"], resources: [.copy("Fixtures")]),
        // Golden DOT files are read from the source tree (see ViewGoldenTests), not bundled.
        .testTarget(name: "PartyGraphDiagramsTests", dependencies: ["PartyGraphDiagrams", "PartyGraph", "PartyGraphTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "PartyGraphChartsTests", dependencies: ["PartyGraphCharts", "PartyGraph"]),
        // Golden CLI outputs are read from the source tree (see GoldenOutputCLITests), not bundled.
        .testTarget(name: "CLITests", dependencies: ["PartyGraph", "PartyGraphTestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
