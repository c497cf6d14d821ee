import _TestSupport
import ClearanceModel
import ClearcastDomain
import ResourcePlanning
import Testing

@Suite("Plan: smallest resources for a target")
struct MultiplierPlannerTests {
    static let day19 = CivilDate(year: 2026, month: 1, day: 20)

    /// 10 areas need 10 teams to finish by day 19 (see ``handModel``). From 4 teams on a 0.05 grid the
    /// smallest multiplier is the first m with round(4m) ≥ 10: 4 × 2.40 = 9.6 → 10 teams; 2.35 → 9 teams fails.
    @Test func handCaseAnswerAndNeighbour() throws {
        let target = PlanTarget(deadline: Self.day19, probability: 0.9)
        let plan = try MultiplierPlanner(model: handModel(tasks: 10, teams: 4), groups: ["manual"], seed: 1, threads: 2)
            .plan(for: target)
        let answer = try #require(plan.answer)
        #expect(abs(answer.multiplier - 2.40) < 1e-9 && answer.teams == ["manual": 10])
        #expect(answer.verdict == .meets && answer.probability.successes == answer.probability.trials)
        let below = try #require(plan.nextSmaller)
        #expect(abs(below.multiplier - 2.35) < 1e-9 && below.teams == ["manual": 9] && below.verdict == .fails)
        #expect(below.probability.successes == 0)
        #expect(plan.baseline.multiplier == 1 && plan.baseline.teams == ["manual": 4] && !plan.baseline.verdict.meets)
        #expect(plan.bestAchievable == nil)
        // Each level is simulated once, and the frontier is in multiplier order.
        #expect(plan.frontier.map(\.multiplier) == plan.frontier.map(\.multiplier).sorted())
        #expect(Set(plan.frontier.map(\.multiplier)).count == plan.frontier.count)
    }

    /// A share of the area: with 5 teams, 5 of the 10 areas are released by day 19, so 50 % is met and
    /// 60 % needs 6 teams: from 4 teams, the first m with round(4m) ≥ 6 is 1.40 (5.6 → 6).
    @Test func shareTargetByHand() throws {
        let planner = MultiplierPlanner(model: handModel(tasks: 10, teams: 4), groups: ["manual"], seed: 1)
        let half = try planner.plan(for: PlanTarget(share: 0.5, deadline: Self.day19, probability: 0.9))
        #expect(half.answer?.teams == ["manual": 5])
        let sixty = try planner.plan(for: PlanTarget(share: 0.6, deadline: Self.day19, probability: 0.9))
        #expect(sixty.answer?.teams == ["manual": 6] && abs((sixty.answer?.multiplier ?? 0) - 1.4) < 1e-9)
        #expect(sixty.nextSmaller?.teams == ["manual": 5])
        // What the baseline achieves instead: 4 of 10 areas.
        #expect(abs(sixty.baseline.shareReleasedAtProbability - 0.4) < 1e-12)
    }

    /// Beyond the maximum multiplier the target is unreachable: said, with the best level simulated.
    @Test func unreachableTargetReportsBestAchievable() throws {
        var planner = MultiplierPlanner(model: handModel(tasks: 10, teams: 4), groups: ["manual"], seed: 1)
        planner.maximumMultiplier = 2
        let plan = try planner.plan(for: PlanTarget(deadline: Self.day19, probability: 0.9))
        #expect(plan.answer == nil && plan.nextSmaller == nil)
        let best = try #require(plan.bestAchievable)
        #expect(best.multiplier == 2 && best.teams == ["manual": 8] && abs(best.shareReleasedAtProbability - 0.8) < 1e-12)
    }

