import _TestSupport
import ClearanceModel
import Foundation
import GeoData
import Reporting
import Synchronization
import Testing

@Suite struct SimulateCompareReportTests {
    let directory: URL

    init() throws {
        directory = try CLIRunner.scratchDirectory("sim")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    func data(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

    /// Validates result files against schemas/result.schema.json with Python's jsonschema.
    func validateSchema(_ files: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLIRunner.packageRoot.appendingPathComponent("schemas/validate.py").path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "schema validation failed:\n\(output)")
    }

    @Test func simulateIsByteIdenticalForAnyThreadCount() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        for threads in ["1", "2", "3"] {
            let run = try CLIRunner.run(["simulate", "valid.yaml", "--threads", threads, "--reproducible",
                                         "--out", path("s\(threads).json"), "--hazards", path("h\(threads).geojson")],
                                        in: CLIRunner.fixtures)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try data("s1.json") == data("s2.json"))
        #expect(try data("s1.json") == data("s3.json"))
        #expect(try data("h1.geojson") == data("h2.geojson"))
        let result = try ResultEncoding.decode(SimulationResult.self, from: data("s1.json"))
        #expect(result.replications == 20 && result.provenance.seed == 11)
        #expect(result.tasks.map(\.id).sorted() == ["H1", "H2", "H3"])
        // Each year's remaining area can never exceed the stock at the start; the means add up
        // (released per year plus remaining at the end = the stock), medians need not.
        let initial = result.initialArea.total
        #expect(initial > 0 && abs(result.initialArea.byType.values.reduce(0, +) - initial) <= 1e-9 * initial)
        var released = 0.0
        for year in result.yearly {
            #expect(year.remaining.p90 <= initial + 1e-6)
            released += year.cancelled.mean + year.reduced.mean + year.cleared.mean
            #expect(abs(released + year.remaining.mean - initial) <= 1e-6 * initial, "\(year.year)")
        }
        // Start 2021-01-01, 5 years: five whole calendar years.
        #expect(result.yearly.map(\.year) == Array(2021...2025) && !result.yearly.contains(where: \.partial))
        try validateSchema([path("s1.json")])
        // The GIS layer carries each hazard's rank and its forecast release dates.
        let layer = try readVectorLayer(at: path("h1.geojson"), targetEPSG: 32638)
        for feature in layer.features {
            let id = try #require(feature.attributes["id"]?.stringValue)
            let task = try #require(result.tasks.first { $0.id == id })
            // GDAL reads ISO date strings in GeoJSON back as dates.
            let value = feature.attributes["release_p50"]
            let text = value?.stringValue ?? value?.dateValue.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
            #expect(text == task.release.p50Date)
            #expect(feature.attributes["released_share"]?.doubleValue == task.release.finishedShare)
            #expect((feature.attributes["rank"]?.intValue ?? 0) >= 1)
        }
    }

    @Test func compareUsesCommonRandomNumbersAndReportsPairedDifferences() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // A variant identical to the base: every paired difference must be exactly zero.
        try Data("extends: \(CLIRunner.fixtures.appendingPathComponent("valid.yaml").path)\nname: Same again\n".utf8)
            .write(to: URL(fileURLWithPath: path("same.yaml")))
        try Data("extends: \(CLIRunner.fixtures.appendingPathComponent("valid.yaml").path)\nname: More teams\nsimulation:\n  teams:\n    - {kind: manual, count: 6, productivity: {dist: lognormal, median: 400, p90: 800}}\n    - {kind: survey, count: 2, productivity: 50000}\n    - {kind: bac, count: 2, productivity: 3000}\n".utf8)
            .write(to: URL(fileURLWithPath: path("more.yaml")))
        let run = try CLIRunner.run(["compare", "valid.yaml", path("same.yaml"), path("more.yaml"), "--reproducible",
                                     "--out", path("c.json")], in: CLIRunner.fixtures)
        #expect(run.status == 0, "\(run.stderr)")
        let result = try ResultEncoding.decode(CompareResult.self, from: data("c.json"))
        #expect(result.scenarios.map(\.scenario) == ["CLI fixture", "Same again", "More teams"])
        for difference in result.differences where difference.scenario == "Same again" {
            #expect(difference.mean == 0 && difference.p5 == 0 && difference.p95 == 0, "\(difference)")
        }
        let faster = try #require(result.differences.first { $0.scenario == "More teams" && $0.metric == "released_by_end_of_2023" })
        #expect(faster.mean > 0)
        #expect(run.stdout.contains("Difference from CLI fixture"))
        try validateSchema([path("c.json")])

