import Foundation

/// The address-space limit (`ulimit -v`, `RLIMIT_AS`) a run must fit in.
///
/// Why this exists: OpenBLAS starts one worker thread per core when the library loads, before
/// `main`, and each worker reserves a 128 MB buffer; under a low limit the reservation fails and
/// OpenBLAS retries it forever, so the process spun at full CPU and could not even exit (its exit
/// handler joins that worker). Measured on 2 cores: the demo needs ~650 MB of address space.
/// A limit too low for that is refused at once with `_exit`, which skips the exit handler that
/// would hang; a higher limit caps the memory estimate (`ResourceCheck`), so a run that would
/// not fit is refused before it allocates instead of failing in the middle.
enum AddressSpace {
    /// The limit in bytes, or nil when unlimited.
    static var limit: Double? {
        var value = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &value) == 0, value.rlim_cur != rlim_t.max else { return nil }
        return Double(value.rlim_cur)
    }

    /// Address space this process already reserves (VmSize), in bytes (0 where `/proc` is missing).
    static var reservedBytes: Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Smallest limit a run starts under: the libraries (~300 MB) plus, per core, OpenBLAS' buffer
    /// and a malloc arena (~192 MB).
    static var minimumBytes: Double {
        (300 + 192 * Double(ProcessInfo.processInfo.activeProcessorCount)) * 1_048_576
    }

    /// Ends the process with exit code 2 and a message when the limit is below ``minimumBytes``.
    static func refuseIfTooLow() {
        guard let limit, limit < minimumBytes else { return }
        ExitStatus.writeToStandardError(String(
            format: "error: the address-space limit (ulimit -v) is %.0f MB; clearcast needs at least %.0f MB on this machine's %d cores (OpenBLAS reserves a 128 MB buffer per core when it loads); raise the limit (ulimit -v unlimited), and bound a run's memory with CLEARCAST_MEMORY_LIMIT_MB instead\n",
            limit / 1e6, minimumBytes / 1e6, ProcessInfo.processInfo.activeProcessorCount))
        _exit(ExitStatus.badInput)
    }
}
