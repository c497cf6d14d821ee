import ArgumentParser
import Foundation
import Scenarios

/// `--set PATH=VALUE`, for every command that reads a scenario: changes a field for this run without
/// editing or copying the file. Parsing and application live in `Scenarios.ScenarioOverride`, so a
/// command only includes this group and passes ``overrides`` to `RunContext.loadScenario`.
struct ScenarioOverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp(
                "Change a scenario field for this run (repeatable), e.g. 'simulation.teams[name=mechanical].count=*2'.",
                discussion: """
                    PATH is dotted field names, [N] for item N of a list (from 0) and [KEY=VALUE] for the item \
                    of a list with that field (teams[name=mechanical]). VALUE is a YAML value: 0.5, \
                    nearest_first, [mon, tue], {dist: beta, alpha: 5, beta: 5}; empty removes the field (its \
                    default applies); *F multiplies the current number, or each number of a mapping or list \
                    (capacity_plan=*2). Applied after extends:, in order, and checked like the file; results \
                    record them in provenance. See docs/scenario-format.md.
                    """,
                valueName: "PATH=VALUE"))
    var assignments: [String] = []

    /// The parsed overrides, in the order given.
    ///
    /// - Throws: `ScenarioError` naming the first `--set` that cannot be read (exit 2).
    func overrides() throws -> [ScenarioOverride] {
        try assignments.map(ScenarioOverride.init)
    }

    /// Refuses an unreadable `--set` before anything is read or computed.
    func validate() throws {
        do {
            _ = try overrides()
        } catch let error as ScenarioError {
            throw ValidationError(error.issues.map(\.description).joined(separator: "\n"))
        }
    }
}
