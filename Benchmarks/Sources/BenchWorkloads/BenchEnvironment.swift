import Foundation
import LinearAlgebra

// MARK: - BenchEnvironment

/// What every benchmark figure is recorded with: the OpenBLAS kernel, the BLAS thread count, the
/// CPU model and the date, so numbers from different machines or days are never compared blindly.
///
/// ```swift
/// BenchEnvironment.setBLASThreads(1)
/// let env = BenchEnvironment.current()
/// print(env.kernel, env.blasThreads, env.cpuModel, env.date)
/// ```
public struct BenchEnvironment: Sendable, Codable, Equatable {
    /// OpenBLAS kernel name (`BLASInfo.coreName`), e.g. `"Haswell"`.
    public var kernel: String
    /// Threads OpenBLAS uses right now (`BLASInfo.threadCount`).
    public var blasThreads: Int
    /// CPU model from `/proc/cpuinfo`.
    public var cpuModel: String
    /// Logical CPUs the process may run on.
    public var logicalCPUs: Int
    /// Date and time of the measurement, ISO 8601 UTC.
    public var date: String
    /// `BLASInfo.kernelAdvisory`: set when OpenBLAS runs older kernels than the CPU supports.
    public var kernelAdvisory: String?
    /// 1-minute load average when measured (`/proc/loadavg`): on a shared machine, a load near or
    /// above the CPU count means other work competed for the cores.
    public var loadAverage: Double?

    /// The environment as it stands now.
    public static func current() -> BenchEnvironment {
        BenchEnvironment(
            kernel: BLASInfo.coreName, blasThreads: BLASInfo.threadCount, cpuModel: BLASInfo.cpuModel,
            logicalCPUs: ProcessInfo.processInfo.activeProcessorCount,
            date: ISO8601DateFormatter().string(from: Date()), kernelAdvisory: BLASInfo.kernelAdvisory,
            loadAverage: (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
                .flatMap { $0.split(separator: " ").first.flatMap { Double($0) } })
    }

    // MARK: BLAS threads

    /// Sets the number of threads clearcast's products run on for the rest of the process
    /// (`BLASInfo.setThreadCount`: fixed blocks on that many threads, OpenBLAS one thread per call).
    /// Returns whether the requested count is now in effect (OpenBLAS caps it at its build limit).
    @discardableResult
    public static func setBLASThreads(_ count: Int) -> Bool {
        BLASInfo.setThreadCount(count) == max(1, count)
    }
}
