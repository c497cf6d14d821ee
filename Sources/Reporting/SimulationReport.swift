import ClearanceModel
import ClearcastDomain
import Scenarios

/// Builds the `simulate` result from a clearance forecast.
public enum SimulationReport {
    public static func make(provenance: Provenance, scenario: Scenario, model: ClearanceModel,
                            forecast: ClearanceForecast, policy: String) -> SimulationResult {
        let start = model.startDate
        let date = { (day: Int?) in day.map { start.adding(days: $0).description } }
        let dates = { (c: CompletionForecast) in
            DateQuantiles(p10Days: c.p10Day.map(Double.init), p50Days: c.p50Day.map(Double.init),
                          p90Days: c.p90Day.map(Double.init), meanDays: c.meanDay, p10Date: c.p10Date,
                          p50Date: c.p50Date, p90Date: c.p90Date,
                          finishedShare: Double(c.completedReplications) / Double(max(c.replications, 1)))
        }
        let cost = zip2(scenario.simulation?.costs, forecast.cost).map { costs, money in
            SimulationResult.Cost(currency: costs.currency, total: quantiles(money.total), toCompletion: money.toCompletion.map(quantiles),
                                  completedShare: money.completedShare,
                                  perSquareMetre: Dictionary(uniqueKeysWithValues: money.perSquareMetreByStep.map { (methodName($0.key), $0.value) }),
                                  overheadShare: money.overheadShare)
        }
        let release = { (task: TaskReleaseForecast) in
            DateQuantiles(p10Days: task.p10Day.map(Double.init), p50Days: task.p50Day.map(Double.init),
                          p90Days: task.p90Day.map(Double.init), meanDays: nil, p10Date: date(task.p10Day),
                          p50Date: date(task.p50Day), p90Date: date(task.p90Day), finishedShare: task.releasedShare)
        }
        var result = SimulationResult(
            provenance: provenance, scenario: scenario.name, startDate: start.description,
            horizonYears: Double(model.horizonYears), replications: forecast.replications, policy: policy,
            completion: .init(overall: dates(forecast.completion), byType: keyedByCode(forecast.completionByClass.mapValues(dates)),
                              byRegion: forecast.completionByRegion.mapValues(dates)),
            initialArea: .init(total: forecast.initialArea, byType: keyedByCode(forecast.initialAreaByClass)),
            yearly: forecast.yearly.map { year in
                .init(year: year.year, firstDate: year.firstDate, lastDate: year.lastDate, days: year.days, partial: year.partial,
                      cancelled: quantiles(year.cancelled), reduced: quantiles(year.reduced),
                      cleared: quantiles(year.cleared), battleAreaCleared: quantiles(year.battleAreaCleared),
                      cost: year.cost.map(quantiles), remaining: quantiles(year.remaining),
                      remainingByType: keyedByCode(year.remainingByClass.mapValues(quantiles)),
                      releasedByType: keyedByCode(year.releasedByClass.mapValues(quantiles)),
                      civilianCasualties: year.civilianCasualties.map(quantiles), deminerCasualties: year.deminerCasualties.map(quantiles),
                      discovered: year.discovered.map(quantiles))
            },
            casualties: .init(civilianExpected: quantiles(forecast.civilian.expectedCasualties),
                              civilianWithoutClearance: forecast.civilian.baselineCasualties,
                              civilianAverted: quantiles(forecast.civilian.avertedCasualties),
                              deminers: quantiles(forecast.deminers.casualties),
                              accidents: quantiles(forecast.deminers.accidents)),
            utilisation: keyedByCode(forecast.utilisation.mapValues(\.utilisation)),
            teamYears: quantiles(forecast.teamYears(model: model)),
            cost: cost, teamsStoodDown: forecast.meanTeamsStoodDown, teamsRetrained: forecast.meanTeamsRetrained,
            eventsSimulated: forecast.eventsSimulated,
            unfinishedReplications: forecast.unfinishedReplications, warnings: forecast.warnings,
            tasks: forecast.taskReleases.map { task in .init(id: task.id, release: release(task)) })
        result.discoveries = forecast.discoveries?.map { d in
            .init(id: d.id, region: d.region, type: d.contamination.rawValue, status: d.status.rawValue, year: d.year,
                  foundDate: start.adding(days: d.day).description, meanArea: d.meanArea, release: release(d.release))
        }
        return result
    }

    static func quantiles(_ q: QuantileSummary) -> Quantiles { q }

    /// Type-7 quantiles and the mean of finite values (zeros for none), as the model computes them.
    static func quantiles(_ values: [Double]) -> Quantiles { QuantileSummary(values) }

    /// The result file is keyed by the codes planners read (`AP`, `manual`); the model by types.
    static func keyedByCode<Key: RawRepresentable<String>, Value>(_ typed: [Key: Value]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: typed.map { ($0.key.rawValue, $0.value) })
    }

    /// The JSON name of what a step releases.
    static func methodName(_ step: LandReleaseStep) -> String {
        switch step {
        case .nonTechnicalSurvey: "cancelled"
        case .technicalSurvey: "reduced"
        case .clearance: "cleared"
        case .battleAreaClearance: "battleAreaCleared"
        }
    }

    private static func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
