import EventSimulation

// MARK: - Per-replication records

/// What one replication left, for analyses that ask their own question of it (a planning target,
/// a sensitivity output) rather than the fixed aggregates of ``ClearanceForecast``.
public struct ReplicationRecord: Sendable, Equatable {
    public var summary: ReplicationSummary
    /// Release day of each of the model's ``ClearanceModel/tasks`` (in their order), counted from
    /// the start date; -1 when the task is not released by the horizon.
    public var releaseDays: [Int32]
}

/// A validated, compiled model that several runs share (e.g. the batches of a sequential
/// estimate), so it is compiled once.
public struct PreparedClearanceModel: Sendable {
    let compiled: CompiledModel
    public var model: ClearanceModel { compiled.model }

    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` when the model is invalid.
    public init(_ model: ClearanceModel) throws {
        try model.validate()
        compiled = CompiledModel(model)
    }
}

extension MonteCarloRunner {
    /// Runs the replications numbered `replications` (e.g. `200..<300` continues a run of 200) and
    /// returns their records in replication order.
    ///
    /// Replication `i` draws the same random numbers as replication `i` of ``run(_:replications:seed:threads:keepReplicationSummaries:progress:shouldStop:)``
    /// with the same seed, so batches can be added to a run, and two models run with the same seed
    /// share random numbers (common random numbers), whatever `threads` is.
    ///
    /// - Throws: ``ClearanceModelError/invalidInput(_:)`` for an empty or negative range;
    ///   `CancellationError` when `shouldStop` returns true.
    /// - Complexity: O(R × (events × log(teams) + tasks)) for R replications.
    public static func records(
        _ prepared: PreparedClearanceModel, replications: Range<Int>, seed: UInt64, threads: Int = 1,
        shouldStop: (@Sendable () -> Bool)? = nil
    ) throws -> [ReplicationRecord] {
        guard !replications.isEmpty, replications.lowerBound >= 0 else {
            throw ClearanceModelError.invalidInput([ValidationIssue(
                path: "replications", message: "must be a non-empty range of indices ≥ 0, found \(replications)")])
        }
        return try simulate(prepared.compiled, replications: replications, seed: seed, threads: threads,
                            progress: nil, shouldStop: shouldStop)
            .map { ReplicationRecord(summary: $0.summary, releaseDays: $0.releaseDay) }
    }
}
