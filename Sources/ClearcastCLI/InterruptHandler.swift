import AtomicFiles
import ClearanceModel
import Dispatch
import Foundation
import ParallelWork
import Synchronization

/// Stops a run cleanly on Ctrl-C (SIGINT) or SIGTERM, with exit code 130.
///
/// Why it is built this way: calling `exit()` from the signal's dispatch thread while Monte Carlo
/// workers, OpenBLAS or GDAL still run makes `exit` tear down libraries (atexit handlers, static
/// destructors, GDAL's driver manager) under threads that are using them; a GeoPackage being
/// written then crashed with SIGSEGV and left its temporary file behind. So the signal only records
/// the request (an atomic counter), and the work stops itself at safe points:
///
/// - Monte Carlo workers ask ``stopCheck`` before each replication (`simulate` and `compare` pass it
///   to `SimulationRun.run`) and the runner throws `CancellationError`;
/// - commands call ``checkpoint()`` between phases (after loading, after scoring) and publish their
///   outputs through ``publishAll(_:)``: each is written to a staging file, and all are renamed into
///   place together at the end, so a run publishes all its outputs or none, and never a partial one;
/// - the error travels up to `runMain`, which prints it and returns 130 to `main`, on the main
///   thread, after every worker has joined.
///
/// A second signal means the user will not wait (a layer read that blocks, a long GDAL write): the
/// temporary files of the output being written are removed and the process ends at once with
/// `_exit(130)`, which skips the atexit handlers that make `exit()` unsafe here. The writer runs
/// until `_exit`, so a file it creates after the sweep survives: SQLite opens a new `-journal` per
/// transaction (measured: 6–8 of 200 double signals aimed at a GeoPackage write left one; a single
/// signal never leaves anything, since the write then finishes and is renamed into place).
enum InterruptHandler {
    /// Signals received in this run.
    private static let signals = Atomic<Int>(0)
    /// Outputs published (complete), and those staged or being written now (removed on a second signal).
    private static let outputs = Locked<(published: [String], pending: [String])>(([], []))
    /// The installed dispatch sources (kept alive for the whole run).
    private static let sources = Locked<[any DispatchSourceSignal]>([])
    private static let queue = DispatchQueue(label: "clearcast.interrupts")

    /// Routes SIGINT and SIGTERM to ``receive()``; idempotent. Installed by the commands that run
    /// long or write files; the others keep the default action (end at once, nothing to clean up).
    static func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                // Signals that arrive before the handler runs are merged; `data` counts them.
                source.setEventHandler { receive(count: Int(source.data)) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// True once a stop was requested; cheap enough to ask before every replication.
    static var isRequested: Bool { signals.load(ordering: .relaxed) > 0 }

    /// The check Monte Carlo workers call before each replication (`MonteCarloRunner.run(shouldStop:)`).
    static let stopCheck: @Sendable () -> Bool = { isRequested }

    /// Handles `count` signals, on the handler's queue (never in signal context, never on a worker).
    static func receive(count received: Int = 1) {
        let count = signals.add(max(1, received), ordering: .relaxed).newValue
        // A terminal shows "^C" without a newline: start the message on a line of its own.
        let newline = !ProgressBar.endOpenLine() && isatty(STDERR_FILENO) == 1 ? "\n" : ""
        if count == 1 {
            ExitStatus.writeToStandardError(newline + "clearcast: stopping at the next safe point (interrupt again to quit at once)\n")
            return
        }
        for path in outputs.withLock({ $0.pending }) { AtomicFile.removeTemporaryFiles(of: path) }
        // An output whose rename won the race with this line is complete, though not listed.
        ExitStatus.writeToStandardError(newline + "clearcast: interrupted again; quit at once; \(interruptedError().outcome)\n")
        _exit(ExitStatus.interrupted)
    }

    /// Throws ``ExitStatus/Interrupted`` when a stop was requested: call between phases of a run.
    static func checkpoint() throws {
        if isRequested { throw interruptedError() }
    }

    /// The error for a stop now, listing the outputs already published.
    static func interruptedError() -> ExitStatus.Interrupted {
        ExitStatus.Interrupted(written: outputs.withLock { $0.published })
    }

    /// One output of a run: where it goes (nil when the option was not given) and how to write it.
    struct Output {
        var path: String?
        var write: (String) throws -> Void
        init(_ path: String?, _ write: @escaping (String) throws -> Void) {
            self.path = path
            self.write = write
        }
    }

    /// Writes every output of a run, then publishes them together: all or none.
    ///
    /// Each output is first written completely to a hidden staging file beside its destination
    /// (`write` receives that path and publishes to it atomically); a stop requested before the
    /// last one is written, or a failed write, removes the staged files and leaves every earlier
    /// result in place. Only then are they renamed over their destinations, with no safe point in
    /// between, so "interrupted; no output was written" is always true when it is said.
    static func publishAll(_ requested: [Output]) throws {
        var staged: [(staging: String, path: String)] = []
        do {
            for output in requested {
                guard let path = output.path else { continue }
                try checkpoint()
                let staging = AtomicFile.stagingPath(for: path)
                outputs.withLock { $0.pending.append(path) }
                staged.append((staging, path))
                try output.write(staging)
            }
            try checkpoint()
            try AtomicFile.commit(staged)
        } catch {
            outputs.withLock { $0.pending = [] }
            AtomicFile.discard(staged)
            throw error
        }
        outputs.withLock { $0.published.append(contentsOf: staged.map(\.path)); $0.pending = [] }
    }
}
