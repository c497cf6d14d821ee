import ClearcastDomain

// MARK: - CostForecast

/// What the work costs, in the scenario's currency (``TeamCosts``).
public struct CostForecast: Sendable, Equatable, Codable {
    /// Money spent over the horizon.
    public var total: QuantileSummary
    /// Money spent until everything was released, over the replications that finished
    /// (``completedShare`` of them); nil when none did.
    public var toCompletion: QuantileSummary?
    public var completedShare: Double
    /// Mean direct cost of a method (rate × the working days of its steps) over the mean area it
    /// released: NTS per m² cancelled, TS per m² reduced, clearance per m² cleared by mine
    /// clearance, BAC per m² cleared by battle-area clearance. Absent when the method released nothing.
    public var perSquareMetreByStep: [LandReleaseStep: Double]
    /// Share of the mean total that is not direct step work: travel, mobilisation, idle
    /// (standby) days, stand-downs after accidents and retraining.
    public var overheadShare: Double

    /// - Complexity: O(R · Y) for R replications and Y years.
    init?(_ summaries: [ReplicationSummary]) {
        guard let first = summaries.first, first.cost != nil else { return nil }
        let r = Double(summaries.count)
        let totals = summaries.map { $0.cost ?? 0 }
        total = QuantileSummary(totals)
        let done = summaries.compactMap(\.costToCompletion)
        toCompletion = done.isEmpty ? nil : QuantileSummary(done)
        completedShare = Double(done.count) / r
        func mean(_ f: (ReplicationSummary) -> Double) -> Double { summaries.reduce(0.0) { $0 + f($1) } / r }
        let released: [LandReleaseStep: Double] = [
            .nonTechnicalSurvey: mean { $0.cancelledByYear.reduce(0, +) },
            .technicalSurvey: mean { $0.reducedByYear.reduce(0, +) },
            .clearance: mean { $0.clearedByYear.reduce(0, +) - $0.battleAreaClearedByYear.reduce(0, +) },
            .battleAreaClearance: mean { $0.battleAreaClearedByYear.reduce(0, +) },
        ]
        var perArea: [LandReleaseStep: Double] = [:], direct = 0.0
        for step in LandReleaseStep.allCases {
            let money = mean { $0.directCostByStep[step] ?? 0 }
            direct += money
            if let area = released[step], area > 1e-6 { perArea[step] = money / area }
        }
        perSquareMetreByStep = perArea
        let meanTotal = totals.reduce(0, +) / r
        overheadShare = meanTotal > 0 ? min(max(1 - direct / meanTotal, 0), 1) : 0
    }
}