    /// Budget mode: on a continuous one-year calendar every fielded team costs 365 team-days, so a
    /// budget of 365 × 100 × 10 a year at 100 a team-day affords 10 teams: the largest m with
    /// round(4m) ≤ 10 is 2.60 (10.4 → 10), and 10 teams meet the day-19 target.
    @Test func budgetModeByHand() throws {
        let planner = MultiplierPlanner(model: handModel(tasks: 10, teams: 4), groups: ["manual"], seed: 1,
                                        costPerTeamDay: [.manual: 100])
        let plan = try planner.plan(for: PlanTarget(deadline: Self.day19, probability: 0.9), budgetPerYear: 365 * 100 * 10)
        let affordable = try #require(plan.affordable)
        #expect(abs(affordable.multiplier - 2.6) < 1e-9 && affordable.teams == ["manual": 10])
        #expect(affordable.costPerYear == 365 * 100 * 10 && affordable.verdict == .meets)
        let poorer = try planner.plan(for: PlanTarget(deadline: Self.day19, probability: 0.9), budgetPerYear: 365 * 100 * 7.9)
        #expect(poorer.affordable?.teams == ["manual": 7] && poorer.affordable?.verdict.meets == false)
        #expect(abs((poorer.affordable?.shareReleasedAtProbability ?? 0) - 0.7) < 1e-12)
        #expect(throws: PlanningError.self) {
            try MultiplierPlanner(model: handModel(tasks: 2, teams: 1), groups: ["manual"], seed: 1)
                .plan(for: PlanTarget(deadline: Self.day19, probability: 0.9), budgetPerYear: 1000)
        }
    }

    /// On a random model with every feature on, the frontier rises with the multiplier (within the
    /// 95 % intervals: common random numbers make neighbouring levels comparable), and the answer
    /// meets the target while the level below does not.
    @Test func frontierIsMonotoneOnARandomModel() throws {
        let model = ClearanceModel.syntheticNationalScale(tasks: 60, teams: 12, seed: 5, horizonYears: 6)
        var planner = MultiplierPlanner(model: model, groups: Set(model.teams.map(\.id)), seed: 3, threads: 2)
        planner.maximumReplications = 200
        planner.step = 0.1
        let deadline = model.startDate.adding(years: 4)
        let plan = try planner.plan(for: PlanTarget(share: 0.8, deadline: deadline, probability: 0.8))
        for (a, b) in zip(plan.frontier, plan.frontier.dropFirst()) {
            #expect(b.probability.interval().upper >= a.probability.interval().lower, "\(a.multiplier) → \(b.multiplier)")
        }
        if let answer = plan.answer {
            #expect(answer.verdict.meets)
            if let below = plan.nextSmaller { #expect(!below.verdict.meets && below.multiplier < answer.multiplier) }
        }
        #expect(plan.notes.allSatisfy { !$0.contains("less often") })
    }

    /// Settings and targets that do not fit the model are refused, each named.
    @Test func invalidSettingsAreNamed() throws {
        let model = handModel(tasks: 3, teams: 1)
        func problems(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        let wrongGroup = problems { _ = try MultiplierPlanner(model: model, groups: ["manul"], seed: 1).plan(for: PlanTarget(deadline: Self.day19, probability: 0.9)) }
        #expect(wrongGroup.contains("no team group 'manul'") && wrongGroup.contains("did you mean 'manual'"))
        let late = problems { _ = try MultiplierPlanner(model: model, groups: ["manual"], seed: 1)
            .plan(for: PlanTarget(deadline: CivilDate(year: 2030, month: 1, day: 1), probability: 0.9)) }
        #expect(late.contains("after the horizon's end 2026-12-31"), "\(late)")
        let region = problems { _ = try TargetEvaluator(PlanTarget(regions: ["B"], deadline: Self.day19, probability: 0.9), model: model) }
        #expect(region.contains("no hazard area lies in region 'B'"))
        let type = problems { _ = try TargetEvaluator(PlanTarget(contaminationTypes: [.unexplodedOrdnance], deadline: Self.day19, probability: 1), model: model) }
        #expect(type.contains("probability must be in (0, 1)") && type.contains("contamination type UXO"))
    }
}
