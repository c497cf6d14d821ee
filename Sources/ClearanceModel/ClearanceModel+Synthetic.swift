import ClearcastDomain
import EventSimulation
import Foundation

// MARK: - Synthetic national-scale model

extension ClearanceModel {
    /// A reproducible, realistic-looking national programme for benchmarks and smoke tests.
    ///
    /// 12 regions on a 400 × 300 km grid (three highland regions stop Dec 1 – Mar 15), terrain
    /// and contamination mixes, lognormal areas (median 8,000 m²), 60 % suspected areas,
    /// steps split into 20,000 m² shares between teams, Sunday–Thursday work week with holidays, 5 % Bernoulli weather loss, accidents, civilian
    /// risk calibrated to 150 incidents a year, risk-priority policy, and teams split into groups
    /// of about 10 (survey, manual, mechanical, dogs, BAC: the latter survey and clear UXO areas
    /// only) whose funding rises in year 3 and falls in year 8.
    ///
    /// ```swift
    /// let model = ClearanceModel.syntheticNationalScale(tasks: 5_000, teams: 300, seed: 1)
    /// ```
    /// - Complexity: O(tasks + teams).
    public static func syntheticNationalScale(tasks taskCount: Int = 5_000, teams teamCount: Int = 300,
                                              seed: UInt64, horizonYears: Int = 15) -> ClearanceModel {
        var rng = RandomStream(masterSeed: seed, replication: 0, stream: "synthetic-model")
        let start = CivilDate(year: 2026, month: 1, day: 1)
        let regions = (0..<12).map { "R\($0 + 1)" }
        let highlands = Array(regions.suffix(3))
        let terrains = ["open", "vegetated", "mountain", "urban"]
        let classes: [(ContaminationType, Double)] = [(.antiPersonnel, 0.45), (.antiVehicle, 0.15), (.clusterMunition, 0.1), (.unexplodedOrdnance, 0.3)]
        var tasks: [HazardArea] = []
        tasks.reserveCapacity(taskCount)
        for i in 0..<max(taskCount, 0) {
            let region = Int(rng.nextDouble() * 12)
            // Regions tile a 4 × 3 grid of 100 km squares.
            let x = 300_000 + Double(region % 4) * 100_000 + rng.nextDouble() * 100_000
            let y = 4_000_000 + Double(region / 4) * 100_000 + rng.nextDouble() * 100_000
            var u = rng.nextDouble(), c = ContaminationType.antiPersonnel
            for (cls, share) in classes { if u < share { c = cls; break }; u -= share }
            let area = exp(log(8_000) + 1.0 * rng.nextStandardNormal())
            tasks.append(HazardArea(
                id: "HA-\(i + 1)", name: "Synthetic \(i + 1)", area: min(area, 2_000_000), contamination: c,
                density: [.low, .medium, .high][Int(rng.nextDouble() * 3)],
                status: rng.nextDouble() < 0.6 ? .suspected : .confirmed,
                terrain: region >= 9 ? "mountain" : terrains[Int(rng.nextDouble() * 4)],
                region: regions[region], x: x, y: y, priorityBenefit: rng.nextDouble() * rng.nextDouble(),
                rank: i + 1, civilianExposure: 0.5 + rng.nextDouble()))
        }
        let ranked = tasks.indices.sorted { tasks[$0].priorityBenefit > tasks[$1].priorityBenefit || (tasks[$0].priorityBenefit == tasks[$1].priorityBenefit && $0 < $1) }
        for (r, i) in ranked.enumerated() { tasks[i].rank = r + 1 }

        func ln(_ median: Double, _ p90: Double) -> Distribution {
            .lognormal(mu: log(median), sigma: (log(p90) - log(median)) / Distribution.z90)
        }
        let kinds: [(TeamKind, Double, [String: [String: Distribution]])] = [
            (.survey, 0.10, ["*": ["*": ln(40_000, 90_000)]]),
            (.manual, 0.45, ["*": ["*": ln(45, 90), "mountain": ln(30, 60)], "AV": ["*": ln(80, 160)]]),
            (.mechanical, 0.10, ["*": ["*": ln(600, 1_200), "mountain": ln(250, 500)]]),
            (.dogs, 0.10, ["*": ["*": ln(300, 600)]]),
            (.bac, 0.25, ["*": ["*": ln(1_500, 3_000)]]),
        ]
        var groups: [TeamGroup] = []
        for (kind, share, table) in kinds {
            var remaining = Int((Double(max(teamCount, 0)) * share).rounded())
            var g = 0
            while remaining > 0 {
                let n = min(10, remaining)
                remaining -= n
                let base = Int(rng.nextDouble() * 12)
                // EOD/BAC teams survey and clear battle areas themselves (UXO only).
                groups.append(TeamGroup(
                    id: "\(kind.rawValue)-\(g + 1)", kind: kind, count: n,
                    steps: kind == .bac ? [.technicalSurvey, .battleAreaClearance] : nil,
                    contaminationTypes: kind == .bac ? [.unexplodedOrdnance] : nil, productivity: table,
                    stepSpeedFactors: kind == .survey ? [:] : [.technicalSurvey: 3],
                    baseX: 350_000 + Double(base % 4) * 100_000, baseY: 4_050_000 + Double(base / 4) * 100_000,
                    travelSpeedKmPerDay: 250, mobilisationDays: 10,
                    capacityPlan: [CapacityChange(when: .yearOffset(3), count: n + n / 2),
                                   CapacityChange(when: .yearOffset(8), count: max(n - n / 3, 1))]))
                g += 1
            }
        }
        let holidays = (0..<(horizonYears + 1)).flatMap { y in
            [CivilDate(year: 2026 + y, month: 3, day: 21), CivilDate(year: 2026 + y, month: 5, day: 1),
             CivilDate(year: 2026 + y, month: 12, day: 25)]
        }
        let calendar = WorkCalendar(
            workingWeekdays: [7, 1, 2, 3, 4], holidays: holidays,
            seasonalStoppages: [SeasonalStoppage(regions: highlands, start: .init(month: 12, day: 1), end: .init(month: 3, day: 15))],
            weatherLoss: .bernoulli(0.05))
        return ClearanceModel(
            startDate: start, horizonYears: horizonYears, tasks: tasks, teams: groups, calendar: calendar,
            landRelease: LandReleaseParameters(nonTechnicalSurveyCancelShare: .beta(alpha: 2, beta: 2),
                                               technicalSurveyReduceShare: .beta(alpha: 2, beta: 3),
                                               densityProductivityFactors: [.low: 1.3, .high: 0.7],
                                               maximumAreaPerTeam: 20_000),
            accidents: AccidentModel(ratePerSquareMetre: 2e-7, ratePerKind: [.mechanical: 2e-8], standDownDays: 14,
                                     casualtiesPerAccident: .poisson(mean: 1.2)),
            civilianRisk: CivilianRiskModel(incidentsPerYear: 150, casualtiesPerIncident: 1.4, sampleCounts: true),
            policy: .riskPriority)
    }
}
