import _TestSupport
import ClearanceModel
import ClearcastDomain
import Foundation
import Testing

/// The exposure model of civilian risk (``CivilianRiskModel``) against hand computations.
@Suite("Civilian exposure")
struct ExposureTests {
    /// Two areas, no teams, a 365-day horizon. A (1,000 m²) has 10 returnees near it, B (500 m²)
    /// none; background 1. Returns go from 0 on day 0 to all back on day 100 (linear).
    /// Day 0: 1000 × 1 + 500 × 1 = 1500 exposed m²·people, calibrated to 0.15 incidents a day → κ = 1e-4.
    /// Σ_d R(d) = (0 + 1 + … + 99) / 100 + 265 = 314.5, so incidents =
    /// κ × (1000 × (365 + 10 × 314.5) + 500 × 365) = 1e-4 × 3,692,500 = 369.25.
    @Test func exposureIntegralAcrossAReturnDateByHand() throws {
        var a = task("A", area: 1000), b = task("B", area: 500)
        a.returnees = 10
        b.returnees = 0
        var m = model([a, b], [manualTeams(0)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 0.15 * 365.2425)
        m.civilianRisk.returnSchedule = [.init(date: jan1, share: 0), .init(date: jan1.adding(days: 100), share: 1)]
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1)
        #expect(abs(f.civilian.baselineCasualties - 369.25) < 1e-9)
        #expect(abs(f.civilian.expectedCasualties.mean - 369.25) < 1e-9)
        // Effort's risk: A's mean casualties a year if left = 1e-4 × 1000 × (365 + 3145) × 365.2425 / 365.
        let effort = m.expectedEffort()
        #expect(abs(effort[0].casualtiesPerYear - 1e-4 * 1000 * 3510 * 365.2425 / 365) < 1e-9)
    }

    /// The linear clearance of CivilianRiskTests (TS day 0, then 100 m² at the end of days 1…10),
    /// with half the risk removed by marking when TS ends (t = 1): area-days
    /// 1000 (day 0) + 0.5 × (1000 + 900 + … + 100) = 3,750 → 0.375 incidents → 0.75 casualties.
    /// The baseline (nothing done, nothing marked) stays 73.
    @Test func markingByHand() throws {
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 100)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 0.1 * 365.2425, casualtiesPerIncident: 2)
        m.civilianRisk.markingEffect = 0.5
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1)
        #expect(abs(f.civilian.expectedCasualties.mean - 0.75) < 1e-9)
        #expect(abs(f.civilian.baselineCasualties - 73) < 1e-9)
    }

    /// One campaign on day 100 removing half the risk, halving every year after: the baseline is
    /// the calibrated daily rate times Σ_d e(d), summed naively.
    @Test func riskEducationAgainstNaiveSum() throws {
        var m = model([task("A", area: 700), task("B", area: 300)], [manualTeams(0)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 20)
        m.civilianRisk.riskEducation = .init(effect: 0.5, halfLifeYears: 1, first: jan1.adding(days: 100))
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1)
        var sum = 0.0
        for d in 0..<365 { sum += d < 100 ? 1 : 1 - 0.5 * pow(2, -Double(d - 100) / 365.2425) }
        #expect(abs(f.civilian.baselineCasualties - 20 / 365.2425 * sum) < 1e-9)
    }

    /// The casualty outcome does not depend on the priority score: the same schedule (as listed)
    /// with other benefits gives the same expected casualties.
    @Test func priorityWeightsDoNotChangeCasualties() throws {
        var tasks = (0..<5).map { task("T\($0)", area: 400 + 300 * Double($0), benefit: 1) }
        for i in tasks.indices { tasks[i].returnees = Double(i * i) }
        var m = model(tasks, [manualTeams(1, tsFactor: 10)], policy: .asListed)
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 30)
        m.civilianRisk.markingEffect = 0.3
        let before = try MonteCarloRunner.run(m, replications: 2, seed: 3)
        for i in m.tasks.indices { m.tasks[i].priorityBenefit = [0.01, 5, 0.3, 9, 2][i] }
        let after = try MonteCarloRunner.run(m, replications: 2, seed: 3)
        #expect(before.civilian == after.civilian)
        #expect(before.civilian.expectedCasualties.mean > 0)
    }

    /// Hazard factors scale the calibrated split: at day 0 the total is fixed, so an area twice as
    /// hazardous per m² carries twice the share.
    @Test func hazardFactorsSplitTheCalibratedTotal() throws {
        var m = model([task("A", area: 1000, type: .antiPersonnel), task("B", area: 1000, type: .unexplodedOrdnance)], [manualTeams(0)])
        m.civilianRisk = CivilianRiskModel(incidentsPerYear: 30)
        m.civilianRisk.hazardByType = [.unexplodedOrdnance: 0.5]
        let effort = m.expectedEffort()
        #expect(abs(effort[0].casualtiesPerYear - 20) < 1e-9)
        #expect(abs(effort[1].casualtiesPerYear - 10) < 1e-9)
    }
}
