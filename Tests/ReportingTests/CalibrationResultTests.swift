import _TestSupport
import ClearcastDomain
import Foundation
import Scenarios
import Testing
@testable import Calibration
@testable import Reporting

/// The `calibrate` result built from a hand-made run (a ridge: only share × funding is seen),
/// read back, validated, refused when inconsistent, and rendered as a table and a notebook.
@Suite("Calibration results")
struct CalibrationResultTests {
    static let inputs = [
        UncertaintySpec.Input(label: "NTS share", paths: ["simulation.land_release.nts_cancel_share"],
                              variation: .range(low: 0.2, high: 0.6, whole: false)),
        UncertaintySpec.Input(label: "funding", paths: ["simulation.teams[name=a].count", "simulation.teams[name=a].capacity_plan"],
                              variation: .scale(low: 0.7, high: 1.3, whole: true)),
    ]

    /// Released area per year is 1,000 ha × (share / 0.4) × funding: a ridge along share × funding = 0.4.
    static func released(_ u: [Double], year: Int) -> Double {
        let share: Double = 0.2 + 0.4 * u[0]
        let funding: Double = 0.7 + 0.6 * u[1]
        let perYear: Double = 10_000_000 * Double(year)
        return perYear * (share / 0.4) * funding
    }

    static func result(points: Int = 40) -> CalibrationResult {
        let rows: [ObservedSeries.Row] = (1...3).map { (k: Int) -> ObservedSeries.Row in
            ObservedSeries.Row(line: k + 1, periodStart: CivilDate(year: 2026 + k, month: 1, day: 1),
                               periodEnd: CivilDate(year: 2026 + k, month: 12, day: 31), metric: .releasedArea, type: nil,
                               value: 10_000_000 * Double(k), relativeError: nil, source: k == 1 ? "hand" : "")
        }
        let observed = ObservedSeries(path: "observed.csv", rows: rows, ignoredRows: 1)
        let errors = [Double](repeating: 0.05, count: rows.count)
        func point(_ u: [Double]) -> CalibrationRun.Point {
            let at = u.isEmpty ? [0.5, 0.5] : u
            let simulated: [[Double]] = [0.98, 1.02].map { (noise: Double) in (1...3).map { (year: Int) in released(at, year: year) * noise } }
            let late = (u.first ?? 0.5) < 0.5
            return .init(coordinates: u,
                         distance: CalibrationDistance(observed: rows.map { $0.value }, relativeErrors: errors, simulated: simulated),
                         forecast: PointForecast(completionDays: [.antiPersonnel: late ? [nil, nil] : [3_000, 3_300],
                                                                  .unexplodedOrdnance: [900, 1_000]],
                                                 remaining: [.antiPersonnel: late ? [2e6, 3e6] : [0, 0], .unexplodedOrdnance: [0, 0]]))
        }
        let design = CalibrationDesign.halton(count: points, dimension: 2)
        let all = design.map(point)
        let fit = CalibrationFit(inputs: inputs, coordinates: design, distances: all.map(\.distance.value), figures: rows.count, level: 0.9)
        let start = CivilDate(year: 2026, month: 1, day: 1)
        let forecast = [ContaminationType.antiPersonnel, .unexplodedOrdnance].map {
            TypeForecast(type: $0, points: fit.accepted.map { all[$0].forecast }, best: all[fit.best].forecast, start: start)
        }
        let run = CalibrationRun.Output(parameters: inputs, observed: observed, relativeErrors: errors, points: all, asWritten: point([]),
                                        fit: fit, forecast: forecast, startDate: start, horizonYears: 10)
        return CalibrationResult.make(provenance: ResultFixtures.provenance(command: "calibrate", name: "Hand <case>"),
                                      scenario: "Hand <case>", observedFile: "observed.csv", replications: 500,
                                      observationError: 0.05, run: run)
    }

    @Test func readsBackEqualAndSaysWhatIsNotIdentified() throws {
        let result = Self.result()
        guard case .calibration(let read) = try ResultFile.read(data: try ResultEncoding.encode(result), path: "c.json") else {
            Issue.record("not read as a calibration result")
            return
        }
        #expect(read == result)
        #expect(result.pairs.count == 1 && result.pairs[0].verdict == "trade_off", "\(result.pairs)")
        #expect(result.fit.asWrittenAccepted)
        #expect(result.observations[0].source == "hand" && result.observations[1].source == nil)
        let table = CalibrationTable.render(result)
        #expect(table.contains("only a combination is identified") && table.contains("NTS share × funding"), "\(table)")
        #expect(table.contains("beyond"), "AP is unfinished at some accepted points")
        #expect(table.contains("1 row of the observed file"), "\(table)")
    }

    @Test("Calibration results validate against the schema",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]), "needs python3 with jsonschema"))
    func schemaValidates() throws {
        let scratch = try ScratchDirectory("calibration-schema")
        let path = try scratch.write(try ResultEncoding.encode(Self.result()), to: "calibration.json")
        let run = try TestEnvironment.runPython([TestEnvironment.packageURL("schemas/validate.py").path, path])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Inconsistent results are refused with the field at fault.
    @Test func inconsistentResultsAreRefused() throws {
        var flipped = Self.result()
        flipped.points[0].accepted.toggle()
        var swapped = Self.result()
        swapped.parameters[0].estimate.acceptedLow = 0.9
        var badPair = Self.result()
        badPair.pairs[0].second = 5
        var short = Self.result()
        short.points[1].simulated.removeLast()
        for (result, field) in [(flipped, "points[0].accepted"), (swapped, "parameters[0].estimate"), (badPair, "pairs[0]"),
                                (short, "points[1].simulated")] {
            do {
                _ = try ResultFile.read(data: try ResultEncoding.encode(result), path: "c.json")
                Issue.record("accepted an inconsistent result (\(field))")
            } catch let error as ResultFile.ReadError {
                #expect(error.description.contains(field), "\(error)")
            }
        }
    }

    /// The notebook has the calibration section, the scatter with accepted points, and the provenance.
    @Test func notebookShowsTheDesign() throws {
        let data = NotebookExporter.notebook(for: Self.result(), resultPath: "calibration.json")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Calibration of Hand &lt;case&gt;") || text.contains("Calibration of Hand \\\\<case\\\\>")
                    || text.contains("Calibration of Hand"), "heading")
        #expect(text.contains("What the data cannot split") && text.contains("CALIBRATION_PATH = \\\"calibration.json\\\""))
        let svgs = try NotebookJSON.svgs(data)
        #expect(svgs.count == 1 && svgs[0].contains("class=\"point accepted\"") && svgs[0].contains("class=\"best\""))
    }
}
