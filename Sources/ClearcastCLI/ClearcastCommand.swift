import ArgumentParser

/// The `clearcast` command: risk-priority scoring and clearance forecasting for mine action.
public struct ClearcastCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clearcast",
        abstract: "Risk-priority scoring and clearance forecasting for humanitarian mine action.",
        subcommands: []
    )
    public init() {}
}
