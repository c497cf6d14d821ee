import Foundation
import Synchronization

/// Messages for people on standard error; results go to files or standard output. Everything
/// shown passes through ``TerminalText/escaped(_:)``: it may quote a scenario file.
///
/// Written with `write(2)` through ``ExitStatus/writeToStandardError(_:)``, never `FileHandle`,
/// whose `write` traps when standard error is closed or full (`2>&-`, `2>/dev/full`): a message
/// that cannot be shown is dropped, and the run goes on.
enum Console {
    static func warn(_ message: String) {
        ExitStatus.writeToStandardError("warning: " + TerminalText.escaped(message) + "\n")
    }

    /// Set by `--quiet`: progress and "written to" lines are dropped; warnings and errors stay.
    private static let quiet = Atomic<Bool>(false)
    static var isQuiet: Bool { quiet.load(ordering: .relaxed) }
    static func setQuiet(_ value: Bool) { quiet.store(value, ordering: .relaxed) }

    static func info(_ message: String) {
        guard !isQuiet else { return }
        ExitStatus.writeToStandardError(TerminalText.escaped(message) + "\n")
    }

    /// Set when standard output could not take a result (full disk, closed): the run then ends
    /// with an error instead of exit 0 with the table silently lost.
    private static let outputLost = Atomic<Bool>(false)
    static var outputFailed: Bool { outputLost.load(ordering: .relaxed) }

    /// A result (table, summary) on standard output, with control characters from files escaped;
    /// written with write(2), so a failure is seen (print's buffer would drop it at exit).
    static func output(_ text: String) {
        if !ExitStatus.writeAll(TerminalText.escaped(text) + "\n", to: STDOUT_FILENO) {
            outputLost.store(true, ordering: .relaxed)
        }
    }
}
