import ArgumentParser
import ClearanceModel
import ClearcastDomain
import Foundation
import Scenarios

/// `clearcast validate SCENARIO`: checks a scenario file and its layers without running anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and its layers; report every problem found.",
        discussion: """
            Reads the scenario (and the files it extends), every layer (reprojected to the grid CRS), \
            and builds the scoring weights and the clearance model, without running them. Exits 0 \
            when the scenario is valid (warnings go to standard error), 2 when it is not, with each \
            problem's file, line, field and what was expected.

              clearcast validate scenarios/demo/demo.yaml
              clearcast validate scenarios/karabakh/baseline.yaml \\
                  --set 'simulation.teams[name=mechanical].count=*2'
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Flag(name: .long, help: "Print nothing on success (the exit status says it); warnings and errors still show.")
    var quiet = false

    @OptionGroup(title: "Scenario overrides") var set: ScenarioOverrideOptions

    func run() throws {
        Console.setQuiet(quiet)
        // Reading a large layer can take a while: Ctrl-C and SIGTERM end it with 130 like every command.
        InterruptHandler.install()
        let loaded = try RunContext.loadScenario(scenario, overrides: set.overrides())
        let layers = try RunContext.loadLayers(loaded)
        try InterruptHandler.checkpoint()
        _ = try loaded.priorityParameters()
        try ValidateCommand.checkSimulation(loaded, layers: layers)
        guard !quiet else { return }
        let grid = layers.grid
        Console.output("\(scenario): valid scenario '\(loaded.name)'")
        for override in loaded.overrides { Console.output("  with --set \(override)") }
        Console.output("  grid: \(grid.columns) x \(grid.rows) cells of \(grid.cellSize) m in EPSG:\(grid.epsg)")
        Console.output("  layers: \(layers.incidents.count) incidents (\(layers.incidentsOutsideGrid) outside the grid), "
            + "\(layers.settlements.count) settlements, \(layers.hazards.count) hazard areas"
            + (layers.landUse.map { ", \($0.count) land-use polygons" } ?? ""))
        if let simulation = loaded.simulation {
            Console.output("  simulation: \(simulation.teams.count) team group\(simulation.teams.count == 1 ? "" : "s"), \(simulation.replications) replications from \(simulation.startDate)")
        }
    }

    /// Builds the clearance model when the scenario has a simulation section.
    static func checkSimulation(_ scenario: Scenario, layers: ScenarioLayers) throws {
        guard scenario.simulation != nil else { return }
        let model = try scenario.clearanceModel(layers: layers, ranking: [])
        for warning in model.warnings { Console.warn(warning) }
    }
}
