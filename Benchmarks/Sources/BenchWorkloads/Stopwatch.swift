import Foundation

// MARK: - Stopwatch

/// Wall-clock timing for the summary tool: the best (minimum) of a few runs, which is the figure
/// least disturbed by other users of a shared machine.
///
/// ```swift
/// let seconds = Stopwatch.best(of: 3) { try workload.run() }
/// ```
public enum Stopwatch {
    /// Seconds one call of `body` takes.
    public static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Minimum seconds over `runs` calls of `body` (at least one run).
    public static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, runs) { best = min(best, try time(body)) }
        return best
    }
}
