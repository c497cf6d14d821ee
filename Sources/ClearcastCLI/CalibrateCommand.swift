import ArgumentParser
import Calibration
import Foundation
import Reporting
import Scenarios

/// `clearcast calibrate SCENARIO --observed FILE`: which parameter values reproduce a reported series,
/// what the series pins down and what it leaves open, and the forecast over what it leaves open.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit scenario parameters to an observed yearly series and say what the data identify.",
        discussion: """
            Spreads --points over the box of the chosen parameters (a Halton design), simulates the \
            scenario at each with --replications replications and the same seed (common random \
            numbers), and compares the simulated released area with the observed figures (total, \
            by method or by type; docs/calibration.md gives the file format). The points whose \
            distance lies within the chi-square threshold of the best are accepted (the --level \
            likelihood-ratio region). For each parameter it reports the accepted range and whether \
            the data identify it; for each pair whether only a combination is identified (a \
            trade-off such as cancellation share against capacity), with the splits the data allow; \
            and completion per contamination type pooled over every accepted parameter set.

            Parameters: --param PATH=LOW..HIGH (a value), PATH=*LOW..HIGH (a factor), \
            PATH=*~LOW..HIGH (a factor, products rounded to whole teams), paths joined by ',' move \
            together; or --input LABEL to take an input of the scenario's uncertainty: section; \
            with neither, every input of that section.

              clearcast calibrate scenarios/karabakh/baseline.yaml \\
                  --observed scenarios/karabakh/backtest-observed.csv \\
                  --input "NTS cancellation share" --input "funding (all teams)" \\
                  --points 60 --replications 10 --out out/calibration.json
            """
    )

    @Argument(help: "The scenario file (YAML or JSON); its start date must precede the observed periods.")
    var scenario: String

    @Option(name: .long, help: "CSV of observed figures (period_start, period_end, metric, value[, unit, type, relative_error]).")
    var observed: String

    @Option(name: .long, parsing: .unconditionalSingleValue, help: "A parameter to fit: PATH=LOW..HIGH, PATH=*LOW..HIGH or PATH=*~LOW..HIGH (repeatable).")
    var param: [String] = []

    @Option(name: .long, help: "An input of the scenario's uncertainty: section to fit, by label or path (repeatable).")
    var input: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Design points over the parameters' box (default 40).")
    var points = 40

    @Option(name: .long, parsing: .unconditional, help: "Confidence level of the accepted set (default 0.9).")
    var level = 0.9

    @Option(name: .customLong("observation-error"), parsing: .unconditional,
            help: "Relative reporting error of an observed figure without its own relative_error (default 0.05 = ±5 %).")
    var observationError = 0.05

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    func validate() throws {
        guard (2...100_000).contains(points) else { throw ValidationError("--points must be between 2 and 100000, found \(points)") }
        guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1 (e.g. 0.9), found \(level)") }
        guard observationError > 0, observationError < 10 else {
            throw ValidationError("--observation-error must be a relative error > 0 (0.05 = ±5 %), found \(observationError)")
        }
        if !param.isEmpty && !input.isEmpty { throw ValidationError("give --param or --input, not both") }
    }

    func run() throws {
        Console.setQuiet(simulation.quiet)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json)]
        try OutputPaths.check(outputs)
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let overrides = try set.overrides()
        let source = try ScenarioSource(path: scenario)
        let base = try source.scenario(overrides: overrides)
        for warning in base.warnings { Console.warn(warning.description) }
        try OutputPaths.check(outputs, against: OutputPaths.inputs(of: base) + [observed])
        let parameters = param.isEmpty ? try CalibrationParameter.select(input, from: base.uncertainty, file: base.file.path)
            : try param.map(CalibrationParameter.parse)
        guard !parameters.isEmpty else {
            throw ExitStatus.InputError("\(base.file.path): nothing to fit; give --param PATH=LOW..HIGH or --input LABEL, "
                + "or an uncertainty: section (docs/calibration.md)")
        }
        let series = try ObservedSeries.read(path: observed)
        let options = try simulation.options(for: base)  // (refuses a scenario without a simulation section)
        let layers = try RunContext.loadLayers(base)
        try InterruptHandler.checkpoint()
        try ResourceCheck.confirm(scenarios: [base], layers: [layers], options: options, yes: simulation.yes, runs: points + 1)
        Console.info("\(points) design points and the scenario as written × \(options.replications) replications "
            + "(\(parameters.count) parameter\(parameters.count == 1 ? "" : "s"), \(series.rows.count) observed figures)")
        let bar = ProgressBar(label: "design points", quiet: simulation.quiet)
        let run = try CalibrationRun.run(
            source: source, base: base, layers: layers, parameters: parameters, observed: series,
            options: .init(points: points, replications: options.replications, seed: options.seed, threads: options.threads,
                           level: level, observationError: observationError, overrides: overrides),
            progress: bar.update, shouldStop: InterruptHandler.stopCheck)
        bar.finish()
        let provenance = try RunContext.provenance(
            command: "calibrate", scenarios: [(base, scenario)], seed: options.seed, replications: options.replications,
            threads: options.threads, reproducible: simulation.reproducible)
        let result = CalibrationResult.make(provenance: provenance, scenario: base.name, observedFile: observed,
                                            replications: options.replications, observationError: observationError, run: run)
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(result, to: $0) }])
        Console.output(CalibrationTable.render(result))
        RunContext.reportWritten(out, "result")
    }
}
