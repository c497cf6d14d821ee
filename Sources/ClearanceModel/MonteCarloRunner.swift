import EventSimulation
import ParallelWork

// MARK: - MonteCarloRunner

/// Runs replications of a ``ClearanceModel`` in parallel and aggregates them.
///
/// Replication `i` draws from streams derived from `(seed, i, name)` ("productivity", "survey",
/// "weather", "accidents", "civilian"), so its result does not depend on which thread ran it, and
/// two scenarios run with the same seed share random numbers (common random numbers). The streams
/// are keyed by what draws from them: each hazard area's survey outcomes, and each claim on a step
/// of it (its productivity, weather and accident distance), have a sub-stream of their own
/// (`RandomStream(base:key:)`), so the same work draws the same numbers even when another team
/// count or order changes what happened before it. Results are stored by replication index and
/// aggregated in that order: the forecast is byte-identical for any `threads`.
///
/// ```swift
/// let forecast = try MonteCarloRunner.run(model, replications: 1000, seed: 2026, threads: 2) { done, total in
///     print("\(done)/\(total)")
/// }
/// ```
public enum MonteCarloRunner {
    /// - Parameters:
    ///   - replications: number of replications (≥ 1).
    ///   - threads: worker threads (values < 1 mean 1).
    ///   - keepReplicationSummaries: include every ``ReplicationSummary`` in the forecast.
    ///   - progress: called after each replication with (completed, total), from worker threads.
    ///   - shouldStop: asked before each replication, from worker threads; once it returns true no
    ///     further replication starts and `run` throws `CancellationError` (the ones running finish,
    ///     so stopping takes at most one replication's time). Passed explicitly: a task-local
    ///     binding from synchronous code crashed release builds (Swift 6.3.1, `swift_task_localValuePush`).
    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` for invalid models or counts;
    ///   `CancellationError` when stopped.
    /// - Complexity: O(replications × (events × log(teams) + tasks)); see the engine notes.
    public static func run(
        _ model: ClearanceModel, replications: Int, seed: UInt64, threads: Int = 1,
        keepReplicationSummaries: Bool = false,
        progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)? = nil,
        shouldStop: (@Sendable () -> Bool)? = nil
    ) throws -> ClearanceForecast {
        try model.validate()
        guard replications >= 1 else {
            throw ClearanceModelError.invalidInput([ValidationIssue(path: "replications", message: "must be ≥ 1, found \(replications)")])
        }
        let compiled = CompiledModel(model)
        let outcomes = try simulate(compiled, replications: 0..<replications, seed: seed, threads: threads,
                                    progress: progress, shouldStop: shouldStop)
        return ClearanceForecast(model: compiled, outcomes: outcomes, seed: seed,
                                 keepSummaries: keepReplicationSummaries, warnings: model.warnings)
    }

    /// Runs replications `replications` (a non-empty range of indices ≥ 0) on up to `threads`
    /// workers and returns their outcomes in replication order. Replication `i` draws from streams
    /// keyed by `(seed, i)`, so which worker runs it does not matter. ``run(_:replications:seed:threads:keepReplicationSummaries:progress:shouldStop:)``,
    /// ``records(_:replications:seed:threads:shouldStop:)`` and ``outcomes(_:replications:seed:threads:progress:shouldStop:)`` share it.
    ///
    /// - Parameter progress: called after each replication with the number done and the range's count.
    /// - Throws: the first replication's error, or `CancellationError` when `shouldStop` returns true
    ///   (checked before each replication, so stopping takes at most one replication's time).
    /// - Complexity: O(R × (events × log(teams) + tasks)) for R replications.
    static func simulate(
        _ compiled: CompiledModel, replications: Range<Int>, seed: UInt64, threads: Int,
        progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)?, shouldStop: (@Sendable () -> Bool)?
    ) throws -> [ReplicationOutcome] {
        let first = replications.lowerBound, count = replications.count
        let box = ResultBox(count: count)
        let stop = shouldStop
        let work: @Sendable (Int) -> Void = { _ in
            while let k = box.claim() {
                if let stop, stop() {
                    box.fail(CancellationError())
                    return
                }
                do {
                    var sim = ReplicationSimulator(model: compiled, seed: seed, replication: first + k)
                    let done = box.store(try sim.run(), at: k)
                    progress?(done, count)
                } catch {
                    box.fail(error)
                }
            }
        }
        // Bounded by `threads` and by ParallelWork's width (`--threads`), whichever is smaller.
        ParallelWork.forEach(max(1, min(threads, count)), work)
        return try box.results()
    }

    /// One replication on its own (for tests and diagnostics).
    public static func replicate(_ model: ClearanceModel, seed: UInt64, replication: Int) throws -> ReplicationSummary {
        try model.validate()
        var sim = ReplicationSimulator(model: CompiledModel(model), seed: seed, replication: replication)
        return try sim.run().summary
    }
}

// MARK: - Result storage

/// Hands out replication indices and stores outcomes by index under the lock (``Locked``), taken
/// once per replication, far from the hot loop. Outcomes are kept by index, so the forecast does not
/// depend on which worker ran which replication.
final class ResultBox: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var outcomes: [ReplicationOutcome?]
        var error: (any Error)?
    }

    private let state: Locked<State>

    init(count: Int) { state = Locked(State(outcomes: Array(repeating: nil, count: count))) }

    func claim() -> Int? {
        state.withLock { s in
            guard s.error == nil, s.next < s.outcomes.count else { return nil }
            s.next += 1
            return s.next - 1
        }
    }

    func store(_ outcome: ReplicationOutcome, at i: Int) -> Int {
        state.withLock { s in
            s.outcomes[i] = outcome
            s.done += 1
            return s.done
        }
    }

    func fail(_ e: any Error) {
        state.withLock { s in if s.error == nil { s.error = e } }
    }

    func results() throws -> [ReplicationOutcome] {
        try state.withLock { s in
            if let error = s.error { throw error }
            return s.outcomes.compactMap { $0 }
        }
    }
}
