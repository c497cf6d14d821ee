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
/// - commands call ``checkpoint()`` between phases (after loading, after scoring) and publish each
///   output through ``publish(_:_:)``, which checks before starting a file. A file that has started
///   is finished (writing is atomic, temp file then rename, and takes seconds at most), so no
///   output is ever partial, and the message says exactly which outputs exist;
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
    /// Outputs published (complete) and the one being written now.
    private static let outputs = Locked<(published: [String], writing: String?)>(([], nil))
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
        if let writing = outputs.withLock({ $0.writing }) { AtomicFile.removeTemporaryFiles(of: writing) }
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

    /// Writes one output (when `path` is given) unless a stop was requested, and records it.
    ///
    /// `write` receives `path` and must publish atomically (`AtomicFile`); while it runs, a second
    /// signal removes its temporary files before quitting.
    static func publish(_ path: String?, _ write: (String) throws -> Void) throws {
        guard let path else { return }
        try checkpoint()
        outputs.withLock { $0.writing = path }
        defer { outputs.withLock { $0.writing = nil } }
        try write(path)
        outputs.withLock { $0.published.append(path) }
    }
}
