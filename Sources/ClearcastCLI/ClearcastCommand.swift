import ArgumentParser
import ClearanceModel
import ClearcastDomain
import Foundation

/// The `clearcast` command: risk-priority scoring and clearance forecasting for mine action.
///
/// Exit codes: 0 success, 2 bad input (scenario, layer, option), 1 internal failure,
/// 130 interrupted.
public struct ClearcastCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clearcast",
        abstract: "Risk-priority scoring and clearance forecasting for humanitarian mine action.",
        discussion: """
            A scenario file (YAML or JSON, see docs/scenario-format.md) names a grid, layers of past \
            incidents, settlements and hazard areas, scoring weights and clearance resources.

              clearcast validate scenarios/demo/demo.yaml
            """,
        version: ClearcastVersion.string,
        subcommands: [ValidateCommand.self, ScoreCommand.self, SimulateCommand.self, CompareCommand.self, PlanCommand.self,
                      SensitivityCommand.self, CalibrateCommand.self, MergeCommand.self, ReportCommand.self]
    )

    public init() {}

    /// Runs the command line and returns the process exit code (never traps on bad input).
    ///
    /// An interrupt (see `InterruptHandler`) ends here too: the command throws at a safe point and
    /// this returns 130 on the calling thread, so `main` exits only after every worker has stopped.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Int32 {
        // Swift's runtime treats SIGQUIT (Ctrl-\\) as a crash: it printed "Program crashed" and the
        // process then exited 0. Restore the default (end at once, exit status 131), which is what
        // a user who sends it means; SIGINT and SIGTERM stop cleanly (InterruptHandler).
        signal(SIGQUIT, SIG_DFL)
        // A parent may hand it down blocked (a mask is inherited across exec): unblock it.
        var quit = sigset_t()
        sigemptyset(&quit)
        sigaddset(&quit, SIGQUIT)
        pthread_sigmask(SIG_UNBLOCK, &quit, nil)
        AddressSpace.refuseIfTooLow()
        if let unknown = unknownSubcommand(in: arguments) {
            ExitStatus.writeToStandardError(TerminalText.escaped(unknown) + "\n")
            return ExitStatus.badInput
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            // A stop requested while the last output was written: everything exists, but the user
            // asked to stop and is told so (with the list of outputs), and scripts see 130.
            try InterruptHandler.checkpoint()
            if Console.outputFailed {
                ExitStatus.writeToStandardError("error: standard output could not be written (full or closed); the table was not shown (output files, if any, are complete)\n")
                return ExitStatus.internalFailure
            }
            return 0
        } catch {
            return ExitStatus.report(error, fullMessage: fullMessage(for: error), parserCode: exitCode(for: error).rawValue)
        }
    }

    /// The message for a first argument that is neither an option nor a command (`clearcast
    /// calibrate --help` printed the general help and exited 0, as if the command existed).
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        var message = "error: '\(first)' is not a clearcast command; expected one of \(names.dropLast().joined(separator: ", "))"
        if let guess = Spelling.closest(to: first, among: names) { message += "; did you mean '\(guess)'?" }
        return message
    }
}
