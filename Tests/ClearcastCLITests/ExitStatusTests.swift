import _TestSupport
import ArgumentParser
import AtomicFiles
import ClearanceModel
@testable import ClearcastCLI
import ClearcastDomain
import EventSimulation
import Foundation
import GeoData
import LinearAlgebra
@testable import Reporting
import RiskModel
import Scenarios
import Testing

/// Every error type of the lower layers gets its exit code (2 bad input, 1 internal, 130 interrupted)
/// and a message on stderr that starts with what it is.
@Suite struct ExitStatusTests {
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory("exit-status") }

    /// Asserts that `error` is classified as bad input whose message starts with "error: " and
    /// contains every text of `naming`.
    func expectBadInput(_ error: any Error, naming texts: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        let (code, message) = ExitStatus.classify(error)
        #expect(code == 2, "\(message)", sourceLocation: sourceLocation)
        #expect(message.hasPrefix("error: "), "\(message)", sourceLocation: sourceLocation)
        for text in texts { #expect(message.contains(text), "\(message)", sourceLocation: sourceLocation) }
    }

    func expectInternal(_ error: any Error, sourceLocation: SourceLocation = #_sourceLocation) {
        let (code, message) = ExitStatus.classify(error)
        #expect(code == 1, "\(message)", sourceLocation: sourceLocation)
        #expect(message.hasPrefix("internal error: ") && !message.contains("internal error: internal error"),
                "\(message)", sourceLocation: sourceLocation)
    }

    // MARK: Errors of the command line itself

    @Test func inputErrorAndInterruptions() {
        expectBadInput(ExitStatus.InputError("--holdout-after: found 'x'"), naming: "--holdout-after")
        #expect(ExitStatus.classify(ExitStatus.Interrupted()) == (130, "clearcast: interrupted; no output was written"))
        let partial = ExitStatus.classify(ExitStatus.Interrupted(written: ["out/a.json"]))
        #expect(partial.code == 130 && partial.message.contains("written before the interrupt (complete): out/a.json"))
        #expect(ExitStatus.classify(CancellationError()).code == 130)
    }

    @Test func argumentParserErrorsKeepTheirCodes() {
        let usage = ExitStatus.report(ValidationError("--threads must be between 1 and 1024"),
                                      fullMessage: "Error: --threads must be between 1 and 1024", parserCode: 64)
        #expect(usage == 2)
        #expect(ExitStatus.report(ExitCode(3), fullMessage: "", parserCode: 3) == 3)
        #expect(ExitStatus.report(ExitCode.failure, fullMessage: "", parserCode: 1) == 1)
    }

    @Test func unknownErrorTypesAreInternal() {
        struct Unforeseen: Error {}
        expectInternal(Unforeseen())
        #expect(ExitStatus.report(Unforeseen(), fullMessage: "", parserCode: 1) == 1)
    }

    // MARK: Scenario, geodata and domain

    @Test func scenarioError() {
        expectBadInput(ScenarioError(file: "s.yaml", path: "grid.cell_size", line: 4, message: "found -1"),
                       naming: "s.yaml:4", "grid.cell_size")
    }

    /// Every kind: files and paths are the user's; arguments our code passes are not.
    @Test(arguments: GeoDataError.Kind.allCases)
    func geoDataError(kind: GeoDataError.Kind) {
        let error = GeoDataError(kind, path: "layers/hazards.geojson", "details")
        if [.rasterizeFailed, .invalidArgument].contains(kind) {
            expectInternal(error)
        } else {
            expectBadInput(error, naming: "layers/hazards.geojson", "details")
        }
    }

    @Test func atomicFileWriteFailed() {
        expectBadInput(AtomicFile.WriteFailed(path: "out/r.json", reason: "No space left on device"),
                       naming: "out/r.json", "No space left")
    }

    @Test func gridAndDate() throws {
        let grid = try #require(throws: Grid.InvalidGrid.self) {
            try Grid(epsg: 32638, minX: 0, minY: 0, cellSize: -1, columns: 1, rows: 1)
        }
        expectBadInput(grid, naming: "grid: cell size")
        let date = try #require(throws: CivilDate.InvalidDate.self) { try CivilDate(iso: "2023-02-30") }
        expectBadInput(date, naming: "2023-02-30")
    }

    // MARK: Models

    @Test func riskModelErrorByCase() {
        expectBadInput(RiskModelError.invalidWeight(name: "incidents", value: -1), naming: "scoring.weights", "incidents")
        expectBadInput(RiskModelError.ahpInconsistent(consistencyRatio: 0.3, threshold: 0.1), naming: "consistency ratio")
        expectBadInput(RiskModelError.duplicateHazardID("H-1"), naming: "H-1")
        expectBadInput(RiskModelError.noHeldOutIncidents, naming: "held-out")
        expectBadInput(RiskModelError.invalidLayerValue(layer: "incidents", index: 0, value: .nan), naming: "incidents")
        expectInternal(RiskModelError.cellCountMismatch(context: "layer 'incidents'", expected: 4, found: 3))
        expectInternal(RiskModelError.cellIndexOutOfRange(context: "hazard 'H-1'", index: 9, cellCount: 4))
        expectInternal(RiskModelError.ahpEigenFailure("no eigenvalues returned"))
    }

    @Test func densityAndReturnPressureParameters() {
        expectBadInput(IncidentDensityError.invalidParameter(name: "bandwidth", value: 0, expected: "> 0"), naming: "bandwidth")
        expectBadInput(IncidentDensityError.invalidIncident(index: 3, reason: "no date"), naming: "incident 3")
        expectBadInput(ReturnPressureError.invalidParameter(name: "decay", value: -1, expected: "> 0"), naming: "decay")
        expectBadInput(ReturnPressureError.invalidSettlement(index: 0, name: "Horadiz", reason: "no population"),
                       naming: "Horadiz")
    }

    @Test func clearanceModelAndDistributions() {
        let issue = ValidationIssue(path: "teams[0].count", message: "must be ≥ 1, found 0")
        expectBadInput(ClearanceModelError.invalidInput([issue]), naming: "teams[0].count")
        expectBadInput(DistributionError.outOfRange(distribution: "bernoulli", parameter: "p", value: 1.2, expected: "[0, 1]"),
                       naming: "bernoulli", "p = 1.2")
    }

    @Test func schedulingStatisticsAndLinearAlgebra() {
        expectBadInput(SchedulingError.capacityExceeded, naming: "capacity", "fewer teams")
        expectInternal(SchedulingError.timeInPast(time: 1, now: 2))
        expectInternal(SchedulingError.nonFiniteTime(.infinity))
        expectInternal(StatisticsError.emptySample(statistic: "mean"))
        expectInternal(LinearAlgebraError.dimensionMismatch(operation: "multiply", details: "2 x 3 by 2 x 3"))
        expectInternal(LinearAlgebraError.lapackFailure(routine: "dsyevr", info: 2))
    }

    // MARK: Results and Foundation

    @Test func resultErrors() {
        expectInternal(ResultEncoding.NonFiniteValue())
        expectBadInput(ResultFile.ReadError(path: "a.json", reason: "is not a JSON object"), naming: "a.json")
        expectBadInput(Backtest.ParseError(path: "observed.csv", line: 3, reason: "expected a number"), naming: "observed.csv:3")
    }

    @Test func foundationFileErrors() throws {
        let missing = try #require(throws: CocoaError.self) {
            try Data(contentsOf: URL(fileURLWithPath: scratch.file("absent.csv")))
        }
        expectBadInput(missing, naming: "absent.csv")
        expectInternal(CocoaError(.coderInvalidValue))
    }

    // MARK: Interrupt handling

    /// The forced quit (second signal) removes an output's temporary files by AtomicFile's own prefix:
    /// the names a write really uses must start with it.
    @Test func temporaryPrefixMatchesAtomicFile() throws {
        let target = scratch.file("hazards.gpkg")
        var seen: String?
        try AtomicFile.write(to: target) { temporary in
            seen = URL(fileURLWithPath: temporary).lastPathComponent
            try Data("x".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        let name = try #require(seen)
        #expect(name.hasPrefix(AtomicFile.temporaryPrefix(of: target)), "\(name)")
    }

    @Test func removingTemporaryFilesSparesEverythingElse() throws {
        let target = scratch.file("hazards.gpkg")
        let prefix = AtomicFile.temporaryPrefix(of: target)
        for name in [prefix + "A.gpkg", prefix + "A.gpkg-journal", "hazards.gpkg", ".other.tmp-B.gpkg", "keep.json"] {
            try scratch.write("x", to: name)
        }
        AtomicFile.removeTemporaryFiles(of: target)
        #expect(try scratch.contents() == [".other.tmp-B.gpkg", "hazards.gpkg", "keep.json"])
    }

    /// The stop check passed to a Monte Carlo run stops it (on any thread count); a check that
    /// never fires changes nothing.
    @Test func monteCarloStopsWhenTheCheckSaysSo() throws {
        let model = ClearanceModel.syntheticNationalScale(tasks: 20, teams: 10, seed: 1, horizonYears: 2)
        for threads in [1, 2] {
            #expect(throws: CancellationError.self) {
                _ = try MonteCarloRunner.run(model, replications: 4, seed: 1, threads: threads, shouldStop: { true })
            }
        }
        let forecast = try MonteCarloRunner.run(model, replications: 4, seed: 1, threads: 2, shouldStop: { false })
        #expect(forecast.replications == 4)
    }

    // MARK: Through the binary

    /// An output path that is a directory is refused before the run (it used to fail only when the
    /// finished file was moved into place): exit 2 naming the path, and no temporary file left.
    @Test func unwritableRasterPathIsBadInput() throws {
        try FileManager.default.createDirectory(atPath: scratch.file("priority.tif"), withIntermediateDirectories: false)
        let run = try CLIRunner.run(["score", "valid.yaml", "--raster", scratch.file("priority.tif")], in: CLIRunner.fixtures)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("error: --raster \(scratch.file("priority.tif")): is a directory"), "\(run.stderr)")
        #expect(!run.stderr.contains("internal error"), "\(run.stderr)")
        #expect(try scratch.contents() == ["priority.tif"])
    }

    @Test func unsupportedHazardFormatAndMissingDirectoryAreBadInput() throws {
        let format = try CLIRunner.run(["score", "valid.yaml", "--hazards", scratch.file("hazards.txt")], in: CLIRunner.fixtures)
        #expect(format.status == 2, "\(format.stderr)")
        #expect(format.stderr.contains("error: --hazards \(scratch.file("hazards.txt")): '.txt' is not a format this option writes"), "\(format.stderr)")
        let missing = try CLIRunner.run(["score", "valid.yaml", "--raster", "/proc/nope/r.tif"], in: CLIRunner.fixtures)
        #expect(missing.status == 2 && missing.stderr.contains("/proc/nope/r.tif"), "\(missing.stderr)")
    }
}
