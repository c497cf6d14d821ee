import ArgumentParser
import Foundation
import Reporting
import Scenarios

/// `clearcast simulate SCENARIO --out result.json`: Monte Carlo forecast of land release.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Forecast clearance with a seeded Monte Carlo discrete-event simulation.",
        discussion: """
            Teams work through land release (non-technical survey cancels, technical survey reduces, \
            clearance clears) under the scenario's calendar, seasons, travel, accidents and funding. \
            Prints completion-date quantiles overall and per contamination type, area released per \
            year and casualties expected and averted; writes the full result as JSON.

              clearcast simulate scenarios/demo/demo.yaml --replications 200 \\
                  --out out/simulation.json
              clearcast simulate scenarios/karabakh/baseline.yaml \\
                  --set simulation.land_release.nts_cancel_share.alpha=58 \\
                  --set simulation.land_release.nts_cancel_share.beta=42
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @Option(name: .long, help: "Write the hazard areas with forecast release dates as a GIS layer (.gpkg or .geojson).")
    var hazards: String?

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    @OptionGroup(title: "Clusters (docs: README, \"Running on a cluster\")") var sharding: ShardOptions

    func run() throws {
        Console.setQuiet(simulation.quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json),
                       OutputPaths.Request(option: "--hazards", path: hazards, extensions: OutputPaths.vector)]
        try OutputPaths.check(outputs)
        try sharding.requireOut(out, refusing: [("--hazards", hazards != nil)])
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let loaded = try RunContext.loadScenario(scenario, overrides: set.overrides())
        try OutputPaths.check(outputs, against: OutputPaths.inputs(of: loaded))
        let options = try simulation.options(for: loaded)
        let layers = try RunContext.loadLayers(loaded)
        try InterruptHandler.checkpoint()
        let tasks = layers.hazards.count, years = loaded.simulation?.horizonYears ?? 1
        if sharding.emitTarget != nil {
            return try ShardedRun.emit(
                sharding, subcommand: "simulate", out: out, total: options.replications, itemsPerShard: 100,
                secondsPerItem: ResourceCheck.simulationSeconds(loaded, tasks: tasks, replications: 1),
                bytesPerItem: ResourceCheck.simulationBytes(tasks: tasks, years: years, replications: 1),
                fixedBytes: ResourceCheck.residentBytes + ResourceCheck.libraryHeadroom + ResourceCheck.scoringBytes(loaded.grid),
                partBytesPerItem: ShardedRun.partBytes(tasks: tasks, years: years), threads: simulation.threads)
        }
        if let shard = try sharding.parsed() {
            return try runShard(shard, loaded: loaded, layers: layers, options: options)
        }
        try ResourceCheck.confirm(scenarios: [loaded], layers: [layers], options: options, yes: simulation.yes)
        let bar = ProgressBar(label: "simulating", quiet: simulation.quiet)
        let run = try SimulationRun.run(scenario: loaded, layers: layers, options: options, progress: bar.update,
                                        shouldStop: InterruptHandler.stopCheck)
        bar.finish()
        let provenance = try RunContext.provenance(
            command: "simulate", scenarios: [(loaded, scenario)], seed: options.seed, replications: options.replications,
            threads: options.threads, reproducible: simulation.reproducible)
        let result = SimulationReport.make(provenance: provenance, scenario: loaded, model: run.model,
                                           forecast: run.forecast, policy: loaded.simulation?.policy.scenarioName ?? "")
        try InterruptHandler.publishAll([
            .init(out) { try ResultEncoding.write(result, to: $0) },
            .init(hazards) { try GISExport.writeHazards(run, layers: layers, to: $0) },
        ])
        for warning in result.warnings { Console.warn(warning) }
        Console.output(SimulationTable.render(result))
        RunContext.reportWritten(out, "result")
        RunContext.reportWritten(hazards, "hazard layer")
    }

    /// `--shard K/N`: only the shard's replications, written as a part for `clearcast merge`.
    private func runShard(_ shard: Shard, loaded: Scenario, layers: ScenarioLayers, options: SimulationRun.Options) throws {
        let range = try shard.range(of: options.replications, items: "replications")
        var slice = options
        slice.replications = range.count
        try ResourceCheck.confirm(scenarios: [loaded], layers: [layers], options: slice, yes: simulation.yes)
        let bar = ProgressBar(label: "shard \(shard)", quiet: simulation.quiet)
        let part = try SimulationRun.part(scenario: loaded, layers: layers, options: options, replications: range,
                                          progress: bar.update, shouldStop: InterruptHandler.stopCheck)
        bar.finish()
        let provenance = try RunContext.provenance(
            command: "simulate", scenarios: [(loaded, scenario)], seed: options.seed, replications: options.replications,
            threads: options.threads, reproducible: true)
        let partial = PartialResult(
            command: "simulate", provenance: provenance,
            run: ShardedRun.arguments(scenarios: [scenario], set: set, options: options, reproducible: simulation.reproducible),
            shard: .init(shard: shard, total: options.replications, range: range),
            scenarios: [.init(name: loaded.name, contentHash: provenance.scenarios[0].contentHash,
                              taskOrder: try SimulationRun.taskOrder(of: part.model), outcomes: part.outcomes)])
        try ShardedRun.write(partial, to: out, items: "replications")
    }
}
