import ArgumentParser
import ClearcastDomain
import Foundation
import Reporting
import Scenarios
import SensitivityAnalysis

/// `clearcast sensitivity SCENARIO`: which of the scenario's uncertain inputs move its forecast most.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank a scenario's uncertain inputs by how much they move its forecast.",
        discussion: """
            Varies the inputs listed in the scenario's uncertainty: section (a --set path with a range \
            of values or a scale factor each; docs/scenario-format.md) over a design, forecasts every \
            design point with the same random numbers, and ranks the inputs per output (completion per \
            contamination type, civilian casualties, cost, or those the section lists). Methods: oat, \
            each input at its low and high end, the others as written (a tornado; 1 + 2 × inputs \
            points); morris, elementary effects on --samples random paths (screening, and a sign of \
            interactions; samples × (inputs + 1) points); sobol, variance-based first-order and total \
            indices with bootstrap intervals (samples × (inputs + 2) points). --replications is per \
            point. Every input's ends are checked before anything runs.

              clearcast sensitivity scenarios/karabakh/baseline.yaml --method morris \\
                  --samples 10 --replications 40 --out out/sensitivity.json
              clearcast report out/sensitivity.json --notebook out/sensitivity.ipynb
            """
    )

    static let methods = ["oat", "morris", "sobol"]
    /// Morris trajectories and Sobol base samples when --samples is not given.
    static let defaultSamples = ["morris": 10, "sobol": 32]

    @Argument(help: "The scenario file (YAML or JSON), with an uncertainty: section.")
    var scenario: String

    @Option(name: .long, help: "oat (one at a time), morris (screening) or sobol (variance-based).")
    var method = "morris"

    @Option(name: .long, parsing: .unconditional,
            help: "Morris trajectories (default 10) or Sobol base samples (default 32); not for oat.")
    var samples: Int?

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    @OptionGroup(title: "Clusters (docs: README, \"Running on a cluster\")") var sharding: ShardOptions

    func validate() throws {
        guard Self.methods.contains(method) else {
            let hint = Spelling.closest(to: method, among: Self.methods).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("--method: found '\(method)'; expected oat, morris or sobol\(hint)")
        }
        if let samples {
            if method == "oat" { throw ValidationError("--samples applies to morris and sobol; oat has 1 + 2 × inputs points") }
            let least = method == "sobol" ? 2 : 1
            if !(least...100_000).contains(samples) {
                throw ValidationError("--samples must be between \(least) and 100000 for \(method), found \(samples)")
            }
        }
    }

    func run() throws {
        Console.setQuiet(simulation.quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json)]
        try OutputPaths.check(outputs)
        try sharding.requireOut(out)
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let overrides = try set.overrides()
        // Read once: every design point builds its scenario from the same merged files.
        let source = try ScenarioSource(path: scenario)
        let base = try source.scenario(overrides: overrides)
        for warning in base.warnings { Console.warn(warning.description) }
        try OutputPaths.check(outputs, against: OutputPaths.inputs(of: base))
        guard let uncertainty = base.uncertainty, !uncertainty.inputs.isEmpty else {
            throw ExitStatus.InputError("\(base.file.path): uncertainty: missing; sensitivity varies the inputs that section lists, "
                + "e.g. uncertainty: {inputs: [{path: simulation.teams[kind=manual].count, range: [2, 6]}]} "
                + "(docs/scenario-format.md, \"The uncertainty section\")")
        }
        let options = try simulation.options(for: base)  // (refuses a scenario without a simulation section)
        guard let spec = base.simulation else {
            throw ExitStatus.InputError("\(base.file.path): simulation: missing; expected a simulation section with teams")
        }
        let layers = try RunContext.loadLayers(base)
        try InterruptHandler.checkpoint()
        let design = try designMethod()
        let samples = self.samples ?? Self.defaultSamples[method] ?? 0
        let d = uncertainty.inputs.count
        let points = switch design {
        case .oneAtATime: 1 + 2 * d
        case .morris: samples * (d + 1) + 1
        case .sobol: samples * (d + 2) + 1
        }
        let runOptions = SensitivityRun.Options(method: design, samples: samples, replications: options.replications,
                                                seed: options.seed, threads: options.threads, overrides: overrides)
        if sharding.emitTarget != nil {
            let tasks = layers.hazards.count, years = spec.horizonYears
            return try ShardedRun.emit(
                sharding, subcommand: "sensitivity", out: out, total: points, itemsPerShard: 1,
                secondsPerItem: ResourceCheck.simulationSeconds(base, tasks: tasks, replications: options.replications),
                bytesPerItem: 0,  // points run one after another: memory is one forecast's, whatever the shard's size
                fixedBytes: ResourceCheck.residentBytes + ResourceCheck.libraryHeadroom + ResourceCheck.scoringBytes(base.grid)
                    + ResourceCheck.simulationBytes(tasks: tasks, years: years, replications: options.replications),
                partBytesPerItem: 64, threads: simulation.threads)
        }
        if let shard = try sharding.parsed() {
            let plan = try SensitivityRun.plan(source: source, base: base, layers: layers, options: runOptions)
            let range = try shard.range(of: plan.pointCount, items: "design points")
            try ResourceCheck.confirm(scenarios: [base], layers: [layers], options: options, yes: simulation.yes, runs: range.count)
            let bar = ProgressBar(label: "shard \(shard): design points", quiet: simulation.quiet)
            let values = try SensitivityRun.evaluate(plan, points: range, source: source, layers: layers, options: runOptions,
                                                     progress: bar.update, shouldStop: InterruptHandler.stopCheck)
            bar.finish()
            let provenance = try RunContext.provenance(
                command: "sensitivity", scenarios: [(base, scenario)], seed: options.seed, replications: options.replications,
                threads: options.threads, reproducible: true)
            let partial = PartialResult(
                command: "sensitivity", provenance: provenance,
                run: ShardedRun.arguments(scenarios: [scenario], set: set, options: options, reproducible: simulation.reproducible,
                                          method: method, samples: samples),
                shard: .init(shard: shard, total: plan.pointCount, range: range), points: values)
            return try ShardedRun.write(partial, to: out, items: "design points")
        }
        try ResourceCheck.confirm(scenarios: [base], layers: [layers], options: options, yes: simulation.yes, runs: points)
        Console.info("\(points) design points × \(options.replications) replications (\(method), \(d) inputs)")
        let bar = ProgressBar(label: "design points", quiet: simulation.quiet)
        let run = try SensitivityRun.run(source: source, base: base, layers: layers, options: runOptions,
                                         progress: bar.update, shouldStop: InterruptHandler.stopCheck)
        bar.finish()
        let provenance = try RunContext.provenance(
            command: "sensitivity", scenarios: [(base, scenario)], seed: options.seed, replications: options.replications,
            threads: options.threads, reproducible: simulation.reproducible)
        let result = SensitivityResult.make(provenance: provenance, scenario: base.name, startDate: spec.startDate.description,
                                            horizonYears: spec.horizonYears, replications: options.replications, samples: samples,
                                            currency: spec.costs?.currency, run: run)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
        Console.output(SensitivityTable.render(result))
        RunContext.reportWritten(out, "result")
    }

    private func designMethod() throws -> SensitivityDesign.Method {
        guard let method = SensitivityDesign.Method(rawValue: method) else {
            throw ExitStatus.InputError("--method: found '\(method)'; expected oat, morris or sobol")
        }
        return method
    }
}
