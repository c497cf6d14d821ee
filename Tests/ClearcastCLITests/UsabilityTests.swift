import _TestSupport
@testable import ClearcastCLI
import Foundation
import LinearAlgebra
import Testing

/// What a new user tripped on: inputs that were accepted silently and outputs that did not match.
@Suite("Planner usability")
struct UsabilityTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path

    private func variant(_ scratch: ScratchDirectory, _ name: String, _ body: String) throws -> String {
        try scratch.write("extends: \(Self.valid)\n" + body, to: name)
    }

    /// A variant without its own `name:` inherits the base's: refused, naming both files.
    @Test func comparedScenariosNeedDistinctNames() throws {
        let scratch = try ScratchDirectory("usability-names")
        let copy = try variant(scratch, "more.yaml", "simulation:\n  replications: 4\n")
        let run = try CLIRunner.run(["compare", Self.valid, copy, "--quiet"], timeout: .seconds(300))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("more.yaml: name: 'CLI fixture' is also the name of"), "\(run.stderr)")
        let named = try variant(scratch, "named.yaml", "name: More teams\nsimulation:\n  replications: 4\n")
        let ok = try CLIRunner.run(["compare", Self.valid, named, "--quiet", "--replications", "4"], timeout: .seconds(300))
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(!ok.stderr.contains("start on different dates"))
    }

    /// Different start dates are legal, but the paired differences then include the shift: said.
    @Test func differentStartDatesAreAWarning() throws {
        let scratch = try ScratchDirectory("usability-start")
        let later = try variant(scratch, "later.yaml", "name: Later start\nsimulation:\n  start_date: 2022-01-01\n")
        let run = try CLIRunner.run(["compare", Self.valid, later, "--quiet", "--replications", "4"], timeout: .seconds(300))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("start on different dates (2021-01-01, 2022-01-01)"), "\(run.stderr)")
    }

    /// A score of one scenario and a simulation of another are two reports, not one.
    @Test func reportRefusesUnrelatedResults() throws {
        let scratch = try ScratchDirectory("usability-report")
        let other = try variant(scratch, "other.yaml", "name: Another district\n")
        #expect(try CLIRunner.run(["score", Self.valid, "--out", scratch.file("score.json")]).status == 0)
        #expect(try CLIRunner.run(["simulate", other, "--quiet", "--replications", "4", "--out", scratch.file("sim.json")],
                                  timeout: .seconds(300)).status == 0)
        let run = try CLIRunner.run(["report", scratch.file("score.json"), scratch.file("sim.json"),
                                     "--notebook", scratch.file("r.ipynb")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("share no scenario"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("r.ipynb")))
    }

    /// A layer whose factor has no weight is optional: settlements without return pressure.
    @Test func settlementsAreOptionalWithoutReturnPressure() throws {
        let scratch = try ScratchDirectory("usability-settlements")
        var text = try String(contentsOfFile: Self.valid, encoding: .utf8)
        text = text.replacingOccurrences(of: "  settlements: layers/settlements.geojson\n", with: "")
            .replacingOccurrences(of: "return_pressure: 0.3, ", with: "")
            .replacingOccurrences(of: "layers/", with: CLIRunner.fixtures.appendingPathComponent("layers").path + "/")
        let path = try scratch.write(text, to: "s.yaml")
        let run = try CLIRunner.run(["score", path], timeout: .seconds(300))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("return_pressure"), "\(run.stdout)")
    }

    /// An unknown command is an error with a suggestion, even with --help (it printed the general
    /// help and exited 0, as if the command existed).
    @Test(arguments: [(["optimise", "--help"], "'optimise' is not a clearcast command"),
                      (["simulat", "x.yaml"], "did you mean 'simulate'?")])
    func unknownCommandsAreErrors(arguments: [String], message: String) throws {
        let run = try CLIRunner.run(arguments)
        #expect(run.status == 2 && run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// --quiet on every command: no kernel advice, no "written to" lines; the summary of validate goes too.
    @Test func quietOnEveryCommand() throws {
        let scratch = try ScratchDirectory("usability-quiet")
        let validate = try CLIRunner.run(["validate", "--quiet", Self.valid])
        #expect(validate.status == 0 && validate.stdout.isEmpty, "\(validate.stdout)")
        let score = try CLIRunner.run(["score", "--quiet", Self.valid, "--out", scratch.file("s.json")])
        #expect(score.status == 0 && !score.stderr.contains("written to") && !score.stderr.contains("OpenBLAS"), "\(score.stderr)")
        let report = try CLIRunner.run(["report", "--quiet", scratch.file("s.json"), "--notebook", scratch.file("r.ipynb")])
        #expect(report.status == 0 && report.stderr.isEmpty, "\(report.stderr)")
    }

    /// Layers as another system exports them (its field names, words for codes, a CSV of
    /// accidents), mapped with `fields:`/`values:`: the bundled example ranks every hazard area
    /// exactly as the demo it was derived from (same data, same arithmetic).
    @Test func mappedLayersScoreLikeTheOriginal() throws {
        let scratch = try ScratchDirectory("usability-mapping")
        for (scenario, out) in [("scenarios/exported-layers/exported-layers.yaml", "e.json"), ("scenarios/demo/demo.yaml", "d.json")] {
            let run = try CLIRunner.run(["score", scenario, "--quiet", "--out", scratch.file(out)], timeout: .seconds(300))
            #expect(run.status == 0, "\(run.stderr)")
            // IMSMA's accident classification words all translate (an unread word would warn).
            #expect(!run.stderr.contains("device"), "\(run.stderr)")
        }
        func ranking(_ name: String) throws -> [String] {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.fileURL(name))) as? [String: Any]
            return ((json?["hazards"] as? [[String: Any]]) ?? []).map { "\($0["id"] ?? "")#\($0["rank"] ?? "")" }
        }
        let mapped = try ranking("e.json"), original = try ranking("d.json")
        #expect(mapped.count == 120 && mapped == original)
    }

    /// A field the layer does not have gets a suggestion from the names it does have; a word the
    /// scenario cannot read says how to translate it.
    @Test func unmappedFieldsAndWordsSayHowToMapThem() throws {
        let scratch = try ScratchDirectory("usability-unmapped")
        let layers = CLIRunner.packageRoot.appendingPathComponent("scenarios/exported-layers/layers").path
        let path = try scratch.write("""
            extends: \(CLIRunner.packageRoot.appendingPathComponent("scenarios/demo/demo.yaml").path)
            name: Unmapped
            layers:
              hazards:
                path: \(layers)/hazards.geojson
                fields: {Hazard_ID: id, Hazard Type: type}
            """, to: "s.yaml")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 2)
        #expect(run.stderr.contains("id: missing; expected the attribute 'id' (mapped from 'Hazard_ID' by fields:); the layer has 'Hazard ID'"), "\(run.stderr)")
        #expect(run.stderr.contains("status: missing; expected one of CHA, SHA; the layer has 'Status'") || run.stderr.contains("found 'Confirmed', expected one of CHA, SHA (or translate it with values:"), "\(run.stderr)")
    }
}