        // The notebook of the comparison validates (nbformat is checked in ReportingTests too).
        let report = try CLIRunner.run(["report", path("c.json"), "--notebook", path("c.ipynb")])
        #expect(report.status == 0, "\(report.stderr)")
        let notebook = try JSONSerialization.jsonObject(with: data("c.ipynb")) as? [String: Any]
        #expect(notebook?["nbformat"] as? Int == 4)
    }

    @Test func compareNeedsTwoScenariosAndReportRefusesBadFiles() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try CLIRunner.run(["compare", "valid.yaml"], in: CLIRunner.fixtures)
        #expect(one.status == 2 && one.stderr.contains("at least two scenario files"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path("bad.json")))
        let bad = try CLIRunner.run(["report", path("bad.json"), "--notebook", path("x.ipynb")])
        #expect(bad.status == 2 && bad.stderr.contains("is not a JSON object"))
        #expect(!FileManager.default.fileExists(atPath: path("x.ipynb")))
        let zero = try CLIRunner.run(["simulate", "valid.yaml", "--replications", "0"], in: CLIRunner.fixtures)
        #expect(zero.status == 2 && zero.stderr.contains("--replications must be between 1 and 1000000"))
    }

    /// Ctrl-C (SIGINT) or SIGTERM stops a long run with exit code 130, says so, and leaves an earlier
    /// output file untouched and no temporary file behind. The signal is sent once the child says it
    /// is in its replications (`CLEARCAST_TEST_READY_LINE`), not after a guessed delay.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptLeavesEarlierOutputIntact(signal: Int32) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("earlier result".utf8).write(to: URL(fileURLWithPath: path("keep.json")))
        guard let child = try startLongRun(["--out", path("keep.json"), "--hazards", path("keep.gpkg")]) else { return }
        kill(child.process.processIdentifier, signal)
        let stderr = child.waitUntilExit()
        #expect(child.process.terminationReason == .exit && child.process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("clearcast: interrupted; no output was written"), "\(stderr)")
        #expect(try String(contentsOfFile: path("keep.json"), encoding: .utf8) == "earlier result")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names == ["keep.json"], "leftovers: \(names)")
    }
}

extension SimulateCompareReportTests {
    /// A simulation of a million replications started in the fixtures, once it says it is in its
    /// replications (`CLEARCAST_TEST_READY_LINE`); nil (recorded as an issue) when it never does.
    func startLongRun(_ outputs: [String]) throws -> InterruptibleRun? {
        let child = try InterruptibleRun(
            ["simulate", "valid.yaml", "--replications", "1000000", "--yes", "--quiet"] + outputs, in: CLIRunner.fixtures)
        guard child.waitForStandardError(containing: "clearcast: ready: simulating") else {
            if child.process.isRunning { child.process.terminate() }
            Issue.record("no readiness line; stderr:\n\(child.waitUntilExit())")
            return nil
        }
        return child
    }

    /// SIGQUIT (Ctrl-\\) means "quit now": the default action (status 131 in a shell), not Swift's
    /// crash report followed by exit 0; an earlier output stays as it was.
    @Test func quitSignalEndsAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("earlier result".utf8).write(to: URL(fileURLWithPath: path("keep.json")))
        guard let child = try startLongRun(["--out", path("keep.json")]) else { return }
        kill(child.process.processIdentifier, SIGQUIT)
        let stderr = child.waitUntilExit()
        #expect(child.process.terminationReason == .uncaughtSignal && child.process.terminationStatus == SIGQUIT, "\(stderr)")
        #expect(!stderr.contains("crashed"), "\(stderr)")
        #expect(try String(contentsOfFile: path("keep.json"), encoding: .utf8) == "earlier result")
    }
}

/// The `clearcast` binary run with standard error collected while it runs, so a test can act on
/// what the child has printed so far (and the child never blocks on a full pipe).
final class InterruptibleRun: Sendable {
    let process: Process
    private let collected = Mutex(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["CLEARCAST_TEST_READY_LINE": "1"]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        self.process = process
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while case let chunk = reader.availableData, !chunk.isEmpty {
                collected.withLock { $0.append(chunk) }
            }
            finished.signal()
        }
    }

    /// Standard error so far.
    var standardError: String { collected.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits until standard error contains `text`; false if the child exited first or after
    /// `timeout` seconds (generous: a bound for a hung child, not a timing assumption).
    func waitForStandardError(containing text: String, timeout: TimeInterval = 300) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if standardError.contains(text) { return true }
            if !process.isRunning { return standardError.contains(text) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Waits for the child to exit and its standard error to be read to the end; returns it.
    func waitUntilExit() -> String {
        process.waitUntilExit()
        _ = finished.wait(timeout: .now() + 60)
        return standardError
    }
}
