import Dispatch
import Foundation
import Synchronization

// MARK: - ParallelWork

/// The one bound on clearcast's threads: every parallel loop (matrix products, layer normalisation,
/// percentile ranks, Monte Carlo replications) runs through ``forEach(_:_:)`` on at most ``width``
/// threads, so `--threads N` means N, BLAS included (OpenBLAS itself runs one thread per call).
///
/// Results never depend on the width: callers cut their work into pieces whose number and shape
/// depend only on the problem, and piece `i` always runs the same code on the same data.
///
/// ```swift
/// ParallelWork.setWidth(2)                       // e.g. from `--threads 2`
/// ParallelWork.forEach(pieces.count) { i in work(pieces[i]) }
/// ```
public enum ParallelWork {
    /// Threads parallel loops use (at least 1); the number of logical CPUs by default.
    public static var width: Int { widthStorage.load(ordering: .relaxed) }

    /// Sets ``width`` for the rest of the process (counts below 1 mean 1) and returns it.
    @discardableResult
    public static func setWidth(_ count: Int) -> Int {
        widthStorage.store(max(1, count), ordering: .relaxed)
        return width
    }

    private static let widthStorage = Atomic<Int>(max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Runs `body(i)` once for every `i` in `0 ..< count`, on up to ``width`` threads, and returns
    /// when all have finished. Piece `i` runs on worker `i % workers` (a static deal: the pieces
    /// callers make are of similar size, and nothing depends on scheduling).
    ///
    /// - Complexity: `count` calls of `body`, spread over `min(width, count)` threads.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(width, count)
        if workers <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: count, by: workers) { body(i) }
        }
    }

    /// `body(i)` for every `i` in `0 ..< count` in parallel, collecting the results in index order.
    ///
    /// ```swift
    /// let sums = ParallelWork.map(chunks.count) { c in chunks[c].reduce(0, +) }
    /// ```
    public static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let results = Locked([Result?](repeating: nil, count: count))
        forEach(count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        let values = results.withLock { $0.compactMap { $0 } }
        precondition(values.count == count, "ParallelWork.map: a piece produced no result")
        return values
    }
}
