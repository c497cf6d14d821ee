import ClearcastDomain
import ClearanceModel
import EventSimulation
import Testing

/// Task-selection policies on small hand-checked cases (constant productivity, one team,
/// continuous calendar: each 1000 m² task takes TS 10 days + clearance 10 days).
@Suite("Policies")
struct PolicyTests {
    let tasks = [
        task("low", area: 1000, benefit: 0.1, x: 800),
        task("high", area: 1000, benefit: 0.9, x: 9_000),
        task("mid", area: 2000, benefit: 0.5, x: -4_000),
    ]

    private func order(_ policy: TaskSelectionPolicy, tasks: [HazardArea]? = nil) throws -> [String] {
        let m = model(tasks ?? self.tasks, [manualTeams(1)], policy: policy)
        let days = try releaseDays(m)
        return days.compactMap { id, d in d.map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test func riskPriorityClearsHighRiskFirst() throws {
        let m = model(tasks, [manualTeams(1)], policy: .riskPriority)
        let days = try releaseDays(m)
        #expect(days["high"] == 19)   // first task: TS 0–9, clearance 10–19
        #expect(days["mid"] == 59)    // 2000 m²: 20 + 20 days
        #expect(days["low"] == 79)
    }

    /// Benefits a few ulps apart (as the same area's are between OpenBLAS kernels) are a tie: the
    /// order falls to the listed rank, whichever benefit is larger in its last bits.
    @Test func riskPriorityTreatsLastBitDifferencesAsTies() throws {
        for nudgeFirst in [false, true] {
            let b = 0.625, nudged = 0.625.nextUp.nextUp.nextUp
            var first = task("first", area: 1000, benefit: nudgeFirst ? nudged : b, x: 9_000)
            var second = task("second", area: 1000, benefit: nudgeFirst ? b : nudged, x: 100)
            (first.rank, second.rank) = (1, 2)
            let days = try releaseDays(model([second, first], [manualTeams(1, productivity: 100)]))
            #expect(try #require(days["first"] ?? nil) < #require(days["second"] ?? nil), "nudged first: \(nudgeFirst)")
        }
    }

    @Test func staticOrders() throws {
        #expect(try order(.asListed) == ["low", "high", "mid"])
        #expect(try order(.largestFirst) == ["mid", "low", "high"])   // ties by input order
        #expect(try order(.smallestFirst) == ["low", "high", "mid"])
    }

    /// From base (0, 0): nearest is "low" (0.8 km); from there "mid" (4.8 km) beats "high"
    /// (8.2 km); from "mid" only "high" is left (13 km). At 2 km/day travel rounds to 0, 2, 7 days.
    @Test func nearestFirstFollowsRoute() throws {
        var team = manualTeams(1, speed: 2)
        team.baseX = 0
        let m = model(tasks, [team], policy: .nearestFirst)
        let days = try releaseDays(m)
        #expect(days["low"] == 19)             // TS 0–9, clearance 10–19
        #expect(days["mid"] == 20 + 2 + 39)    // arrives day 22, 40 days of work → day 61
        #expect(days["high"] == 62 + 7 + 19)   // arrives day 69, 20 days of work → day 88
    }

    @Test func regionSequence() throws {
        let t = [task("a1", area: 1000, benefit: 0.9, region: "A"), task("b1", area: 1000, benefit: 0.1, region: "B"),
                 task("b2", area: 1000, benefit: 0.5, region: "B"), task("c1", area: 1000, benefit: 1, region: "C")]
        #expect(try order(.regionSequence(["B", "A"]), tasks: t) == ["b2", "b1", "a1", "c1"])
    }

    /// Survey teams do NTS only and BAC teams only BAC: a suspected UXO area goes survey → manual
    /// TS → BAC, each by the right kind, and a group with no eligible work is reported.
    @Test func eligibilityAndWarnings() throws {
        let survey = TeamGroup(id: "s", kind: .survey, count: 1, productivity: ["*": ["*": .constant(500)]])
        let bac = TeamGroup(id: "b", kind: .bac, count: 1, productivity: ["*": ["*": .constant(200)]])
        let dogs = TeamGroup(id: "d", kind: .dogs, count: 1, steps: [.clearance], productivity: ["*": ["*": .constant(1)]])
        var m = model([task("u", area: 1000, type: .unexplodedOrdnance, status: .suspected)],
                      [survey, manualTeams(1), bac, dogs])
        m.landRelease.nonTechnicalSurveyCancelShare = .constant(0.5)
        // NTS 1000/500 = 2 days (0–1); TS 500/100 = 5 days (2–6); BAC 500/200 = 3 days (7–9).
        let f = try MonteCarloRunner.run(m, replications: 1, seed: 1, keepReplicationSummaries: true)
        #expect(f.completion.p50Day == 9)
        let r = try #require(f.replicationSummaries?.first)
        #expect(r.workedDaysByKind == [.survey: 2, .manual: 5, .bac: 3, .dogs: 0])
        #expect(f.warnings.contains { $0.contains("teams with no eligible task") && $0.contains("'d'") })
    }

    /// A BAC group restricted to UXO does TS and BAC of the UXO area and never touches the AP
    /// area, even while idle; the manual team takes the AP area.
    @Test func contaminationRestriction() throws {
        let bac = TeamGroup(id: "b", kind: .bac, count: 1, steps: [.technicalSurvey, .battleAreaClearance],
                            contaminationTypes: [.unexplodedOrdnance], productivity: ["*": ["*": .constant(100)]])
        let tasks = [task("ap1", area: 1000, benefit: 5), task("ap2", area: 1000, benefit: 4),
                     task("uxo", area: 500, benefit: 1, type: .unexplodedOrdnance)]
        let f = try MonteCarloRunner.run(model(tasks, [manualTeams(1), bac]), replications: 1, seed: 1, keepReplicationSummaries: true)
        let days = Dictionary(uniqueKeysWithValues: f.taskReleases.map { ($0.id, $0.p50Day) })
        // BAC: TS 5 days, BAC 5 days → day 9, then idle (AP work is not its to take).
        // Manual: ap1 0–19, ap2 20–39.
        #expect(days == ["ap1": 19, "ap2": 39, "uxo": 9])
        let r = try #require(f.replicationSummaries?.first)
        #expect(r.workedDaysByKind[.bac] == 10 && r.workedDaysByKind[.manual] == 40)
        var noBAC = model(tasks, [manualTeams(1)])
        noBAC.teams[0].contaminationTypes = [.antiPersonnel]
        #expect(noBAC.warnings.contains { $0.contains("1 task(s) need step TS") })
    }
}
