// swift-tools-version: 6.1
//
// libFuzzer targets for clearcast (issue 8). A separate package, so the main package's
// `swift test` never builds it. Build and run through `make fuzz` (see mk/robustness.mk and README.md):
//
//   swift build --package-path Fuzz --scratch-path Fuzz/.build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
//   Fuzz/.build/debug/FuzzScenarioLoader -max_total_time=600 -rss_limit_mb=2048 -timeout=10 Fuzz/corpus/scenario-work Fuzz/corpus/scenario
//   Fuzz/.build/debug/FuzzResultReader -max_total_time=600 -rss_limit_mb=2048 -timeout=10 -max_len=65536 Fuzz/corpus/FuzzResultReader-work Fuzz/corpus/result
import PackageDescription

let package = Package(
    name: "clearcast-fuzz",
    dependencies: [
        .package(name: "clearcast", path: ".."),
    ],
    targets: [
        // Shared helpers: temp directories, fixture layers, the small grid.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ClearcastKit", package: "clearcast")]
        ),
        // Bytes -> scenario file -> ScenarioLoader.load, ScenarioLayers.load, priorityParameters().
        .executableTarget(
            name: "FuzzScenarioLoader",
            dependencies: ["FuzzSupport", .product(name: "ClearcastKit", package: "clearcast")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Bytes -> GeoJSON and CSV layer files -> readVectorLayer -> rasterize polygons.
        .executableTarget(
            name: "FuzzLayerReader",
            dependencies: ["FuzzSupport", .product(name: "ClearcastKit", package: "clearcast")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // Bytes -> ResultFile.read(data:path:) (decode + validate) -> notebook, text tables, backtest.
        .executableTarget(
            name: "FuzzResultReader",
            dependencies: [.product(name: "ClearcastKit", package: "clearcast")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
