// swift-tools-version: 6.1
//
// clearcast: risk-priority scoring and clearance forecasting for humanitarian mine action.
//
// Layers, lowest first (a target only depends on targets above it in this list):
//   ClearcastDomain            the shared vocabulary: dates, grid, contamination, status, steps, teams
//   ParallelWork               the one bound on threads (--threads) and the one lock idiom
//   AtomicFiles                publishing output files atomically (temporary file, then rename)
//   CLinearAlgebra, CGDAL, CCrypto  C shims over OpenBLAS/LAPACKE, GDAL and libcrypto (system libraries)
//   LinearAlgebra              Matrix and thin BLAS/LAPACK wrappers
//   GeoData                    grids, GDAL vector/raster reading, reprojection, rasterization, writing
//   RiskModel                  incident density, return pressure, contamination, AHP, ranking, validation
//   EventSimulation            discrete-event kernel and random streams (knows nothing of mines)
//   ClearanceModel             IMAS land release by teams, calendars, funding, Monte Carlo
//   Scenarios                  scenario files: YAML/JSON model, validation, layer loading
//   Calibration                fitting scenario parameters to observed series, with identifiability (`clearcast calibrate`)
//   Reporting                  JSON results, notebooks, SVG charts, GIS outputs
//   ClearcastCLI, clearcast    the command-line tool
import PackageDescription

let package = Package(
    name: "clearcast",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex/Atomic and UInt128
    products: [
        .executable(name: "clearcast", targets: ["clearcast"]),
        .library(name: "ClearcastKit", targets: ["ClearcastDomain", "Scenarios", "Reporting", "RiskModel", "ClearanceModel",
                                                "ResourcePlanning", "SensitivityAnalysis", "Calibration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: Domain core (pure Swift: no C library, no Foundation) and the bound on threads
        .target(name: "ClearcastDomain"),
        .target(name: "ParallelWork"),
        .target(name: "AtomicFiles"),

        // MARK: C shims
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),

        // MARK: Numerics and geodata
        .target(name: "LinearAlgebra", dependencies: ["ParallelWork", "CLinearAlgebra"]),
        .target(name: "GeoData", dependencies: ["ClearcastDomain", "AtomicFiles", "CGDAL"]),

        // MARK: Models
        .target(name: "RiskModel", dependencies: ["ClearcastDomain", "ParallelWork", "LinearAlgebra"]),
        .target(name: "EventSimulation"),
        // Sensitivity designs and estimators (one at a time, Morris, Sobol), for any model.
        .target(name: "SensitivityAnalysis", dependencies: ["EventSimulation"]),
        // Builds and tests without GDAL or OpenBLAS (checked by `make check-layers`).
        .target(name: "ClearanceModel", dependencies: ["ClearcastDomain", "ParallelWork", "EventSimulation"]),
        // Decisions over the clearance model: what resources meet a target (`clearcast plan`).
        .target(name: "ResourcePlanning", dependencies: ["ClearcastDomain", "ClearanceModel"]),

        // MARK: Scenario files, results, command line
        .target(
            name: "Scenarios",
            dependencies: [
                "ClearcastDomain", "ParallelWork", "CCrypto", "GeoData", "LinearAlgebra", "RiskModel", "EventSimulation",
                "ClearanceModel", "SensitivityAnalysis", "Yams",
            ]
        ),
        // Fits scenario parameters to an observed yearly series and says what the data identify.
        .target(name: "Calibration", dependencies: ["ClearcastDomain", "ClearanceModel", "Scenarios"]),
        .target(
            name: "Reporting",
            dependencies: [
                "ClearcastDomain", "AtomicFiles", "GeoData", "LinearAlgebra", "RiskModel", "EventSimulation",
                "ClearanceModel", "ResourcePlanning", "SensitivityAnalysis", "Scenarios", "Calibration",
            ]
        ),
        .target(
            name: "ClearcastCLI",
            dependencies: [
                "ClearcastDomain", "ParallelWork", "AtomicFiles", "GeoData", "LinearAlgebra", "RiskModel",
                "EventSimulation", "ClearanceModel", "ResourcePlanning", "SensitivityAnalysis", "Scenarios", "Calibration",
                "Reporting", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "clearcast", dependencies: ["ClearcastCLI"]),

        // MARK: Tests
        // What the test targets share (seeded generator, scratch directories, process runner, tolerances,
        // test environment, result comparison across OpenBLAS kernels); in no product.
        .target(name: "_TestSupport", dependencies: ["ParallelWork", "EventSimulation"], path: "Sources/_TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["_TestSupport", "EventSimulation"]),
        .testTarget(name: "ClearcastDomainTests", dependencies: ["ClearcastDomain", "_TestSupport"]),
        .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork", "_TestSupport"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "ParallelWork", "_TestSupport"]),
        .testTarget(name: "GeoDataTests", dependencies: ["ClearcastDomain", "AtomicFiles", "GeoData", "_TestSupport"]),
        .testTarget(
            name: "RiskModelTests",
            dependencies: ["ClearcastDomain", "ParallelWork", "RiskModel", "LinearAlgebra", "EventSimulation", "_TestSupport"]
        ),
        .testTarget(name: "EventSimulationTests", dependencies: ["EventSimulation", "_TestSupport"]),
        .testTarget(name: "SensitivityAnalysisTests", dependencies: ["SensitivityAnalysis", "_TestSupport"]),
        .testTarget(
            name: "ClearanceModelTests", dependencies: ["ClearcastDomain", "ClearanceModel", "EventSimulation", "_TestSupport"]
        ),
        .testTarget(
            name: "ResourcePlanningTests",
            dependencies: ["ClearcastDomain", "ClearanceModel", "EventSimulation", "ResourcePlanning", "_TestSupport"]
        ),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["ClearcastDomain", "Scenarios", "RiskModel", "ClearanceModel", "EventSimulation", "SensitivityAnalysis",
                           "_TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CalibrationTests",
            dependencies: ["ClearcastDomain", "Calibration", "Scenarios", "ClearanceModel", "_TestSupport"]
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "ClearcastDomain", "GeoData", "Reporting", "Scenarios", "RiskModel", "ClearanceModel", "EventSimulation",
                "ResourcePlanning", "SensitivityAnalysis", "Calibration", "_TestSupport",
            ]
        ),
        .testTarget(
            name: "ClearcastCLITests",
            dependencies: [
                "ClearcastCLI", "clearcast", "ClearcastDomain", "AtomicFiles", "EventSimulation", "ClearanceModel",
                "RiskModel", "Reporting", "Scenarios", "GeoData", "LinearAlgebra", "_TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Every module declares what it uses: members of a module are visible only where it is imported.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
