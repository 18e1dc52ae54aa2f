// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so their dependencies never reach users.
let package = Package(
    name: "PartyGraphBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "PartyGraph", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "AlgorithmsBench",
            dependencies: [.product(name: "GraphAlgorithms", package: "PartyGraph")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "RenderBench",
            dependencies: [.product(name: "PartyGraphDiagrams", package: "PartyGraph"), .product(name: "PartyGraph", package: "PartyGraph")]
        ),
        .executableTarget(
            name: "EgoBench",
            dependencies: [.product(name: "PartyGraphDiagrams", package: "PartyGraph"), .product(name: "PartyGraph", package: "PartyGraph")]
        ),
        .executableTarget(
            name: "ScaleBench",
            dependencies: [.product(name: "PartyGraph", package: "PartyGraph")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
