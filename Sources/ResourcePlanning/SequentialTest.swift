// MARK: - SequentialTest

/// The stopping rule of the planner's estimates, apart from any model: replications arrive in
/// batches, and after each batch the probability of meeting the target is judged against the
/// required probability.
///
/// - **Settled** (`meets` / `fails`) as soon as the 99 % Wilson interval lies wholly above or below
///   the required probability; a settled test never runs again. The stricter 99 % level for stopping
///   offsets the repeated looks.
/// - Otherwise **undecided** (`meetsWithinError` / `failsWithinError`, by the estimate), and it
///   stops when the 95 % half-width is at most the resolution asked for, or the replications run out.
/// - **Screening** (optional, for a search that only needs a direction): an undecided test also stops
///   once the 95 % half-width is at most the coarser screening resolution *while the 95 % interval
///   still contains the required probability*. A level whose 95 % interval already lies on one side
///   goes on to settle (a batch or two), so screening stops early only the levels that are genuinely
///   close to the target, the costly ones.
///
/// The test is **resumable**: a screened ``advance(to:screening:replications:)`` stops wherever the
/// unscreened rule would, or earlier, so advancing it again without screening runs exactly the batches,
/// and reaches exactly the counts and verdict, that a single unscreened call would (the rule is checked
/// at the same batch boundaries, before each batch): a level screened during a search and refined
/// afterwards costs no replication twice and ends with the figures it would have had anyway.
struct SequentialTest: Sendable {
    /// One replication's part: whether it met the target, and the share of the target's area it released.
    struct Outcome: Sendable {
        var met: Bool
        var share: Double
    }

    let required: Double
    let batch: Int
    let maximumReplications: Int
    private(set) var successes = 0
    private(set) var trials = 0
    /// Released shares in replication order.
    private(set) var shares: [Double] = []
    private(set) var verdict = PlanCandidate.Verdict.failsWithinError

    /// z of the two-sided 99 % interval that settles a verdict.
    static let settleZ = 2.5758293035489004

    init(required: Double, batch: Int, maximumReplications: Int) {
        self.required = required
        self.batch = max(batch, 1)
        self.maximumReplications = maximumReplications
    }

    var probability: ProportionEstimate { ProportionEstimate(successes: successes, trials: trials) }

    var isSettled: Bool { verdict == .meets || verdict == .fails }

    /// Whether the rule says stop at `resolution`, or (with `screening`) whether screening may stop
    /// (a settled test is done at every resolution).
    func isDone(at resolution: Double, screening: Double? = nil) -> Bool {
        if isSettled || trials >= maximumReplications { return true }
        guard trials > 0 else { return false }
        let e = probability, i = e.interval(), halfWidth = (i.upper - i.lower) / 2
        if halfWidth <= resolution { return true }
        guard let screening else { return false }
        return halfWidth <= screening && i.lower <= required && required <= i.upper
    }

    /// Runs batches of replications `trials..<trials + batch` until ``isDone(at:screening:)``.
    ///
    /// - Parameter replications: the outcomes of a range of replication indices, in order.
    /// - Complexity: at most `maximumReplications - trials` replications.
    mutating func advance(to resolution: Double, screening: Double? = nil,
                          replications: (Range<Int>) throws -> [Outcome]) rethrows {
        while !isDone(at: resolution, screening: screening) {
            let count = min(batch, maximumReplications - trials)
            let outcomes = try replications(trials..<(trials + count))
            precondition(outcomes.count == count, "one outcome per replication")
            for o in outcomes {
                if o.met { successes += 1 }
                shares.append(o.share)
            }
            trials += count
            let estimate = probability, settled = estimate.interval(z: Self.settleZ)
            if settled.lower > required {
                verdict = .meets
            } else if settled.upper < required {
                verdict = .fails
            } else {
                verdict = estimate.estimate >= required ? .meetsWithinError : .failsWithinError
            }
        }
    }
}
