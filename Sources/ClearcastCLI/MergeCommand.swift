import ArgumentParser
import ClearcastDomain
import Foundation
import LinearAlgebra
import Reporting
import Scenarios
import SensitivityAnalysis

/// `clearcast merge PARTS… --out RESULT`: the parts of a sharded run, joined into its result.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the parts of a sharded run (--shard K/N) into the result of the whole run.",
        discussion: """
            Checks that the parts belong together (same command, scenarios and their content hashes, \
            --set, seed, replications, clearcast version, OpenBLAS kernel and shard count) and that \
            every shard 1..N is there exactly once, naming any that is missing or repeated. Then \
            reloads the scenarios from the paths the shards ran with (run it in the same directory; \
            their hashes must still match) and aggregates the outcomes with the code the unsharded \
            run uses: the result has the unsharded run's bytes (with --reproducible, on the same kernel).

              clearcast simulate scenarios/demo/demo.yaml --shard 1/2 --out out/part-1.json
              clearcast simulate scenarios/demo/demo.yaml --shard 2/2 --out out/part-2.json
              clearcast merge out/part-*.json --out out/simulation.json
            """
    )

    @Argument(help: "The parts, in any order (e.g. parts/part-*.json).")
    var parts: [String]

    @Option(name: .long, help: "Write the merged JSON result here.")
    var out: String

    @Option(name: .long, parsing: .unconditional, help: RunContext.threadsHelp)
    var threads: Int?

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("merge needs the parts of a sharded run, e.g. parts/part-*.json") }
        try RunContext.validateThreads(threads)
    }

    func run() throws {
        Console.setQuiet(quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json)]
        try OutputPaths.check(outputs)
        try OutputPaths.check(outputs, against: parts)
        InterruptHandler.install()
        let set = try PartialSet(try parts.map { path in (path: path, part: try PartialResult.read(path)) })
        let first = set.first
        let overrides = try first.run.overrides.map(ScenarioOverride.init)
        let threads = RunContext.applyThreads(threads)
        if let core = first.provenance.blas?.core, core != BLASInfo.coreName {
            Console.warn("the parts were made with the OpenBLAS kernel \(core) and this merge runs \(BLASInfo.coreName): the merged "
                + "result records \(BLASInfo.coreName) and may differ from the unsharded run in the last bits of the scores it "
                + "reloads; set OPENBLAS_CORETYPE=\(core) for the merge to match")
        }
        switch first.command {
        case "sensitivity": try mergeSensitivity(set, overrides: overrides, threads: threads)
        default: try mergeForecasts(set, overrides: overrides, threads: threads)
        }
    }

    /// Refuses to merge when a scenario no longer has the content hash the shards ran on.
    private func checkHashes(_ provenance: Provenance, against part: PartialResult) throws {
        for (now, then) in zip(provenance.scenarios, part.provenance.scenarios) where now.contentHash != then.contentHash {
            throw ExitStatus.InputError("\(now.file): its content hash is \(now.contentHash) but the shards ran on \(then.contentHash); "
                + "expected the scenario and its layers unchanged since the shards ran (run merge in the directory they ran in)")
        }
    }

    private func mergeForecasts(_ set: PartialSet, overrides: [ScenarioOverride], threads: Int) throws {
        let first = set.first, run = first.run
        let loaded = try run.scenarios.map { try RunContext.loadScenario($0, overrides: overrides) }
        let provenance = try RunContext.provenance(
            command: first.command, scenarios: Array(zip(loaded, run.scenarios)), seed: run.seed,
            replications: run.replications, threads: threads, reproducible: run.reproducible)
        try checkHashes(provenance, against: first)
        let scores = ScoreCache()
        var runs: [ComparisonReport.Run] = []
        for (index, scenario) in loaded.enumerated() {
            try InterruptHandler.checkpoint()
            let layers = try RunContext.loadLayers(scenario)
            let merged = try SimulationRun.merged(scenario: scenario, layers: layers, seed: run.seed,
                                                  outcomes: try set.outcomes(scenario: index),
                                                  taskOrder: first.scenarios?[index].taskOrder, scores: scores)
            let result = SimulationReport.make(provenance: provenance, scenario: scenario, model: merged.model,
                                               forecast: merged.forecast, policy: scenario.simulation?.policy.scenarioName ?? "")
            runs.append(.init(scenario: scenario, model: merged.model, forecast: merged.forecast, result: result))
        }
        if first.command == "simulate", let result = runs.first?.result {
            try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
            for warning in result.warnings { Console.warn(warning) }
            Console.output(SimulationTable.render(result))
        } else {
            let comparison = try ComparisonReport.make(provenance: provenance, runs: runs)
            try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(comparison, to: $0) }])
            Console.output(CompareTable.render(comparison))
        }
        RunContext.reportWritten(out, "merged result of \(set.parts.count) parts")
    }

    private func mergeSensitivity(_ set: PartialSet, overrides: [ScenarioOverride], threads: Int) throws {
        let first = set.first, run = first.run
        guard let path = run.scenarios.first, let method = run.method.flatMap(SensitivityDesign.Method.init(rawValue:)),
              let samples = run.samples else {
            throw ExitStatus.InputError("\(set.paths[0]): run: a sensitivity part needs a scenario, method and samples")
        }
        let source = try ScenarioSource(path: path)
        let base = try source.scenario(overrides: overrides)
        for warning in base.warnings { Console.warn(warning.description) }
        guard let spec = base.simulation else {
            throw ExitStatus.InputError("\(base.file.path): simulation: missing; expected a simulation section with teams")
        }
        let provenance = try RunContext.provenance(
            command: "sensitivity", scenarios: [(base, path)], seed: run.seed, replications: run.replications,
            threads: threads, reproducible: run.reproducible)
        try checkHashes(provenance, against: first)
        let layers = try RunContext.loadLayers(base)
        let options = SensitivityRun.Options(method: method, samples: samples, replications: run.replications, seed: run.seed,
                                             threads: threads, overrides: overrides)
        let plan = try SensitivityRun.plan(source: source, base: base, layers: layers, options: options)
        guard plan.pointCount == first.shard.total else {
            throw ExitStatus.InputError("\(set.paths[0]): the parts hold \(first.shard.total) design points but the scenario's design has \(plan.pointCount); expected the uncertainty section the shards ran with")
        }
        let output = try SensitivityRun.finish(plan, values: set.points, options: options)
        let result = SensitivityResult.make(provenance: provenance, scenario: base.name, startDate: spec.startDate.description,
                                            horizonYears: spec.horizonYears, replications: run.replications, samples: samples,
                                            currency: spec.costs?.currency, run: output)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
        Console.output(SensitivityTable.render(result))
        RunContext.reportWritten(out, "merged result of \(set.parts.count) parts")
    }
}
