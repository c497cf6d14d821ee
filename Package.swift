// swift-tools-version: 6.1
//
// clearcast: risk-priority scoring and clearance forecasting for humanitarian mine action.
//
// Layers, lowest first (a target only depends on targets above it in this list):
//   CLinearAlgebra, CGDAL      C shims over OpenBLAS/LAPACKE and GDAL (system libraries)
//   LinearAlgebra              Matrix and thin BLAS/LAPACK wrappers
//   GeoData                    grids, GDAL vector/raster reading, reprojection, rasterization, writing
//   RiskModel                  incident density, return pressure, contamination, AHP, ranking, validation
//   EventSimulation            discrete-event kernel and random streams (knows nothing of mines)
//   ClearanceModel             IMAS land release by teams, calendars, funding, Monte Carlo
//   Scenarios                  scenario files: YAML/JSON model, validation, layer loading
//   Reporting                  JSON results, notebooks, SVG charts, GIS outputs
//   ClearcastCLI, clearcast    the command-line tool
import PackageDescription

let package = Package(
    name: "clearcast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clearcast", targets: ["clearcast"]),
        .library(name: "ClearcastKit", targets: ["Scenarios", "Reporting", "RiskModel", "ClearanceModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),

        // MARK: Numerics and geodata
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"]),
        .target(name: "GeoData", dependencies: ["CGDAL"]),

        // MARK: Models
        .target(name: "RiskModel", dependencies: ["LinearAlgebra", "GeoData"]),
        .target(
            name: "EventSimulation",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(name: "ClearanceModel", dependencies: ["EventSimulation", "RiskModel"]),

        // MARK: Scenario files, results, command line
        .target(
            name: "Scenarios",
            dependencies: [
                "GeoData", "RiskModel", "ClearanceModel", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Reporting",
            dependencies: ["Scenarios", "RiskModel", "ClearanceModel", "GeoData", "LinearAlgebra"]
        ),
        .target(
            name: "ClearcastCLI",
            dependencies: [
                "Scenarios", "Reporting", "RiskModel", "ClearanceModel", "LinearAlgebra", "GeoData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "clearcast", dependencies: ["ClearcastCLI"]),

        // MARK: Tests
        // What several test targets share (result comparison across OpenBLAS kernels); in no product.
        .target(name: "_TestSupport", path: "Sources/_TestSupport"),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "EventSimulation"]),
        .testTarget(name: "GeoDataTests", dependencies: ["GeoData", "EventSimulation"]),
        .testTarget(name: "RiskModelTests", dependencies: ["RiskModel", "LinearAlgebra", "GeoData", "EventSimulation"]),
        .testTarget(name: "EventSimulationTests", dependencies: ["EventSimulation"]),
        .testTarget(name: "ClearanceModelTests", dependencies: ["ClearanceModel", "EventSimulation", "RiskModel"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "ClearanceModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Scenarios", "EventSimulation"]),
        .testTarget(
            name: "ClearcastCLITests",
            dependencies: ["ClearcastCLI", "clearcast", "Reporting", "Scenarios", "GeoData", "LinearAlgebra", "_TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