/// The progress bar's estimate of the time left, from the rate so far.
@Suite("Progress ETA")
struct ProgressEstimateTests {
    @Test func remainingTimeFollowsTheRate() {
        // 10 of 100 in 6 s: 54 s left; 1 of 100 in 60 s: 99 min; 1 of 1000 in 60 s: 16.7 h.
        #expect(ProgressBar.remaining(elapsed: 6, completed: 10, total: 100) == ", about 54 s left")
        #expect(ProgressBar.remaining(elapsed: 60, completed: 1, total: 100) == ", about 99 min left")
        #expect(ProgressBar.remaining(elapsed: 60, completed: 1, total: 1_000) == ", about 16.6 h left")
        #expect(ProgressBar.remaining(elapsed: 5, completed: 0, total: 10).isEmpty)
        #expect(ProgressBar.remaining(elapsed: 5, completed: 10, total: 10).isEmpty)
    }
}

/// The OpenBLAS kernel advice is said once per terminal session, and can be silenced.
@Suite struct KernelAdviceTests {
    /// Prescott is older than every AVX2 CPU's best kernel, so forcing it in a child process makes
    /// the advice fire on any CPU with AVX2 and FMA (the test process itself never sets the kernel).
    static let advisedOnPrescott = BLASInfo.advisory(coreName: "Prescott", cpuFlags: BLASInfo.cpuFlags) != nil

    @Test(.enabled(if: advisedOnPrescott, "this CPU has no AVX2: Prescott is its right kernel, so no advice fires"))
    func adviceOncePerSessionThenSilent() throws {
        let scratch = try ScratchDirectory("advice")
        let runtime = scratch.url.appendingPathComponent("runtime")
        let environment = ["OPENBLAS_CORETYPE": "Prescott", "XDG_RUNTIME_DIR": runtime.path]
        let scenario = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path
        func score(_ extra: [String: String] = [:]) throws -> String {
            let run = try CLIRunner.run(["score", scenario, "--out", scratch.file("r.json")],
                                        environment: environment.merging(extra) { $1 })
            #expect(run.status == 0, "\(run.stderr)")
            return run.stderr
        }
        let first = try score(), second = try score()
        #expect(first.contains("OPENBLAS_CORETYPE"), "first command of the session advises: \(first)")
        #expect(!second.contains("OPENBLAS_CORETYPE"), "second command stays silent: \(second)")
        #expect(try score(["CLEARCAST_KERNEL_ADVICE": "always"]).contains("OPENBLAS_CORETYPE"))
        let fresh = ["XDG_RUNTIME_DIR": scratch.url.appendingPathComponent("other").path]
        #expect(!(try score(fresh.merging(["CLEARCAST_KERNEL_ADVICE": "off"]) { $1 })).contains("OPENBLAS_CORETYPE"))
        // The result still records the advice, whatever the terminal was told.
        let result = try String(contentsOfFile: scratch.file("r.json"), encoding: .utf8)
        #expect(result.contains("\"advisory\""))
    }

    @Test func modeFromEnvironment() {
        #expect(KernelAdvice.mode([:]) == .once)
        #expect(KernelAdvice.mode(["CLEARCAST_KERNEL_ADVICE": "OFF"]) == .off)
        #expect(KernelAdvice.mode(["CLEARCAST_KERNEL_ADVICE": "always"]) == .always)
        #expect(KernelAdvice.mode(["CLEARCAST_KERNEL_ADVICE": "sometimes"]) == .once)
    }

    /// Exactly one of two claims of the same marker wins; an unwritable directory still advises.
    @Test func markerClaimedOnce() throws {
        let scratch = try ScratchDirectory("advice-marker")
        #expect(KernelAdvice.claimMarker(in: scratch.url, kernel: "Prescott"))
        #expect(!KernelAdvice.claimMarker(in: scratch.url, kernel: "Prescott"))
        #expect(KernelAdvice.claimMarker(in: scratch.url, kernel: "Haswell"), "another kernel is advised anew")
        let blocked = scratch.url.appendingPathComponent("file")
        try Data().write(to: blocked)
        #expect(KernelAdvice.claimMarker(in: blocked.appendingPathComponent("sub"), kernel: "Prescott"))
    }
}
