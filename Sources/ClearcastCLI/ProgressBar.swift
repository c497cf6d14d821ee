import Foundation
import ParallelWork
import Synchronization

/// A progress bar on standard error for long runs.
///
/// It stays silent for the first second (short runs print nothing), when standard error is not a
/// terminal (logs and CI stay clean), and with `--quiet`. Safe to call from worker threads.
/// After an interrupt it stops drawing, so the run's last message starts on a line of its own.
final class ProgressBar: Sendable {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lastDrawn = Locked(-1)

    /// True while some bar has drawn a line without ending it (it is redrawn with `\r`); messages
    /// printed then (an error, an interrupt) end that line first. Held while drawing, so that a
    /// message from the interrupt handler's thread and a bar from a worker never interleave.
    private static let lineOpen = Locked(false)

    /// With `CLEARCAST_TEST_READY_LINE=1`, the first update also writes `clearcast: ready: <label>`
    /// on a line of its own (terminal or not, `--quiet` or not): tests that interrupt a run wait for
    /// it instead of sleeping, since from then on the run is in its replications and checks for
    /// interrupts. The bar itself is no such signal: it draws only on a terminal, after a second.
    private static let announcesReadiness = ProcessInfo.processInfo.environment["CLEARCAST_TEST_READY_LINE"] == "1"
    private let announced = Atomic<Bool>(false)

    init(label: String, quiet: Bool) {
        self.label = label
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Records that `completed` of `total` units are done.
    func update(_ completed: Int, _ total: Int) {
        if Self.announcesReadiness, !announced.exchange(true, ordering: .relaxed) {
            ExitStatus.writeToStandardError("clearcast: ready: \(label) (\(completed)/\(total))\n")
        }
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        let percent = total > 0 ? completed * 100 / total : 100
        lastDrawn.withLock { lastDrawn in
            guard percent != lastDrawn else { return }
            lastDrawn = percent
            let width = 30, filled = width * percent / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let done = completed >= total
            Self.lineOpen.withLock { open in
                // Checked under the lock the interrupt notice also takes: no bar is drawn after it.
                guard !InterruptHandler.isRequested else { return }
                let eta = done ? "" : Self.remaining(elapsed: Date().timeIntervalSince(start), completed: completed, total: total)
                // Trailing spaces clear what a longer previous line (a longer ETA) left behind.
                ExitStatus.writeToStandardError("\r\(label) [\(bar)] \(percent)% (\(completed)/\(total))\(eta)    " + (done ? "\n" : ""))
                open = !done
            }
        }
    }

    /// ", about 3 min left", from the rate so far (nothing until some work is done).
    static func remaining(elapsed: TimeInterval, completed: Int, total: Int) -> String {
        guard completed > 0, total > completed, elapsed > 0 else { return "" }
        let seconds = elapsed / Double(completed) * Double(total - completed)
        switch seconds {
        case ..<60: return String(format: ", about %.0f s left", max(seconds, 1))
        case ..<7_200: return String(format: ", about %.0f min left", seconds / 60)
        default: return String(format: ", about %.1f h left", seconds / 3_600)
        }
    }

    /// Ends the line if a bar was drawn.
    func finish() {
        lastDrawn.withLock { lastDrawn in
            if enabled, lastDrawn >= 0 { Self.endOpenLine() }
        }
    }

    /// Ends a bar's line left open, so that the next message starts on a line of its own; returns
    /// whether there was one.
    @discardableResult
    static func endOpenLine() -> Bool {
        lineOpen.withLock { open in
            guard open else { return false }
            ExitStatus.writeToStandardError("\n")
            open = false
            return true
        }
    }
}
