import ClearcastDomain
import Foundation
import Scenarios
import Testing
@testable import Calibration

/// The observed file: the backtest's CSV format, units, types, and errors that name line and field.
@Suite("Observed series")
struct ObservedSeriesTests {
    @Test func readsRowsUnitsAndTypes() throws {
        let series = try ObservedSeries.parse("""
            period_start,period_end,metric,value,unit,type,relative_error,source
            2022-01-01,2022-12-31,released_area,41915,ha,,,"Trend, 2023"

            2023-01-01,2023-12-31,cancelled_area,1.5,km2,,0.2,
            2023-01-01,2023-12-31,released_area,900,ha,uxo,,
            2020-11-10,2021-12-14,casualties,197,people,,,
            2020-11-10,2021-12-14,civilian_casualties,81,people,,,
            2022-01-01,2022-12-31,deminer_casualties,4,,,,
            """, path: "o.csv")
        #expect(series.rows.count == 5 && series.ignoredRows == 1)
        #expect(series.rows[3].metric == .civilianCasualties && series.rows[3].value == 81 && series.rows[3].metric.unit == "people")
        #expect(series.rows[4].metric == .deminerCasualties && series.rows[4].value == 4)
        #expect(series.rows[0].value == 41_915 * 10_000 && series.rows[0].source == "Trend, 2023" && series.rows[0].line == 2)
        #expect(series.rows[1].metric == .cancelledArea && series.rows[1].value == 1_500_000 && series.rows[1].relativeError == 0.2)
        #expect(series.rows[1].line == 4)   // the blank line is counted
        #expect(series.rows[2].type == .unexplodedOrdnance)
    }

    /// The bundled Karabakh series reads: four released-area figures, the rest (casualties, a plan) left out.
    @Test func readsTheKarabakhBacktestSeries() throws {
        let series = try ObservedSeries.read(path: TestEnvironmentPaths.karabakhObserved)
        #expect(series.rows.count == 4 && series.rows.allSatisfy { $0.metric == .releasedArea })
        #expect(series.ignoredRows > 5)
    }

    @Test(arguments: [
        ("", "1", "empty file"),
        ("period_start,metric,value\n", "1", "missing column period_end"),
        ("period_start,period_end,metric,value\n2022-13-01,2022-12-31,released_area,5\n", "2: period_start", "expected a date"),
        ("period_start,period_end,metric,value\n2022-02-01,2022-01-31,released_area,5\n", "2: period_end", "before period_start"),
        ("period_start,period_end,metric,value\n2022-01-01,2022-12-31,released_area,-5\n", "2: value", "a number ≥ 0"),
        ("period_start,period_end,metric,value\n2022-01-01,2022-12-31,released_area,nan\n", "2: value", "a number ≥ 0"),
        ("period_start,period_end,metric,value,unit\n2022-01-01,2022-12-31,released_area,5,acres\n", "2: unit", "expected ha, km2 or m2"),
        ("period_start,period_end,metric,value,unit\n2022-01-01,2022-12-31,civilian_casualties,5,ha\n", "2: unit", "expected people"),
        ("period_start,period_end,metric,value,unit\n2022-01-01,2022-12-31,released_area,5,people\n", "2: unit", "expected ha, km2 or m2"),
        ("period_start,period_end,metric,value,type\n2022-01-01,2022-12-31,civilian_casualties,5,AP\n", "2: type", "released_area only"),
        ("period_start,period_end,metric,value,type\n2022-01-01,2022-12-31,released_area,5,XX\n", "2: type", "expected one of AP"),
        ("period_start,period_end,metric,value,type\n2022-01-01,2022-12-31,cleared_area,5,AP\n", "2: type", "released_area only"),
        ("period_start,period_end,metric,value\n2022-01-01,2022-12-31,released_area,5\n2022-01-01,2022-12-31,released_area,6\n",
         "3: metric", "as line 2"),
        ("period_start,period_end,metric,value\n2022-01-01,2022-12-31,casualties,5\n", "1: metric", "no row to fit"),
        ("period_start,period_end,metric,value,relative_error\n2022-01-01,2022-12-31,released_area,5,0\n", "2: relative_error", "> 0"),
    ])
    func errorsNameLineAndField(text: String, place: String, message: String) {
        do {
            _ = try ObservedSeries.parse(text, path: "obs.csv")
            Issue.record("accepted: \(text)")
        } catch {
            let description = String(describing: error)
            #expect(description.hasPrefix("obs.csv:\(place)"), "\(description)")
            #expect(description.contains(message), "\(description)")
        }
    }

    @Test func missingFileIsNamed() {
        #expect(throws: ObservedSeries.ParseError.self) { try ObservedSeries.read(path: "/nonexistent/observed.csv") }
    }

    /// `--param` syntax: ranges, scales, rounded scales, several paths; bad ones are explained.
    @Test func parsesParameters() throws {
        let range = try CalibrationParameter.parse("simulation.land_release.nts_cancel_share=0.2..0.6")
        #expect(range.variation == .range(low: 0.2, high: 0.6, whole: false))
        let count = try CalibrationParameter.parse("simulation.teams[name=manual].count=2..8")
        #expect(count.variation == .range(low: 2, high: 8, whole: true) && count.paths == ["simulation.teams[name=manual].count"])
        let scale = try CalibrationParameter.parse("simulation.teams[kind=manual].count,simulation.teams[kind=manual].capacity_plan=*~0.5..1.5")
        #expect(scale.variation == .scale(low: 0.5, high: 1.5, whole: true) && scale.paths.count == 2)
        for bad in ["nopath", "x=1", "x=2..1", "x=*0..2", "x=a..b", "teams[=1..2"] {
            #expect(throws: CalibrationError.self) { try CalibrationParameter.parse(bad) }
        }
    }
}

import _TestSupport

enum TestEnvironmentPaths {
    static let demo = TestEnvironment.packageURL("scenarios/demo/demo.yaml").path
    static let karabakhObserved = TestEnvironment.packageURL("scenarios/karabakh/backtest-observed.csv").path
}
