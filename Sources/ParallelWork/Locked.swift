import Foundation

// MARK: - Locked

/// A value that threads share, read and changed only under a lock: clearcast's one lock idiom.
///
/// Why an `NSLock` (a pthread mutex) and not `Synchronization.Mutex`: on Linux the standard library
/// is not built with ThreadSanitizer, so TSan cannot see `Mutex`'s acquire and release and reported
/// correctly locked accesses as races (issue #14, the percentile rank's sorter pool). `make sanitize`
/// is part of CI, so the lock must be one the sanitizer understands.
///
/// ```swift
/// let total = Locked(0)
/// ParallelWork.forEach(8) { i in total.withLock { $0 += i } }
/// total.withLock { $0 }   // 28
/// ```
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
