import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
import ResourcePlanning
import Testing

@Suite("Plan: cheapest team mix")
struct MixPlannerTests {
    /// The hand model (10 areas, 20 team-days each, everything released by day 19 only with 10 teams)
    /// with 2 manual teams at 100 a day and 2 machines at 1,000 a day, equally fast: the cheapest mix
    /// that meets the target is 10 manual teams and no machine, costing 10 × 365 × 100 a year.
    static func model() -> ClearanceModel {
        var m = handModel(tasks: 10, teams: 2)
        var machines = m.teams[0]
        machines.id = "machines"
        machines.kind = .mechanical
        m.teams.append(machines)
        return m
    }

    static let target = PlanTarget(deadline: CivilDate(year: 2026, month: 1, day: 20), probability: 0.9)

    @Test func cheapestMixByHand() throws {
        let planner = MixPlanner(model: Self.model(), bounds: [.manual: 0...20, .mechanical: 0...20],
                                 costPerTeamDay: [.manual: 100, .mechanical: 1000], seed: 3, threads: 2)
        let plan = try planner.plan(for: Self.target)
        let answer = try #require(plan.answer)
        #expect(answer.teams == [.manual: 10, .mechanical: 0], "\(plan.evaluated.map(\.teams))")
        #expect(answer.costPerYear == 10 * 365 * 100 && answer.verdict == .meets)
        // The uniform start (2.25 × 2 = 4.5 → 5 of each) met the target at a higher cost.
        #expect(plan.start?.teams == [.manual: 5, .mechanical: 5])
        #expect(plan.baseline.teams == [.manual: 2, .mechanical: 2] && !plan.baseline.verdict.meets)
        // Every mix tried with fewer than 10 teams failed: the answer is the optimum here.
        #expect(plan.evaluated.filter { $0.teams.values.reduce(0, +) < 10 }.allSatisfy { !$0.verdict.meets })
    }

    @Test func lowerBoundsAreKeptAndUnreachableTargetsSaid() throws {
        let planner = MixPlanner(model: Self.model(), bounds: [.manual: 0...20, .mechanical: 3...20],
                                 costPerTeamDay: [.manual: 100, .mechanical: 1000], seed: 3)
        #expect(try planner.plan(for: Self.target).answer?.teams == [.manual: 7, .mechanical: 3])
        let small = MixPlanner(model: Self.model(), bounds: [.manual: 0...4, .mechanical: 0...4],
                               costPerTeamDay: [.manual: 100, .mechanical: 1000], seed: 3)
        let plan = try small.plan(for: Self.target)
        #expect(plan.answer == nil && plan.bestAchievable?.teams == [.manual: 4, .mechanical: 4])
        #expect(plan.notes.contains { $0.contains("unreachable within the bounds") })
    }

    @Test func boundsOutsideTheScenarioAreNamed() throws {
        let planner = MixPlanner(model: Self.model(), bounds: [.dogs: 0...5, .manual: 0...3],
                                 costPerTeamDay: [.manual: 100], seed: 3)
        #expect(throws: PlanningError.self) { try planner.plan(for: Self.target) }
        do { _ = try planner.plan(for: Self.target) } catch {
            #expect("\(error)".contains("no dogs teams"))
        }
    }
}
