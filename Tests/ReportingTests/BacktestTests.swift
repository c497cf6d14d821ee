import ClearanceModel
import Foundation
import Testing
@testable import Reporting

@Suite struct BacktestTests {
    /// A simulation starting 2021-01-01 whose year 2020 + k releases k·1000 ha in mean
    /// (cancelled k·100, reduced k·200, cleared k·700 ha), P10 90% and P90 110% of that.
    func result() -> SimulationResult {
        var result = ResultFixtures.simulation(years: 4)
        result.startDate = "2021-01-01"
        result.yearly = (1...4).map { (k: Int) -> SimulationResult.YearSummary in
            let year = 2020 + k, size = Double(k)
            return .init(year: year, firstDate: "\(year)-01-01", lastDate: "\(year)-12-31", days: year == 2024 ? 366 : 365,
                         partial: false, cancelled: hectares(size * 100), reduced: hectares(size * 200),
                         cleared: hectares(size * 700), remaining: hectares(0), remainingByType: [:])
        }
        return result
    }

    func hectares(_ ha: Double) -> Quantiles {
        Quantiles(mean: ha * 10_000, p10: 0.9 * ha * 10_000, p50: ha * 10_000, p90: 1.1 * ha * 10_000)
    }

    /// The Karabakh case: a start on 10 November 2020, so 2020 is a partial year of 52 days.
    /// Whole reported calendar years line up with one simulated year each; the first report
    /// (10 Nov 2020 to 15 Oct 2021) takes all of 2020 and 288 of the 365 days of 2021.
    @Test func calendarYearsLineUpWithReportedYears() throws {
        var result = ResultFixtures.simulation(years: 3)
        result.startDate = "2020-11-10"
        result.yearly = [
            .init(year: 2020, firstDate: "2020-11-10", lastDate: "2020-12-31", days: 52, partial: true, cancelled: hectares(50),
                  reduced: hectares(0), cleared: hectares(0), remaining: hectares(0), remainingByType: [:]),
            .init(year: 2021, firstDate: "2021-01-01", lastDate: "2021-12-31", days: 365, partial: false, cancelled: hectares(365),
                  reduced: hectares(0), cleared: hectares(0), remaining: hectares(0), remainingByType: [:]),
            .init(year: 2022, firstDate: "2022-01-01", lastDate: "2022-11-09", days: 313, partial: true, cancelled: hectares(300),
                  reduced: hectares(13), cleared: hectares(0), remaining: hectares(0), remainingByType: [:]),
        ]
        let csv = """
            period_start,period_end,metric,value,unit
            2020-11-10,2021-10-15,released_area,300,ha
            2021-01-01,2021-12-31,released_area,400,ha
            2022-01-01,2022-12-31,released_area,400,ha
            2020-11-10,2020-12-31,released_area,40,ha
            """
        let rows = try Backtest.compare(result, observedCSV: csv, path: "observed.csv").rows
        // 2022 runs past the horizon's end (9 Nov 2022): not covered, left out.
        #expect(rows.map(\.periodStart) == ["2020-11-10", "2021-01-01", "2020-11-10"])
        #expect(abs(rows[0].simulatedMean - (50 + 365.0 * 288 / 365)) < 1e-9 && !rows[0].matchesSimulatedYear)
        #expect(rows[1].simulatedMean == 365 && rows[1].simulatedP10 == 0.9 * 365 && rows[1].matchesSimulatedYear)
        #expect(rows[2].simulatedMean == 50 && rows[2].matchesSimulatedYear)
    }

    @Test func periodsAreOverlapWeightedSumsOfSimulationYears() throws {
        let csv = """
            period_start,period_end,metric,value,unit,source
            2022-01-01,2022-12-31,released_area,2500,ha,"year 2, quoted, with commas"
            2021-07-02,2022-07-01,released_area,1000,ha,half of year 1 and half of year 2
            2021-01-01,2021-12-31,casualties,40,people,not an area: ignored
            2030-01-01,2030-12-31,released_area,9,ha,outside the simulation: ignored
            """
        let backtest = try Backtest.compare(result(), observedCSV: csv, path: "observed.csv")
        #expect(backtest.rows.count == 2)
        let year2 = backtest.rows[0]
        #expect(year2.matchesSimulatedYear && !backtest.rows[1].matchesSimulatedYear)
        #expect(abs(year2.simulatedMean - 2000) < 1e-9)
        #expect(abs(year2.simulatedP10 - 1800) < 1e-9 && abs(year2.simulatedP90 - 2200) < 1e-9)
        #expect(abs(year2.relativeError - (2000.0 / 2500 - 1)) < 1e-12)
        #expect(year2.source == "year 2, quoted, with commas")
        // 2021-07-02..2022-07-01 covers 183 of 365 days of year 1 and 182 of 365 days of year 2.
        let straddling = backtest.rows[1]
        #expect(abs(straddling.simulatedMean - (1000.0 * 183 / 365 + 2000.0 * 182 / 365)) < 1e-6)
    }

    @Test func badRowsAreReportedWithTheirLine() {
        let csv = "period_start,period_end,metric,value\n2022-01-01,2021-12-31,released_area,10\n"
        #expect(throws: Backtest.ParseError.self) { try Backtest.compare(result(), observedCSV: csv, path: "o.csv") }
        #expect(throws: Backtest.ParseError.self) { try Backtest.compare(result(), observedCSV: "a,b\n1,2\n", path: "o.csv") }
    }

    @Test func csvQuotingFollowsRFC4180() {
        let rows = CSVText.rows("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,2,3\n")
        #expect(rows == [["a", "b,c", "say \"hi\""], ["1", "2", "3"]])
    }
}
