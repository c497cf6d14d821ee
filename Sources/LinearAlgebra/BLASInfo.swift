import CLinearAlgebra
import Foundation
import ParallelWork

// MARK: - BLASInfo

/// What BLAS library clearcast runs on and whether it uses the best kernels for this CPU.
///
/// Debian 12 ships OpenBLAS 0.3.21, whose runtime CPU detection predates several newer CPUs
/// (e.g. AMD Zen 4, recent Intel Xeons). On those it silently falls back to an older kernel
/// (`Prescott`, `Haswell`, `Zen`, ...) and matrix products run at a fraction of the possible speed.
/// ``kernelAdvisory`` spots that case so the CLI and benchmarks can say so once.
///
/// ```swift
/// print(BLASInfo.coreName, BLASInfo.threadCount, BLASInfo.cpuModel)
/// if let advice = BLASInfo.kernelAdvisory { print(advice) }
/// ```
public enum BLASInfo {
    /// The OpenBLAS kernel in use (`openblas_get_corename()`), e.g. `"Haswell"` or `"SkylakeX"`.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Threads that clearcast's products use (`ParallelWork.width`). OpenBLAS itself always runs one
    /// thread per call: the products are cut into fixed blocks, so results never depend on this count.
    public static var threadCount: Int { ParallelWork.width }

    /// Sets the number of threads the products use for the rest of the process
    /// (`ParallelWork.setWidth`); counts below 1 mean 1. Returns the count now in effect.
    ///
    /// ```swift
    /// BLASInfo.setThreadCount(1)   // single-threaded products, e.g. for a 1-thread benchmark
    /// ```
    /// Products already running are not affected; results never depend on the thread count.
    @discardableResult
    public static func setThreadCount(_ count: Int) -> Int {
        ParallelWork.setWidth(count)
    }

    /// CPU model name from `/proc/cpuinfo`, or `"unknown"` where that file does not exist.
    public static let cpuModel: String = cpuInfo.model

    /// CPU feature flags from `/proc/cpuinfo` (e.g. `"avx2"`, `"avx512f"`); empty where unavailable.
    public static let cpuFlags: Set<String> = cpuInfo.flags

    /// A one-paragraph warning when OpenBLAS runs a generic or older kernel although the CPU supports
    /// a better one; nil when the kernel fits the CPU (or the CPU is unknown).
    ///
    /// clearcast never sets `OPENBLAS_CORETYPE` itself: the advice is for the person running it.
    public static let kernelAdvisory: String? = advisory(coreName: coreName, cpuFlags: cpuFlags, cpuModel: cpuModel)

    // MARK: Advisory logic

    /// Kernels that use AVX-512.
    static let avx512Kernels: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]
    /// Kernels that use at least AVX2 + FMA.
    static let avx2Kernels: Set<String> = avx512Kernels.union(["haswell", "zen"])

    /// The advisory for a given kernel name and CPU flag set (separated out so it can be tested).
    ///
    /// Returns a message when the CPU has `avx512f` but the kernel is not an AVX-512 one
    /// (recommending `SkylakeX`), or has `avx2` and `fma` but the kernel is older than Haswell
    /// (recommending `Haswell`); nil otherwise.
    public static func advisory(coreName: String, cpuFlags: Set<String>, cpuModel: String = "this CPU") -> String? {
        let core = coreName.lowercased()
        let recommended: String
        let feature: String
        if cpuFlags.contains("avx512f"), !avx512Kernels.contains(core) {
            recommended = "SkylakeX"
            feature = "AVX-512"
        } else if cpuFlags.contains("avx2"), cpuFlags.contains("fma"), !avx2Kernels.contains(core) {
            recommended = "Haswell"
            feature = "AVX2"
        } else {
            return nil
        }
        return "OpenBLAS is using its \(coreName) kernels, but the CPU (\(cpuModel)) supports \(feature). "
            + "Debian's OpenBLAS 0.3.21 does not recognise newer CPUs and falls back to older kernels, so matrix "
            + "products run slower than they could. To use the faster kernels, run with the environment variable "
            + "OPENBLAS_CORETYPE=\(recommended) (clearcast never sets it itself)."
    }

    // MARK: /proc/cpuinfo

    private static let cpuInfo: (model: String, flags: Set<String>) = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return ("unknown", []) }
        return parseCPUInfo(text)
    }()

    /// Model name and flags of the first processor listed in `/proc/cpuinfo` text.
    public static func parseCPUInfo(_ text: String) -> (model: String, flags: Set<String>) {
        var model: String?
        var flags: Set<String>?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "model name", model == nil { model = value }
            if key == "flags", flags == nil { flags = Set(value.split(separator: " ").map(String.init)) }
            if model != nil, flags != nil { break }
        }
        return (model ?? "unknown", flags ?? [])
    }
}
