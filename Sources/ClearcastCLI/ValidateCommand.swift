import ArgumentParser
import Foundation
import Scenarios

/// `clearcast validate SCENARIO`: checks a scenario file and its layers without running anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and its layers; report every problem found.",
        discussion: """
            Exits 0 when the scenario is valid (warnings go to standard error), 2 when it is not.

              clearcast validate scenarios/demo/demo.yaml
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        for warning in loaded.warnings { Console.warn(warning.description) }
        print("\(scenario): valid scenario '\(loaded.name)'")
        print("  grid: EPSG:\(loaded.grid.epsg), cell size \(loaded.grid.cellSize) m")
    }
}
