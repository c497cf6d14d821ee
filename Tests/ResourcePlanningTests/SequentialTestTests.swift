import _TestSupport
import ClearanceModel
import ClearcastDomain
@testable import ResourcePlanning
import Testing

/// The planner's stopping rule on simulated Bernoulli streams with known probabilities, and its
/// resumption (a level screened coarsely, then refined, ends exactly where a single run would).
@Suite("Sequential stopping")
struct SequentialTestTests {
    /// Replication `i` of a stream succeeds with probability `p`; the draw depends on `i` alone (as the
    /// simulator's replication streams do), so any split into batches sees the same outcomes.
    static func bernoulli(_ p: Double, stream: UInt64) -> (Range<Int>) -> [SequentialTest.Outcome] {
        { range in
            range.map { i in
                var rng = SeededGenerator(seed: stream &* 1_000_003 &+ UInt64(i))
                let u = Double.random(in: 0..<1, using: &rng)
                return SequentialTest.Outcome(met: u < p, share: u)
            }
        }
    }

    /// It never stops with a 99 % interval straddling the required probability and a settled
    /// verdict, nor undecided before the half-width reaches the resolution (or the replications run
    /// out); and settled verdicts on the wrong side of the true probability are rare (the 99 % level
    /// offsets the repeated looks: below 5 % of the runs here, at true p 0.02 to 0.03 from the target).
    @Test(arguments: [0.86, 0.87, 0.88, 0.9, 0.92, 0.93, 0.95, 0.99])
    func neverStopsStraddlingTheTarget(p: Double) {
        let required = 0.9, runs = 300
        var wrong = 0
        for stream in 0..<UInt64(runs) {
            var test = SequentialTest(required: required, batch: 50, maximumReplications: 2000)
            test.advance(to: 0.02, replications: Self.bernoulli(p, stream: stream))
            let e = test.probability, settled = e.interval(z: SequentialTest.settleZ)
            switch test.verdict {
            case .meets: #expect(settled.lower > required)
            case .fails: #expect(settled.upper < required)
            case .meetsWithinError, .failsWithinError:
                #expect(settled.lower <= required && settled.upper >= required)
                #expect(e.halfWidth <= 0.02 || e.trials == 2000)
                #expect(test.verdict.meets == (e.estimate >= required))
            }
            #expect(e.trials % 50 == 0 && e.trials <= 2000 && test.shares.count == e.trials)
            if (test.verdict == .meets && p < required) || (test.verdict == .fails && p > required) { wrong += 1 }
        }
        if abs(p - required) >= 0.02 { #expect(Double(wrong) / Double(runs) < 0.05, "p = \(p): \(wrong) of \(runs) settled wrongly") }
    }

    /// Screening at 0.04 stops only where the 95 % interval still holds the target (or where the full
    /// rule would stop), and refining to 0.02 afterwards runs the same replications, and ends with the
    /// same counts, verdict and shares, as one run at 0.02; screening a refined test runs nothing.
    @Test func refiningContinuesExactlyWhereOneRunWouldStop() {
        for (k, p) in [0.5, 0.8, 0.88, 0.9, 0.91, 0.95, 1.0].enumerated() {
            for stream in 0..<UInt64(40) {
                let outcomes = Self.bernoulli(p, stream: stream + 100 * UInt64(k))
                var direct = SequentialTest(required: 0.9, batch: 50, maximumReplications: 1000)
                direct.advance(to: 0.02, replications: outcomes)
                var screened = SequentialTest(required: 0.9, batch: 50, maximumReplications: 1000)
                screened.advance(to: 0.02, screening: 0.04, replications: outcomes)
                #expect(screened.probability.trials <= direct.probability.trials)
                if screened.probability.trials < direct.probability.trials {
                    let i = screened.probability.interval()
                    #expect(!screened.isSettled && i.lower <= 0.9 && 0.9 <= i.upper && screened.probability.halfWidth <= 0.04)
                }
                var ranAgain = false
                screened.advance(to: 0.02, replications: outcomes)
                screened.advance(to: 0.02, screening: 0.04) { ranAgain = true; return outcomes($0) }
                #expect(!ranAgain)
                #expect(screened.probability == direct.probability && screened.verdict == direct.verdict)
                #expect(screened.shares == direct.shares)
            }
        }
    }

    /// The planner reports the answer, its neighbour below and the baseline at the full resolution,
    /// with exactly the figures a single estimate of that level gives (screening first changes nothing
    /// about them), and the answer and its neighbour are adjacent on the grid.
    @Test func plannerRefinesTheAnswerAndItsNeighbour() throws {
        let model = ClearanceModel.syntheticNationalScale(tasks: 60, teams: 12, seed: 5, horizonYears: 6)
        let groups = Set(model.teams.map(\.id))
        var planner = MultiplierPlanner(model: model, groups: groups, seed: 3, threads: 2)
        planner.maximumReplications = 400
        planner.step = 0.1
        planner.resolution = 0.03
        let target = PlanTarget(share: 0.8, deadline: model.startDate.adding(years: 4), probability: 0.8)
        let plan = try planner.plan(for: target)
        let evaluator = try TargetEvaluator(target, model: model)
        let answer = try #require(plan.answer), below = try #require(plan.nextSmaller)
        #expect(abs(answer.multiplier - below.multiplier - planner.step) < 1e-9)
        for level in [answer, below, plan.baseline] {
            let direct = try SequentialEstimate(model: model.scalingTeams(groups, by: level.multiplier), evaluator: evaluator,
                                                settings: planner.settings, shouldStop: nil)
            #expect(level.probability == direct.probability && level.verdict == direct.verdict, "\(level.multiplier)×")
            #expect(level.shareReleasedAtProbability == direct.shareReleasedAtProbability)
        }
    }
}
