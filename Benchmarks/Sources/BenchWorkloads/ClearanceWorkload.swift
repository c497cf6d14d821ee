import ClearanceModel

// MARK: - ClearanceWorkload

/// Monte Carlo replications of the synthetic national-scale clearance programme
/// (`ClearanceModel.syntheticNationalScale`: 5,000 hazard areas, 300 teams, 15-year horizon).
///
/// ```swift
/// let w = ClearanceWorkload()
/// let forecast = try w.run(replications: 100, threads: 2)
/// ```
public struct ClearanceWorkload: Sendable {
    /// The model simulated.
    public let model: ClearanceModel
    /// Master seed of the Monte Carlo run.
    public let seed: UInt64

    /// Builds the synthetic model.
    public init(tasks: Int = 5_000, teams: Int = 300, horizonYears: Int = 15, modelSeed: UInt64 = 1, seed: UInt64 = 2026) {
        model = ClearanceModel.syntheticNationalScale(tasks: tasks, teams: teams, seed: modelSeed, horizonYears: horizonYears)
        self.seed = seed
    }

    /// Runs `replications` replications on `threads` worker threads.
    /// - Complexity: O(replications × (events × log(teams) + tasks)).
    public func run(replications: Int, threads: Int) throws -> ClearanceForecast {
        try MonteCarloRunner.run(model, replications: replications, seed: seed, threads: threads)
    }
}
