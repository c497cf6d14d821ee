import ClearcastDomain
import ClearanceModel
import EventSimulation
import Foundation
import Testing

/// Hazard discovery, evidence-strength shares and ageing suspicion on tiny deterministic cases
/// (one team, constant productivity, a continuous calendar), checked against hand-computed days and areas.
@Suite struct DiscoveryAndEvidenceTests {
    func run(_ m: ClearanceModel) throws -> (ClearanceForecast, ReplicationSummary) {
        try m.validate()
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1, keepReplicationSummaries: true)
        return (f, try #require(f.replicationSummaries?.first))
    }

    /// One manual team that also does NTS at 100 m²/day.
    func surveyingTeam() -> TeamGroup {
        TeamGroup(id: "all", kind: .manual, count: 1, steps: [.nonTechnicalSurvey, .technicalSurvey, .clearance],
                  productivity: ["*": ["*": .constant(100)]], stepSpeedFactors: [.technicalSurvey: 1000], travelSpeedKmPerDay: 1e9)
    }

    @Test func aDiscoveryDelaysCompletionByItsWork() throws {
        // Known: 1,000 m² CHA; TS 1 day (day 0), clearance days 1–10: done on day 10, as in
        // CostAndMovementTests. Found: 2,000 m² CHA on 1 July 2026 = day 181; the idle team
        // (not stood down: the discovery is due) does TS on day 181 and clears 20 days, 182–201.
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1000)], years: 1)
        #expect(try run(m).1.completionDay == 10)
        m.discoveries = [DiscoveryRule(region: "A", contamination: .antiPersonnel, status: .confirmed,
                                       areaPerYear: .constant(2000), fromYear: 2026, toYear: 2026)]
        let (f, s) = try run(m)
        #expect(s.completionDay == 201)
        #expect(s.teamsStoodDown == 1)
        #expect(f.taskReleases.map(\.id) == ["T"])           // the found area has no polygon: not a task row
        let found = try #require(f.discoveries?.first)
        #expect(found.id == "discovered-1-2026" && found.day == 181 && found.year == 2026 && found.region == "A")
        #expect(found.meanArea == 2000 && found.release.p50Day == 201 && found.release.meanCleared == 2000)
        #expect(f.yearly[0].discovered?.mean == 2000)
        // Areas balance with the find: initial 1,000 + found 2,000 = cleared 3,000 + remaining 0.
        #expect(s.clearedByYear[0] == 3000 && s.remainingByYear[0] == 0)
        #expect(f.yearly[0].releasedByClass[.antiPersonnel]?.mean == 3000)
        #expect(f.initialArea == 1000)
    }

    @Test func aZeroFindDoesNotDelayCompletionButHoldsTheTeam() throws {
        // A find of 0 m² releases nothing and keeps completion on day 10; the team waits for it
        // (idle from day 11) and stands down on day 181: paid 181 office days (days 0–180).
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1000)], years: 1)
        m.discoveries = [DiscoveryRule(region: "A", contamination: .antiPersonnel, areaPerYear: .constant(0), fromYear: 2026, toYear: 2026)]
        let (_, s) = try run(m)
        #expect(s.completionDay == 10)
        #expect(s.availableDaysByKind[.manual] == 181)
        #expect(s.teamsStoodDown == 1)
    }

    @Test func discoveriesAfterTheHorizonAreDroppedAndRulesAreChecked() throws {
        var m = model([task("T", area: 1000)], [manualTeams(1, tsFactor: 1000)], years: 1)
        m.discoveries = [DiscoveryRule(region: "A", contamination: .antiPersonnel, areaPerYear: .constant(5), fromYear: 2026, toYear: 2030)]
        #expect(m.discoveredTasks.map(\.year) == [2026])      // 1 July 2027 is after the one-year horizon
        m.discoveries[0].toYear = 2020
        #expect(throws: ClearanceModelError.self) { try m.validate() }
    }

    @Test func evidenceStrengthSelectsTheCancellationShare() throws {
        // Three 1,000 m² SHAs: weak evidence cancels 80 %, strong 10 %, none recorded the general 50 %.
        var weak = task("W", area: 1000, status: .suspected), strong = task("S", area: 1000, status: .suspected)
        weak.evidence = .weak
        strong.evidence = .strong
        var m = model([weak, strong, task("N", area: 1000, status: .suspected)], [surveyingTeam()], years: 2)
        m.landRelease.nonTechnicalSurveyCancelShare = .constant(0.5)
        m.landRelease.nonTechnicalSurveyCancelShareByEvidence = [.weak: .constant(0.8), .strong: .constant(0.1)]
        let f = try run(m).0
        let cancelled = Dictionary(uniqueKeysWithValues: f.taskReleases.map { ($0.id, $0.meanCancelled) })
        #expect(cancelled == ["W": 800, "S": 100, "N": 500])
        // Reduction by strength: strong evidence keeps all of S for clearance.
        m.landRelease.technicalSurveyReduceShare = .constant(0.5)
        m.landRelease.technicalSurveyReduceShareByEvidence = [.strong: .constant(0)]
        let g = try run(m).0
        let reduced = Dictionary(uniqueKeysWithValues: g.taskReleases.map { ($0.id, $0.meanReduced) })
        #expect(reduced == ["W": 100, "S": 0, "N": 250])
    }

    @Test func ageingSuspicionRaisesTheCancellationShare() throws {
        // NTS of 1,000 m² at 100 m²/day ends at t = 10; the last survey was 2016-01-01, 3,653 days (three leap days)
        // before the start: age (3,653 + 10) / 365.2425 years; c' = 1 − (1 − 0.5) × 0.9^age.
        var t = task("T", area: 1000, status: .suspected)
        t.lastSurvey = CivilDate(year: 2016, month: 1, day: 1)
        var m = model([t], [surveyingTeam()], years: 2)
        m.landRelease.nonTechnicalSurveyCancelShare = .constant(0.5)
        #expect(try run(m).0.taskReleases[0].meanCancelled == 500)   // rule off: unchanged
        m.landRelease.cancelShareRisePerYear = 0.1
        let age = Double(3653 + 10) / 365.2425
        let expected = 1000 * (1 - 0.5 * pow(0.9, age))
        let got = try run(m).0.taskReleases[0].meanCancelled
        #expect(abs(got - expected) < 1e-9)
        #expect(abs(expected - 826.1) < 0.1)   // ≈ 826 m² of 1,000 cancelled after ten years
        // Without a last survey the age counts from the start: 10 days.
        m.tasks[0].lastSurvey = nil
        #expect(abs(try run(m).0.taskReleases[0].meanCancelled - 1000 * (1 - 0.5 * pow(0.9, 10 / 365.2425))) < 1e-9)
        m.landRelease.cancelShareRisePerYear = 1
        #expect(throws: ClearanceModelError.self) { try m.validate() }
    }
}
