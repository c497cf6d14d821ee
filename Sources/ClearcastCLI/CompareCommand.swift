import ArgumentParser
import ClearcastDomain
import Foundation
import Reporting
import Scenarios

/// `clearcast compare BASE.yaml OTHER.yaml ...`: scenarios side by side under common random numbers.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run scenarios side by side under common random numbers and compare them with the first.",
        discussion: """
            Every scenario runs with the same seed and replication count (the first scenario's, unless \
            given), so replication i of each draws from the same random streams and differences are \
            not noise. Prints a table, and each other scenario's paired difference from the first with \
            a 90% interval. Variants are usually a few lines that `extends:` the base. Each --set \
            applies to every scenario given (to change one scenario only, write a variant file).

              clearcast compare scenarios/karabakh/baseline.yaml \\
                  scenarios/karabakh/more-survey.yaml \\
                  scenarios/karabakh/funding-freeze.yaml --out out/comparison.json
            """
    )

    @Argument(help: "Scenario files; the first is the base.")
    var scenarios: [String]

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup(title: "Scenario overrides (applied to every scenario)") var set: ScenarioOverrideOptions

    @OptionGroup(title: "Clusters (docs: README, \"Running on a cluster\")") var sharding: ShardOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenario files, found \(scenarios.count)") }
    }

    func run() throws {
        Console.setQuiet(simulation.quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json)]
        try OutputPaths.check(outputs)
        try sharding.requireOut(out)
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let overrides = try set.overrides()
        let loaded = try scenarios.map { try RunContext.loadScenario($0, overrides: overrides) }
        try OutputPaths.check(outputs, against: loaded.flatMap(OutputPaths.inputs(of:)))
        let layers = try loaded.map(RunContext.loadLayers)
        // Common random numbers: one seed and one replication count for all, the base's by default.
        let options = try simulation.options(for: loaded[0])
        for scenario in loaded where scenario.simulation == nil {
            throw ExitStatus.InputError("\(scenario.file.path): simulation: missing; every compared scenario needs one")
        }
        try Self.checkComparable(loaded)
        if sharding.emitTarget != nil {
            let tasks = layers.map(\.hazards.count).max() ?? 0, years = loaded.compactMap(\.simulation?.horizonYears).max() ?? 1
            let seconds = zip(loaded, layers).reduce(0.0) { $0 + ResourceCheck.simulationSeconds($1.0, tasks: $1.1.hazards.count, replications: 1) }
            return try ShardedRun.emit(
                sharding, subcommand: "compare", out: out, total: options.replications, itemsPerShard: 100,
                secondsPerItem: seconds, bytesPerItem: ResourceCheck.simulationBytes(tasks: tasks, years: years, replications: 1),
                fixedBytes: ResourceCheck.residentBytes + ResourceCheck.libraryHeadroom + ResourceCheck.scoringBytes(loaded[0].grid),
                partBytesPerItem: Double(loaded.count) * ShardedRun.partBytes(tasks: tasks, years: years), threads: simulation.threads)
        }
        if let shard = try sharding.parsed() {
            return try runShard(shard, loaded: loaded, layers: layers, options: options)
        }
        try ResourceCheck.confirm(scenarios: loaded, layers: layers, options: options, yes: simulation.yes)
        let provenance = try RunContext.provenance(
            command: "compare", scenarios: Array(zip(loaded, scenarios)), seed: options.seed,
            replications: options.replications, threads: options.threads, reproducible: simulation.reproducible)
        var runs: [ComparisonReport.Run] = []
        let scores = ScoreCache()   // variants that share layers and scoring are scored once
        for (index, (scenario, layer)) in zip(loaded, layers).enumerated() {
            try InterruptHandler.checkpoint()
            let bar = ProgressBar(label: "scenario \(index + 1)/\(loaded.count)", quiet: simulation.quiet)
            let run = try SimulationRun.run(scenario: scenario, layers: layer, options: options, scores: scores,
                                            progress: bar.update, shouldStop: InterruptHandler.stopCheck)
            bar.finish()
            let result = SimulationReport.make(provenance: provenance, scenario: scenario, model: run.model,
                                               forecast: run.forecast, policy: scenario.simulation?.policy.scenarioName ?? "")
            runs.append(.init(scenario: scenario, model: run.model, forecast: run.forecast, result: result))
        }
        let comparison = try ComparisonReport.make(provenance: provenance, runs: runs)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(comparison, to: $0) }])
        Console.output(CompareTable.render(comparison))
        RunContext.reportWritten(out, "comparison")
    }

    /// `--shard K/N`: the shard's replications of every scenario (the same indices for each: common
    /// random numbers survive the cut), written as a part for `clearcast merge`.
    private func runShard(_ shard: Shard, loaded: [Scenario], layers: [ScenarioLayers], options: SimulationRun.Options) throws {
        let range = try shard.range(of: options.replications, items: "replications")
        var slice = options
        slice.replications = range.count
        try ResourceCheck.confirm(scenarios: loaded, layers: layers, options: slice, yes: simulation.yes)
        let provenance = try RunContext.provenance(
            command: "compare", scenarios: Array(zip(loaded, scenarios)), seed: options.seed,
            replications: options.replications, threads: options.threads, reproducible: true)
        let scores = ScoreCache()
        var outcomes: [PartialResult.ScenarioOutcomes] = []
        for (index, (scenario, layer)) in zip(loaded, layers).enumerated() {
            try InterruptHandler.checkpoint()
            let bar = ProgressBar(label: "shard \(shard), scenario \(index + 1)/\(loaded.count)", quiet: simulation.quiet)
            let part = try SimulationRun.part(scenario: scenario, layers: layer, options: options, replications: range,
                                              scores: scores, progress: bar.update, shouldStop: InterruptHandler.stopCheck)
            bar.finish()
            outcomes.append(.init(name: scenario.name, contentHash: provenance.scenarios[index].contentHash,
                                  taskOrder: try SimulationRun.taskOrder(of: part.model), outcomes: part.outcomes))
        }
        let partial = PartialResult(
            command: "compare", provenance: provenance,
            run: ShardedRun.arguments(scenarios: scenarios, set: set, options: options, reproducible: simulation.reproducible),
            shard: .init(shard: shard, total: options.replications, range: range), scenarios: outcomes)
        try ShardedRun.write(partial, to: out, items: "replications")
    }

    /// Rows and JSON keys of a comparison are scenario names, so they must differ (a variant that
    /// `extends:` the base without a `name:` inherits it); different start dates are legal but
    /// change what a paired difference means, so they are said out loud.
    static func checkComparable(_ scenarios: [Scenario]) throws {
        var firstWithName: [String: Scenario] = [:]
        for scenario in scenarios {
            if let earlier = firstWithName[scenario.name] {
                throw ExitStatus.InputError("\(scenario.file.path): name: '\(scenario.name)' is also the name of \(earlier.file.path); expected a distinct name for each compared scenario (a variant that extends another inherits its name: give it its own name:)")
            }
            firstWithName[scenario.name] = scenario
        }
        let starts = Set(scenarios.compactMap { $0.simulation?.startDate })
        if starts.count > 1 {
            Console.warn("the compared scenarios start on different dates (\(starts.sorted().map(\.description).joined(separator: ", "))): replications share random numbers, but the same replication then meets a different calendar, so each paired difference also contains the shift of the start date")
        }
    }
}
