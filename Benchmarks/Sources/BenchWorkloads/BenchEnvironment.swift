import Foundation
import LinearAlgebra

#if canImport(Glibc)
import Glibc
#endif

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

    /// Sets the number of OpenBLAS threads for the rest of the process.
    ///
    /// LinearAlgebra exposes no setter, so this looks `openblas_set_num_threads` up in the loaded
    /// libraries (OpenBLAS is linked into every clearcast binary). Returns false when the symbol is
    /// missing (a non-OpenBLAS BLAS); then use the `OPENBLAS_NUM_THREADS` environment variable per run.
    @discardableResult
    public static func setBLASThreads(_ count: Int) -> Bool {
        guard let setter = blasThreadSetter else { return false }
        setter(Int32(max(1, count)))
        return BLASInfo.threadCount == max(1, count)
    }

    private typealias ThreadSetter = @convention(c) (Int32) -> Void

    private static let blasThreadSetter: ThreadSetter? = {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "openblas_set_num_threads") else {
            return nil
        }
        return unsafeBitCast(symbol, to: ThreadSetter.self)
        #else
        return nil
        #endif
    }()
}
