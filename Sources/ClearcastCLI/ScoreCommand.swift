import ArgumentParser
import ClearanceModel
import ClearcastDomain
import Foundation
import Reporting
import RiskModel
import Scenarios

/// `clearcast score SCENARIO --out result.json`: the risk-priority surface and the hazard ranking.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score risk priority on the grid and rank the hazard areas.",
        discussion: """
            Builds the incident-density, return-pressure, contamination and land-value layers, combines \
            them with the scenario's weights, and ranks the hazard areas with each factor's share. \
            With --holdout-after DATE, the incident layer uses only incidents before DATE (aged to \
            DATE), and the surface is scored on the incidents from DATE on: hit rate and PAI in the \
            top 5/10/20% of area and ROC AUC, beside uniform, contamination-only and density-only \
            baselines.

              clearcast score scenarios/demo/demo.yaml --out out/score.json \\
                  --raster out/priority.tif
              clearcast score scenarios/colombia/antioquia-2010.yaml \\
                  --holdout-after 2011-01-01 --out out/v.json
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Write the JSON result here.")
    var out: String?

    @Option(name: .long, help: "Write the layers and the composite score as a GeoTIFF here.")
    var raster: String?

    @Option(name: .long, help: "Write the ranked hazard areas as a GIS layer here (.gpkg or .geojson).")
    var hazards: String?

    @Option(name: .long, help: "Validate on incidents from this date (YYYY-MM-DD) on.")
    var holdoutAfter: String?

    @Option(name: .long, help: "Number of ranked hazard areas to print.")
    var top: Int = 10

    @Option(name: .long, parsing: .unconditional, help: RunContext.threadsHelp)
    var threads: Int?

    @Flag(name: .long, help: RunContext.reproducibleHelp)
    var reproducible = false

    @Flag(name: .long, help: RunContext.quietHelp)
    var quiet = false

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    func validate() throws { try RunContext.validateThreads(threads) }

    func run() throws {
        Console.setQuiet(quiet)
        let width = RunContext.applyThreads(threads)
        let outputs = [OutputPaths.Request(option: "--out", path: out, extensions: OutputPaths.json),
                       OutputPaths.Request(option: "--raster", path: raster, extensions: OutputPaths.raster),
                       OutputPaths.Request(option: "--hazards", path: hazards, extensions: OutputPaths.vector)]
        try OutputPaths.check(outputs)
        let cutoff = try holdoutDate()
        InterruptHandler.install()
        RunContext.adviseOnBLASKernel()
        let loaded = try RunContext.loadScenario(scenario, overrides: set.overrides())
        try OutputPaths.check(outputs, against: OutputPaths.inputs(of: loaded))
        try ResourceCheck.confirmScoring(loaded, raster: raster != nil)
        let layers = try RunContext.loadLayers(loaded)
        try InterruptHandler.checkpoint()
        let scoring = try ScoringRun.run(scenario: loaded, layers: layers, holdoutAfter: cutoff)
        let provenance = try RunContext.provenance(
            command: "score", scenarios: [(loaded, scenario)], seed: nil, replications: nil, threads: width,
            reproducible: reproducible)
        let result = ScoreReport.make(provenance: provenance, scenario: loaded, layers: layers, run: scoring)
        // Scoring itself cannot stop half-way (RiskModel takes no stop check): `publish` checks before each file.
        try InterruptHandler.publishAll([
            .init(out) { try ResultEncoding.write(result, to: $0) },
            .init(raster) { try GISExport.writeRaster(scoring.assessment, grid: layers.grid, to: $0) },
            .init(hazards) { try GISExport.writeHazards(result, layers: layers, to: $0) },
        ])
        Console.output(ScoreTable.render(result, top: top))
        RunContext.reportWritten(out, "result")
        RunContext.reportWritten(raster, "raster")
        RunContext.reportWritten(hazards, "hazard layer")
    }

    private func holdoutDate() throws -> CivilDate? {
        guard let text = holdoutAfter else { return nil }
        guard let date = CivilDate.parse(text) else {
            throw ExitStatus.InputError("--holdout-after: found '\(text)', expected a date written YYYY-MM-DD")
        }
        return date
    }
}
