import ArgumentParser
import Foundation
import Scenarios

/// Options shared by `simulate` and `compare`.
struct SimulationOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Monte Carlo replications (default: the scenario's).")
    var replications: Int?

    @Option(name: .long, parsing: .unconditional, help: "Master seed (default: the scenario's). The same seed gives the same result.")
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: RunContext.threadsHelp)
    var threads: Int?

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    @Flag(name: .long, help: RunContext.reproducibleHelp)
    var reproducible = false

    @Flag(name: .long, help: "Run even when the estimate says it will take very long.")
    var yes = false

    func validate() throws {
        if let replications, !(1...1_000_000).contains(replications) {
            throw ValidationError("--replications must be between 1 and 1000000, found \(replications)")
        }
        try RunContext.validateThreads(threads)
    }

    /// The run options for `scenario`: command-line values win over the scenario's. `--threads` also
    /// bounds the threads of the matrix products (the score a simulation is built on).
    func options(for scenario: Scenario) throws -> SimulationRun.Options {
        guard let spec = scenario.simulation else {
            throw ExitStatus.InputError("\(scenario.file.path): simulation: missing; expected a simulation section with teams")
        }
        return SimulationRun.Options(replications: replications ?? spec.replications, seed: seed ?? spec.seed,
                                     threads: RunContext.applyThreads(threads))
    }
}
