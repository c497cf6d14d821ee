import Foundation
import LinearAlgebra

/// The OpenBLAS kernel advice (``BLASInfo/kernelAdvisory``), said once per terminal session rather
/// than on every command.
///
/// A planner who runs `score`, `simulate` and `report` in one shell needs the advice once: after
/// that it is noise that hides the warnings about their inputs. The advice is shown when
/// - OpenBLAS runs a slower kernel than the CPU supports (``BLASInfo/kernelAdvisory`` is set),
/// - `--quiet` is not given and `CLEARCAST_KERNEL_ADVICE` is not `off`, and
/// - no earlier command of the same session (`getsid`, the terminal's login session) said it for
///   the same kernel: a marker file `kernel-advice-<session>-<kernel>` in `$XDG_RUNTIME_DIR/clearcast`
///   (or `$TMPDIR/clearcast-<uid>`) remembers that it was said.
/// `CLEARCAST_KERNEL_ADVICE=always` shows it on every command. The advice is recorded in every
/// result's provenance either way (except with `--reproducible`).
enum KernelAdvice {
    enum Mode: Equatable { case once, always, off }

    /// The mode `CLEARCAST_KERNEL_ADVICE` asks for (`once` when unset or unrecognised).
    static func mode(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Mode {
        switch environment["CLEARCAST_KERNEL_ADVICE"]?.lowercased() {
        case "off", "0", "no", "never": .off
        case "always": .always
        default: .once
        }
    }

    /// Where the markers live: a per-user directory that the session's end clears where possible.
    static func markerDirectory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return URL(fileURLWithPath: runtime).appendingPathComponent("clearcast")
        }
        let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return URL(fileURLWithPath: temporary).appendingPathComponent("clearcast-\(getuid())")
    }

    /// Prints the advice on stderr when the rules above say so.
    static func adviseOnce() {
        guard let advisory = BLASInfo.kernelAdvisory, !Console.isQuiet else { return }
        let environment = ProcessInfo.processInfo.environment
        switch mode(environment) {
        case .off: return
        case .always: Console.warn(advisory)
        case .once:
            if claimMarker(in: markerDirectory(environment), kernel: BLASInfo.coreName) {
                Console.warn(advisory + " (Said once per terminal session; CLEARCAST_KERNEL_ADVICE=off silences it.)")
            }
        }
    }

    /// Creates the session's marker and returns true, or returns false when it already exists.
    /// When the marker cannot be written (read-only or foreign directory) it returns true: saying
    /// the advice again is better than never saying it.
    static func claimMarker(in directory: URL, kernel: String) -> Bool {
        let session = getsid(0)
        let safeKernel = kernel.filter { $0.isLetter || $0.isNumber }
        let marker = directory.appendingPathComponent("kernel-advice-\(session)-\(safeKernel)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch { return true }
        // O_EXCL: of two commands started together, exactly one says it.
        let fd = open(marker.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd >= 0 {
            close(fd)
            return true
        }
        return errno != EEXIST
    }
}
