import ArgumentParser
import Foundation

/// Maps errors to exit codes and prints them on standard error.
///
/// Bad input (a scenario, a layer, an option, an output path) exits 2; anything else is our failure
/// and exits 1; an interrupted run exits 130. Which error is which is decided by type (and case) in
/// `classify` (ExitStatus+Classify.swift), so a new error type of a lower layer is an internal
/// failure until someone decides otherwise there.
enum ExitStatus {
    static let success: Int32 = 0
    static let internalFailure: Int32 = 1
    static let badInput: Int32 = 2
    static let interrupted: Int32 = 130

    /// An error caused by what the user gave us, with a message that says how to fix it.
    struct InputError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A run stopped by SIGINT or SIGTERM at a safe point.
    ///
    /// `written` lists the outputs already published (each complete) before the stop was noticed:
    /// outputs are published one after another, and the user must be told exactly which exist.
    struct Interrupted: Error, CustomStringConvertible {
        var written: [String] = []

        var description: String { "interrupted; " + outcome }

        /// What exists after the stop.
        var outcome: String {
            guard !written.isEmpty else { return "no output was written" }
            return "written before the interrupt (complete): \(written.joined(separator: ", ")); no other output was written"
        }
    }

    /// Prints the message for `error` and returns the exit code.
    ///
    /// - Parameters:
    ///   - fullMessage: ArgumentParser's text for the error (usage errors, `--help`, `--version`).
    ///   - parserCode: ArgumentParser's exit code for the error; it is 1 ("failure") for every
    ///     error that is not its own, and those are classified here instead.
    static func report(_ error: Error, fullMessage: String, parserCode: Int32) -> Int32 {
        let code: Int32
        let message: String
        if parserCode == internalFailure, !(error is ExitCode) {
            (code, message) = classify(error)
        } else if parserCode == 0 {
            // --help and --version end with a "clean exit" that carries its text.
            if !fullMessage.isEmpty { print(fullMessage) }
            return success
        } else if parserCode == 64 {
            (code, message) = (badInput, fullMessage)
        } else {
            (code, message) = (parserCode, fullMessage)
        }
        ProgressBar.endOpenLine()
        if !message.isEmpty { writeToStandardError(TerminalText.escaped(message) + "\n") }
        return code
    }

    /// Writes `text` to standard error with `write(2)`, ignoring failures: a closed or full stderr
    /// (`2>&-`, `2>/dev/full`) must not turn an error message into a crash, as
    /// `FileHandle.write` would.
    static func writeToStandardError(_ text: String) {
        _ = writeAll(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor` with `write(2)` (retrying short writes and EINTR);
    /// false when the stream refused it (closed, full). Never traps.
    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
