import ClearcastDomain
import EventSimulation

// MARK: - Shards: outcomes of a sub-range, and the forecast of outcomes gathered back

/// Everything one replication leaves that ``ClearanceForecast`` aggregates: the summary, the
/// completion day per contamination class and region (by the model's indices), and per task its
/// release day and the areas cancelled, reduced, cleared and still hazardous at the horizon.
///
/// A run cut into shards (`clearcast simulate --shard K/N`) keeps these for its replications; the
/// merge hands the outcomes of every shard, in replication order, to
/// ``MonteCarloRunner/forecast(_:outcomes:seed:keepReplicationSummaries:)``, which aggregates them
/// with the same code as ``MonteCarloRunner/run(_:replications:seed:threads:keepReplicationSummaries:progress:shouldStop:)``:
/// the merged forecast is the unsharded one, bit for bit.
public struct ReplicationOutcomeData: Sendable, Equatable {
    public var summary: ReplicationSummary
    /// Completion day per contamination class index (`ContaminationType.allCases` order) and per
    /// region index (the model's region order); nil when unfinished or absent.
    public var completionByClass: [Int?]
    public var completionByRegion: [Int?]
    /// Per task (the model's task order): release day (-1 when not released) and outcome areas (m²).
    public var releaseDay: [Int32]
    public var cancelledByTask: [Double]
    public var reducedByTask: [Double]
    public var clearedByTask: [Double]
    public var remainingByTask: [Double]

    public init(summary: ReplicationSummary, completionByClass: [Int?], completionByRegion: [Int?], releaseDay: [Int32],
                cancelledByTask: [Double], reducedByTask: [Double], clearedByTask: [Double], remainingByTask: [Double]) {
        self.summary = summary
        self.completionByClass = completionByClass
        self.completionByRegion = completionByRegion
        self.releaseDay = releaseDay
        self.cancelledByTask = cancelledByTask
        self.reducedByTask = reducedByTask
        self.clearedByTask = clearedByTask
        self.remainingByTask = remainingByTask
    }

    init(_ o: ReplicationOutcome) {
        self.init(summary: o.summary, completionByClass: o.completionByClass, completionByRegion: o.completionByRegion,
                  releaseDay: o.releaseDay, cancelledByTask: o.cancelledByTask, reducedByTask: o.reducedByTask,
                  clearedByTask: o.clearedByTask, remainingByTask: o.remainingByTask)
    }

    var outcome: ReplicationOutcome {
        ReplicationOutcome(summary: summary, releaseDay: releaseDay, cancelledByTask: cancelledByTask,
                           reducedByTask: reducedByTask, clearedByTask: clearedByTask, remainingByTask: remainingByTask,
                           completionByClass: completionByClass, completionByRegion: completionByRegion)
    }
}

extension ReplicationOutcome {
    init(summary: ReplicationSummary, releaseDay: [Int32], cancelledByTask: [Double], reducedByTask: [Double],
         clearedByTask: [Double], remainingByTask: [Double], completionByClass: [Int?], completionByRegion: [Int?]) {
        self.summary = summary
        self.releaseDay = releaseDay
        self.cancelledByTask = cancelledByTask
        self.reducedByTask = reducedByTask
        self.clearedByTask = clearedByTask
        self.remainingByTask = remainingByTask
        self.completionByClass = completionByClass
        self.completionByRegion = completionByRegion
    }
}

extension MonteCarloRunner {
    /// Runs the replications numbered `replications` and returns their full outcomes in replication
    /// order. Replication `i` draws the same numbers as replication `i` of an unsharded run with the
    /// same seed (its streams are keyed by `(seed, i)`), so the shards of a run together hold exactly
    /// the unsharded run's outcomes.
    ///
    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` for a negative range; `CancellationError`
    ///   when `shouldStop` returns true. An empty range returns no outcomes.
    /// - Complexity: O(R × (events × log(teams) + tasks)) for R replications.
    public static func outcomes(
        _ prepared: PreparedClearanceModel, replications: Range<Int>, seed: UInt64, threads: Int = 1,
        progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)? = nil,
        shouldStop: (@Sendable () -> Bool)? = nil
    ) throws -> [ReplicationOutcomeData] {
        guard replications.lowerBound >= 0 else {
            throw ClearanceModelError.invalidInput([ValidationIssue(
                path: "replications", message: "must be a range of indices ≥ 0, found \(replications)")])
        }
        guard !replications.isEmpty else { return [] }
        return try simulate(prepared.compiled, replications: replications, seed: seed, threads: threads,
                            progress: progress, shouldStop: shouldStop)
            .map(ReplicationOutcomeData.init)
    }

    /// The forecast of `outcomes` (replications 0..<outcomes.count, in order), aggregated by the
    /// same code as ``run(_:replications:seed:threads:keepReplicationSummaries:progress:shouldStop:)``.
    ///
    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` when there are no outcomes, or when an
    ///   outcome's task, class or region counts do not match the model (outcomes of another model).
    public static func forecast(_ prepared: PreparedClearanceModel, outcomes: [ReplicationOutcomeData], seed: UInt64,
                                keepReplicationSummaries: Bool = false) throws -> ClearanceForecast {
        let m = prepared.compiled
        guard !outcomes.isEmpty else {
            throw ClearanceModelError.invalidInput([ValidationIssue(path: "replications", message: "must be ≥ 1, found 0")])
        }
        let classes = ContaminationType.allCases.count
        for (i, o) in outcomes.enumerated() {
            let tasks = [o.releaseDay.count, o.cancelledByTask.count, o.reducedByTask.count, o.clearedByTask.count,
                         o.remainingByTask.count]
            guard tasks.allSatisfy({ $0 == m.taskCount }), o.completionByClass.count == classes,
                  o.completionByRegion.count == m.regionNames.count, o.summary.remainingByYear.count == m.yearEnds.count else {
                throw ClearanceModelError.invalidInput([ValidationIssue(
                    path: "outcomes[\(i)]", message: "does not match the model (\(m.taskCount) tasks, \(m.regionNames.count) regions, \(m.yearEnds.count) years); expected outcomes of this model")])
            }
        }
        return ClearanceForecast(model: m, outcomes: outcomes.map(\.outcome), seed: seed,
                                 keepSummaries: keepReplicationSummaries, warnings: prepared.model.warnings)
    }
}
