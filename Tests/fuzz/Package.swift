// swift-tools-version:6.0
import PackageDescription

// The libFuzzer target of the dataset loader, in its own package so that the main package's `swift build` and
// `swift build --build-tests` never see it. Built only by `make fuzz` / `make test` (Tests/fuzz/run.sh) with
// `-sanitize=fuzzer,address -parse-as-library` into the scratch path `.build-fuzz`.
let package = Package(
    name: "PartyGraphFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "PartyGraph", path: "../.."),
    ],
    targets: [
        // The declaration of libFuzzer's driver, called from the fuzzer's entry point.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "DatasetFuzzer",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "PartyGraph", package: "PartyGraph"),
                .product(name: "GraphAlgorithms", package: "PartyGraph"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
