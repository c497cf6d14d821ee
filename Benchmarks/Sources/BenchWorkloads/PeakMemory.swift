import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: - PeakMemory

/// Peak resident memory of a region of code, from Linux's `/proc/self/status`.
///
/// Writing `5` to `/proc/self/clear_refs` resets the kernel's high-water mark (`VmHWM`) to the
/// current resident size, so `VmHWM` after the region minus `VmRSS` before it is the region's peak
/// growth. This counts every page the region touched, BLAS buffers included, which malloc
/// counters do not see.
///
/// ```swift
/// let (bytes, _) = PeakMemory.measure { try workload.run() }
/// ```
public enum PeakMemory {
    /// Peak growth of resident memory during `body`, in bytes (nil where `/proc` is unavailable).
    public static func measure<T>(_ body: () throws -> T) rethrows -> (peakBytes: Int?, result: T) {
        // glibc keeps freed memory of earlier runs resident (its mmap threshold grows after large
        // frees); hand it back first, or the region would reuse it and show no growth.
        _ = trimHeap?(0)
        let reset = resetHighWaterMark()
        let before = statusField("VmRSS")
        let result = try body()
        let after = statusField("VmHWM")
        guard reset, let before, let after else { return (nil, result) }
        return (max(0, after - before), result)
    }

    /// Current resident size, bytes.
    public static var residentBytes: Int? { statusField("VmRSS") }

    private typealias Trim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim` (not in Swift's Glibc module, which leaves out malloc.h).
    private static let trimHeap: Trim? = {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    private static func resetHighWaterMark() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    /// A `kB` field of `/proc/self/status`, in bytes.
    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
