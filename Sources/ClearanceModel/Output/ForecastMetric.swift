import ClearcastDomain
import EventSimulation

// MARK: - ForecastMetric

/// A per-replication outcome of a forecast that scenarios are compared on.
///
/// Completion times of replications unfinished at the horizon count as the horizon (a lower bound),
/// so a difference involving them is conservative.
public enum ForecastMetric: Hashable, Sendable {
    /// Years until every hazard area is released (`nil`), or every area of one contamination type.
    case completion(ContaminationType?)
    /// Hectares released (cancelled, reduced or cleared) from the start date to 31 December of a
    /// calendar year of the horizon.
    case releasedByEndOf(year: Int)
    /// Expected civilian casualties over the horizon.
    case civilianCasualties
    /// Deminer casualties over the horizon.
    case deminerCasualties
    /// Team-years fielded (fielded team-days over the mean working days per year).
    case teamYears
    /// Money spent over the horizon, in millions of the scenario's currency (models with costs).
    case cost

    /// The name results use, e.g. `completion_AP`, `released_by_end_of_2028`.
    public var name: String {
        switch self {
        case .completion(nil): "completion_all"
        case .completion(let type?): "completion_\(type.rawValue)"
        case .releasedByEndOf(let year): "released_by_end_of_\(year)"
        case .civilianCasualties: "civilian_casualties"
        case .deminerCasualties: "deminer_casualties"
        case .teamYears: "team_years"
        case .cost: "cost"
        }
    }

    /// Units of the metric's values.
    public var units: String {
        switch self {
        case .completion: "years"
        case .releasedByEndOf: "ha"
        case .civilianCasualties, .deminerCasualties: "people"
        case .teamYears: "team-years"
        case .cost: "millions"
        }
    }
}

// MARK: - Per-replication values

extension ClearanceForecast {
    /// Every compared metric with its value per replication, in replication order; empty when the
    /// forecast kept no replication summaries.
    ///
    /// - Parameter releaseYears: the calendar years of the ``ForecastMetric/releasedByEndOf(year:)``
    ///   metrics; nil for ``defaultReleaseYears``. Years this forecast does not cover to 31 December
    ///   are left out.
    /// - Complexity: O(replications · metrics) plus one pass over the horizon's days.
    public func metricValues(model: ClearanceModel, releaseYears: [Int]? = nil) -> [(metric: ForecastMetric, values: [Double])] {
        let summaries = replicationSummaries ?? []
        let horizonYears = Double(model.horizonDays) / 365.2425
        let years = { (day: Int?) in day.map { Double($0) / 365.2425 } ?? horizonYears }
        var result: [(ForecastMetric, [Double])] = [(.completion(nil), summaries.map { years($0.completionDay) })]
        for type in Set(model.tasks.map(\.contamination)).sorted(by: { $0.rawValue < $1.rawValue }) {
            result.append((.completion(type), summaries.map { years($0.completionDayByClass[type]) }))
        }
        for year in releaseYears ?? defaultReleaseYears {
            // Only years that end on 31 December within the horizon: a partial last year would
            // silently measure a shorter span.
            guard let k = yearly.firstIndex(where: { $0.year == year }), k < yearly.count - 1 || !yearly[k].partial,
                  summaries.allSatisfy({ k < $0.remainingByYear.count }) else { continue }
            result.append((.releasedByEndOf(year: year), summaries.map { (initialArea - $0.remainingByYear[k]) / 10_000 }))
        }
        result.append((.civilianCasualties, summaries.map(\.expectedCivilianCasualties)))
        result.append((.deminerCasualties, summaries.map(\.deminerCasualties)))
        result.append((.teamYears, teamYears(model: model)))
        if model.costs != nil { result.append((.cost, summaries.map { ($0.cost ?? 0) / 1e6 })) }
        return result
    }

    /// The calendar years compared by default: the 1st, 3rd and 5th full calendar years of the
    /// horizon (those it has), i.e. about one, three and five years of work; a start in
    /// November leaves its first, partial year out.
    public var defaultReleaseYears: [Int] {
        let full = yearly.filter { !$0.partial }.map(\.year)
        return [0, 2, 4].filter { $0 < full.count }.map { full[$0] }
    }

    /// Team-years fielded per replication: fielded team-days over ``ClearanceModel/workingDaysPerYear``.
    public func teamYears(model: ClearanceModel) -> [Double] {
        let workingDays = model.workingDaysPerYear
        return (replicationSummaries ?? []).map { $0.availableDaysByKind.values.reduce(0, +) / workingDays }
    }

    /// Money spent per replication (``ReplicationSummary/cost``; 0 when the model has no costs).
    public func costTotals() -> [Double] {
        (replicationSummaries ?? []).map { $0.cost ?? 0 }
    }
}

extension ClearanceModel {
    /// Mean office working days per year over the horizon: a team-year is that many fielded team-days.
    ///
    /// - Complexity: O(horizon days).
    public var workingDaysPerYear: Double {
        let days = max(1, horizonDays)
        var office = 0
        for day in 0..<days where calendar.isOfficeDay(startDate.adding(days: day)) { office += 1 }
        return max(1, Double(office) / (Double(days) / 365.2425))
    }
}
