import ClearanceModel
import Foundation
import Testing
@testable import Reporting

@Suite struct BacktestTests {
    /// A simulation starting 2021-01-01 whose year k (1-based) releases k·1000 ha in mean
    /// (cancelled k·100, reduced k·200, cleared k·700 ha), P10 90% and P90 110% of that.
    func result() -> SimulationResult {
        var result = ResultFixtures.simulation(years: 4)
        result.startDate = "2021-01-01"
        result.yearly = (1...4).map { k in
            let q = { (ha: Double) in Quantiles(mean: ha * 10_000, p10: 0.9 * ha * 10_000, p50: ha * 10_000, p90: 1.1 * ha * 10_000) }
            return .init(year: k, cancelled: q(Double(k) * 100), reduced: q(Double(k) * 200), cleared: q(Double(k) * 700),
                         remaining: q(0), remainingByType: [:])
        }
        return result
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
