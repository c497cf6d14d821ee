import Foundation

/// A progress bar on standard error for long runs.
///
/// It stays silent for the first second (short runs print nothing), when standard error is not a
/// terminal (logs and CI stay clean), and with `--quiet`. Safe to call from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var lastDrawn = -1

    init(label: String, quiet: Bool) {
        self.label = label
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Records that `completed` of `total` units are done.
    func update(_ completed: Int, _ total: Int) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        let percent = total > 0 ? completed * 100 / total : 100
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30, filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% (\(completed)/\(total))".utf8))
        if completed >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Ends the line if a bar was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if enabled, lastDrawn >= 0, lastDrawn < 100 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
