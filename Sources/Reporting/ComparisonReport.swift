import ClearanceModel
import EventSimulation
import Scenarios

/// Builds the `compare` result: each scenario's forecast, and each other scenario's paired
/// difference from the base (replication i of both drew the same random streams).
public enum ComparisonReport {
    /// One scenario's run, as `compare` made it.
    public struct Run {
        public var scenario: Scenario
        public var model: ClearanceModel
        public var forecast: ClearanceForecast
        public var result: SimulationResult
        public init(scenario: Scenario, model: ClearanceModel, forecast: ClearanceForecast, result: SimulationResult) {
            self.scenario = scenario
            self.model = model
            self.forecast = forecast
            self.result = result
        }
    }

    public static func make(provenance: Provenance, runs: [Run]) -> CompareResult {
        guard let base = runs.first else {
            return CompareResult(provenance: provenance, base: "", scenarios: [], differences: [])
        }
        let baseMetrics = metrics(base)
        var differences: [CompareResult.Difference] = []
        for other in runs.dropFirst() {
            let otherMetrics = metrics(other)
            for (name, units, baseValues) in baseMetrics {
                guard let otherValues = otherMetrics.first(where: { $0.name == name })?.values,
                      otherValues.count == baseValues.count, !baseValues.isEmpty else { continue }
                let paired = zip(otherValues, baseValues).map { $0 - $1 }
                guard let sorted = try? Statistics.sortedFinite(paired), !sorted.isEmpty else { continue }
                differences.append(.init(
                    scenario: other.scenario.name, metric: name, units: units,
                    mean: (try? Statistics.mean(sorted)) ?? 0,
                    p5: (try? Statistics.quantile(sorted: sorted, p: 0.05)) ?? 0,
                    p95: (try? Statistics.quantile(sorted: sorted, p: 0.95)) ?? 0))
            }
        }
        return CompareResult(provenance: provenance, base: base.scenario.name, scenarios: runs.map(\.result),
                             differences: differences)
    }

    /// Per-replication values of each compared metric, in replication order.
    ///
    /// Completion times of replications unfinished at the horizon count as the horizon (a lower
    /// bound), so a difference involving them is conservative; the notebook says so.
    static func metrics(_ run: Run) -> [(name: String, units: String, values: [Double])] {
        let summaries = run.forecast.replicationSummaries ?? []
        let horizonYears = Double(run.model.horizonDays) / 365.2425
        let years = { (day: Int?) in day.map { Double($0) / 365.2425 } ?? horizonYears }
        let initial = run.model.tasks.reduce(0) { $0 + $1.area }
        var result: [(String, String, [Double])] = [("completion_all", "years", summaries.map { years($0.completionDay) })]
        let classes = Set(run.model.tasks.map(\.contamination.rawValue)).sorted()
        for code in classes {
            result.append(("completion_\(code)", "years", summaries.map { years($0.completionDayByClass[code]) }))
        }
        for year in [1, 3, 5] {
            result.append(("released_by_year_\(year)", "ha", summaries.map { summary in
                let remaining = year <= summary.remainingByYear.count ? summary.remainingByYear[year - 1]
                    : (summary.remainingByYear.last ?? initial)
                return (initial - remaining) / 10_000
            }))
        }
        result.append(("civilian_casualties", "people", summaries.map(\.expectedCivilianCasualties)))
        result.append(("deminer_casualties", "people", summaries.map(\.deminerCasualties)))
        let workingDays = SimulationReport.workingDaysPerYear(run.model)
        result.append(("team_years", "team-years", summaries.map { $0.availableDaysByKind.values.reduce(0, +) / workingDays }))
        return result
    }
}
