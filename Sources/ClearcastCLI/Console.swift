import Foundation

/// Messages for people on standard error; results go to files or standard output.
///
/// Written with `write(2)` through ``ExitStatus/writeToStandardError(_:)``, never `FileHandle`,
/// whose `write` traps when standard error is closed or full (`2>&-`, `2>/dev/full`): a message
/// that cannot be shown is dropped, and the run goes on.
enum Console {
    static func warn(_ message: String) {
        ExitStatus.writeToStandardError("warning: " + message + "\n")
    }

    static func info(_ message: String) {
        ExitStatus.writeToStandardError(message + "\n")
    }
}
