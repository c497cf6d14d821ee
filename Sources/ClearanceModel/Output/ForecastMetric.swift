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
    /// Hectares released by the end of simulation year `n` (1-based, from the start date).
    case releasedByYear(Int)
    /// Expected civilian casualties over the horizon.
    case civilianCasualties
    /// Deminer casualties over the horizon.
    case deminerCasualties
    /// Team-years fielded (fielded team-days over the mean working days per year).
    case teamYears

    /// The name results use, e.g. `completion_AP`, `released_by_year_3`.
    public var name: String {
        switch self {
        case .completion(nil): "completion_all"
        case .completion(let type?): "completion_\(type.rawValue)"
        case .releasedByYear(let year): "released_by_year_\(year)"
        case .civilianCasualties: "civilian_casualties"
        case .deminerCasualties: "deminer_casualties"
        case .teamYears: "team_years"
        }
    }

    /// Units of the metric's values.
    public var units: String {
        switch self {
        case .completion: "years"
        case .releasedByYear: "ha"
        case .civilianCasualties, .deminerCasualties: "people"
        case .teamYears: "team-years"
        }
    }
}

// MARK: - Per-replication values

extension ClearanceForecast {
    /// Every compared metric with its value per replication, in replication order; empty when the
    /// forecast kept no replication summaries.
    ///
    /// - Complexity: O(replications · metrics) plus one pass over the horizon's days.
    public func metricValues(model: ClearanceModel) -> [(metric: ForecastMetric, values: [Double])] {
        let summaries = replicationSummaries ?? []
        let horizonYears = Double(model.horizonDays) / 365.2425
        let years = { (day: Int?) in day.map { Double($0) / 365.2425 } ?? horizonYears }
        let initial = model.tasks.reduce(0) { $0 + $1.area }
        var result: [(ForecastMetric, [Double])] = [(.completion(nil), summaries.map { years($0.completionDay) })]
        for type in Set(model.tasks.map(\.contamination)).sorted(by: { $0.rawValue < $1.rawValue }) {
            result.append((.completion(type), summaries.map { years($0.completionDayByClass[type]) }))
        }
        for year in [1, 3, 5] {
            result.append((.releasedByYear(year), summaries.map { summary in
                let remaining = year <= summary.remainingByYear.count ? summary.remainingByYear[year - 1]
                    : (summary.remainingByYear.last ?? initial)
                return (initial - remaining) / 10_000
            }))
        }
        result.append((.civilianCasualties, summaries.map(\.expectedCivilianCasualties)))
        result.append((.deminerCasualties, summaries.map(\.deminerCasualties)))
        result.append((.teamYears, teamYears(model: model)))
        return result
    }

    /// Team-years fielded per replication: fielded team-days over ``ClearanceModel/workingDaysPerYear``.
    public func teamYears(model: ClearanceModel) -> [Double] {
        let workingDays = model.workingDaysPerYear
        return (replicationSummaries ?? []).map { $0.availableDaysByKind.values.reduce(0, +) / workingDays }
    }

    /// Cost per replication: every kind's fielded team-days times its cost per team-day (a kind
    /// missing from `perTeamDay` costs nothing).
    public func costTotals(perTeamDay: [TeamKind: Double]) -> [Double] {
        (replicationSummaries ?? []).map { summary in
            summary.availableDaysByKind.reduce(0.0) { sum, entry in
                sum + entry.value * (perTeamDay[entry.key] ?? 0)
            }
        }
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
