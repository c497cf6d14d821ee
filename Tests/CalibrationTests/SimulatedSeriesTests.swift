import ClearcastDomain
import Testing
@testable import Calibration
@testable import ClearanceModel

/// The simulated figure of an observed row, by hand: calendar years exactly, other periods by
/// overlap, released area by type as the fall of the type's remaining area.
@Suite("Simulated series")
struct SimulatedSeriesTests {
    // Starts 10 Nov 2020, 3 years: calendar years 2020 (partial), 2021, 2022, 2023 (to 9 Nov).
    static let model = ClearanceModel(
        startDate: CivilDate(year: 2020, month: 11, day: 10), horizonYears: 3,
        tasks: [HazardArea(id: "a", area: 1_000, contamination: .antiPersonnel, status: .suspected),
                HazardArea(id: "b", area: 3_000, contamination: .unexplodedOrdnance, status: .suspected)],
        teams: [])

    static let summary = ReplicationSummary(
        replication: 0, completionDay: nil, completionDayByClass: [:], completionDayByRegion: [:],
        cancelledByYear: [10, 20, 30, 40], reducedByYear: [1, 2, 3, 4], clearedByYear: [100, 200, 300, 400],
        battleAreaClearedByYear: [0, 0, 0, 0], remainingByYear: [3_900, 3_100, 2_500, 1_500],
        remainingByYearByClass: [.antiPersonnel: [900, 600, 500, 500], .unexplodedOrdnance: [3_000, 2_500, 2_000, 1_000]],
        expectedCivilianCasualties: 30, sampledCivilianCasualties: nil, accidents: 2, deminerCasualties: 3,
        expectedCivilianCasualtiesByYear: [2, 12, 10, 6], deminerCasualtiesByYear: [0, 1, 2, 0],
        workedDaysByKind: [:], availableDaysByKind: [:], idleDaysByKind: [:], weatherLostDaysByKind: [:],
        costByYear: [], directCostByStep: [:], teamsStoodDown: 0, teamsRetrained: 0, events: 0, unfinishedTasks: 0,
        remainingAreaAtHorizon: 1_500)

    static func row(_ from: (Int, Int, Int), _ to: (Int, Int, Int), _ metric: ObservedSeries.Metric,
                    _ type: ContaminationType? = nil) -> ObservedSeries.Row {
        ObservedSeries.Row(line: 2, periodStart: CivilDate(year: from.0, month: from.1, day: from.2),
                           periodEnd: CivilDate(year: to.0, month: to.1, day: to.2), metric: metric, type: type, value: 1,
                           relativeError: nil, source: "")
    }

    @Test func figuresByHand() throws {
        let rows = [
            Self.row((2021, 1, 1), (2021, 12, 31), .releasedArea),                        // 20 + 2 + 200
            Self.row((2021, 1, 1), (2021, 12, 31), .releasedArea, .antiPersonnel),        // 900 − 600
            Self.row((2020, 11, 10), (2020, 12, 31), .releasedArea, .antiPersonnel),      // 1,000 − 900 (the start stock)
            Self.row((2022, 1, 1), (2022, 12, 31), .clearedArea),                         // 300
            Self.row((2021, 7, 2), (2022, 7, 1), .cancelledArea),                         // 20 × 183/365 + 30 × 182/365
            Self.row((2020, 11, 10), (2021, 12, 31), .civilianCasualties),                // 2 + 12
            Self.row((2022, 1, 1), (2022, 12, 31), .deminerCasualties),                   // 2
            Self.row((2022, 7, 2), (2023, 11, 9), .civilianCasualties),                   // 10 × 183/365 + 6 (2023 to 9 Nov)
        ]
        let series = try SimulatedSeries(observed: ObservedSeries(path: "o.csv", rows: rows, ignoredRows: 0), model: Self.model)
        let values = series.values(Self.summary)
        let expected = [222, 300, 100, 300, 20.0 * 183 / 365 + 30.0 * 182 / 365, 14, 2, 10.0 * 183 / 365 + 6]
        for (v, e) in zip(values, expected) { #expect(abs(v - e) < 1e-9, "\(values)") }
    }

    @Test func periodsOutsideTheSimulationAreRefused() {
        for row in [Self.row((2020, 11, 1), (2020, 12, 31), .releasedArea), Self.row((2023, 1, 1), (2023, 12, 31), .releasedArea),
                    Self.row((2021, 1, 1), (2021, 12, 31), .releasedArea, .clusterMunition)] {
            #expect(throws: CalibrationError.self) {
                try SimulatedSeries(observed: ObservedSeries(path: "o.csv", rows: [row], ignoredRows: 0), model: Self.model)
            }
        }
    }
}
