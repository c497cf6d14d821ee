import Dispatch
import EventSimulation
import Foundation

// MARK: - MonteCarloRunner

/// Runs replications of a ``ClearanceModel`` in parallel and aggregates them.
///
/// Replication `i` draws from `RandomStream(masterSeed: seed, replication: i, stream: name)` for
/// each named stream ("productivity", "survey", "weather", "accidents", "civilian"), so its
/// result does not depend on which thread ran it, and two scenarios run with the same seed share
/// random numbers stream by stream (common random numbers). Results are stored by replication
/// index and aggregated in that order: the forecast is byte-identical for any `threads`.
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
    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` for invalid models or counts.
    /// - Complexity: O(replications × (events × log(teams) + tasks)); see the engine notes.
    public static func run(
        _ model: ClearanceModel, replications: Int, seed: UInt64, threads: Int = 1,
        keepReplicationSummaries: Bool = false,
        progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)? = nil
    ) throws -> ClearanceForecast {
        try model.validate()
        guard replications >= 1 else {
            throw ClearanceModelError.invalidInput([ValidationIssue(path: "replications", message: "must be ≥ 1, found \(replications)")])
        }
        let compiled = CompiledModel(model)
        let workers = max(1, min(threads, replications))
        let box = ResultBox(count: replications)
        let work: @Sendable (Int) -> Void = { _ in
            while let i = box.claim() {
                do {
                    var sim = ReplicationSimulator(model: compiled, seed: seed, replication: i)
                    let outcome = try sim.run()
                    let done = box.store(outcome, at: i)
                    progress?(done, replications)
                } catch {
                    box.fail(error)
                }
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        let outcomes = try box.results()
        return ClearanceForecast(model: compiled, outcomes: outcomes, seed: seed,
                                 keepSummaries: keepReplicationSummaries, warnings: model.warnings)
    }

    /// One replication on its own (for tests and diagnostics).
    public static func replicate(_ model: ClearanceModel, seed: UInt64, replication: Int) throws -> ReplicationSummary {
        try model.validate()
        var sim = ReplicationSimulator(model: CompiledModel(model), seed: seed, replication: replication)
        return try sim.run().summary
    }
}

// MARK: - Result storage

/// Hands out replication indices and stores outcomes by index under a lock; the lock is only
/// taken once per replication, far from the hot loop.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var outcomes: [ReplicationOutcome?]
    private var error: (any Error)?

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, next < outcomes.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ outcome: ReplicationOutcome, at i: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        outcomes[i] = outcome
        done += 1
        return done
    }

    func fail(_ e: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if error == nil { error = e }
    }

    func results() throws -> [ReplicationOutcome] {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
        return outcomes.compactMap { $0 }
    }
}
