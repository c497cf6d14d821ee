// swift-tools-version: 6.1
//
// The clearcast benchmark suite: a separate package so that the main package's `swift build` and
// `swift test` never build the harness (ordo-one/benchmark and its malloc interposer).
//
// Targets:
//   BenchWorkloads        the measured workloads and seeded synthetic inputs, shared by both below
//   ClearcastBenchmarks   the ordo-one/benchmark harness target (`swift package benchmark`)
//   BenchSummary          runs the key measurements directly and prints ONE table of ratios to limits;
//                         also writes the peer-comparison inputs (`BenchSummary peers-export`)
import PackageDescription

let package = Package(
    name: "clearcast-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        // Malloc counters for the summary tool (the harness gets them through Benchmark itself).
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.5.0"),
        .package(name: "clearcast", path: ".."),
    ],
    targets: [
        .target(
            name: "BenchWorkloads",
            dependencies: [.product(name: "ClearcastKit", package: "clearcast")]
        ),
        .executableTarget(
            name: "BenchSummary",
            dependencies: [
                "BenchWorkloads",
                .product(name: "ClearcastKit", package: "clearcast"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
            ]
        ),
        .executableTarget(
            name: "ClearcastBenchmarks",
            dependencies: [
                "BenchWorkloads",
                .product(name: "ClearcastKit", package: "clearcast"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ClearcastBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
