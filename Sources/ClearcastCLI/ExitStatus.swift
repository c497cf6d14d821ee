import ArgumentParser
import Foundation
import Scenarios

/// Maps errors to exit codes and prints them on standard error.
///
/// Bad input (a scenario, a layer, an option) exits 2; anything else is our failure and exits 1.
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

    /// A run stopped by SIGINT or SIGTERM.
    struct Interrupted: Error, CustomStringConvertible {
        var description: String { "interrupted; no output was written" }
    }

    static func report(_ error: Error, fullMessage: String, parserCode: Int32) -> Int32 {
        let code: Int32
        let message: String
        switch error {
        case let error as ScenarioError:
            (code, message) = (badInput, "error: " + error.description)
        case let error as InputError:
            (code, message) = (badInput, "error: " + error.description)
        case is Interrupted:
            (code, message) = (interrupted, "clearcast: interrupted; no output was written")
        default:
            if let classified = classify(error) {
                (code, message) = classified
            } else if parserCode == 0 {
                // --help and --version end with a "clean exit" that carries its text.
                if !fullMessage.isEmpty { print(fullMessage) }
                return 0
            } else if parserCode == 64 {
                (code, message) = (badInput, fullMessage)
            } else if parserCode == 1, !(error is ExitCode) {
                (code, message) = (internalFailure, "internal error: \(error)")
            } else {
                (code, message) = (parserCode, fullMessage)
            }
        }
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        return code
    }
}
