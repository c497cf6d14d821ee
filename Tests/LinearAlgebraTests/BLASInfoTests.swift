import LinearAlgebra
import ParallelWork
import Testing

// MARK: - BLASInfo

@Suite("BLASInfo")
struct BLASInfoTests {
    @Test func reportsLibraryState() {
        #expect(!BLASInfo.coreName.isEmpty)
        #expect(BLASInfo.threadCount >= 1)
        #expect(!BLASInfo.cpuModel.isEmpty)
    }

    /// The count is process-wide state, so it is changed in a child process (an exit test), never
    /// under the other suites that run in parallel in this one.
    @Test func setThreadCountTakesEffectAndClampsToOne() async {
        await #expect(processExitsWith: .success) {
            precondition(BLASInfo.setThreadCount(1) == 1 && BLASInfo.threadCount == 1)
            precondition(BLASInfo.setThreadCount(0) == 1 && BLASInfo.setThreadCount(-3) == 1)
            precondition(BLASInfo.setThreadCount(3) == 3 && ParallelWork.width == 3)
        }
    }

    @Test func advisoryForOldKernelsOnNewCPUs() throws {
        let avx512: Set<String> = ["sse4_2", "avx", "avx2", "fma", "avx512f"]
        let avx2: Set<String> = ["sse4_2", "avx", "avx2", "fma"]
        let message = try #require(BLASInfo.advisory(coreName: "Haswell", cpuFlags: avx512, cpuModel: "AMD EPYC"))
        #expect(message.contains("OPENBLAS_CORETYPE=SkylakeX"))
        #expect(message.contains("0.3.21"))
        #expect(message.contains("AMD EPYC"))
        #expect(BLASInfo.advisory(coreName: "Zen", cpuFlags: avx512) != nil)
        #expect(BLASInfo.advisory(coreName: "Prescott", cpuFlags: avx512)?.contains("SkylakeX") == true)
        #expect(BLASInfo.advisory(coreName: "SkylakeX", cpuFlags: avx512) == nil)
        #expect(BLASInfo.advisory(coreName: "Cooperlake", cpuFlags: avx512) == nil)
        for old in ["Prescott", "Core2", "Nehalem", "generic", "Atom", "Sandybridge"] {
            #expect(BLASInfo.advisory(coreName: old, cpuFlags: avx2)?.contains("OPENBLAS_CORETYPE=Haswell") == true)
        }
        #expect(BLASInfo.advisory(coreName: "Haswell", cpuFlags: avx2) == nil)
        #expect(BLASInfo.advisory(coreName: "Zen", cpuFlags: avx2) == nil)
        #expect(BLASInfo.advisory(coreName: "Prescott", cpuFlags: ["sse2", "sse3"]) == nil)
    }

    @Test func parsesCPUInfo() {
        let text = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC 9654 96-Core Processor
            flags\t\t: fpu sse2 avx avx2 fma avx512f

            processor\t: 1
            model name\t: other
            flags\t\t: fpu
            """
        let info = BLASInfo.parseCPUInfo(text)
        #expect(info.model == "AMD EPYC 9654 96-Core Processor")
        #expect(info.flags == ["fpu", "sse2", "avx", "avx2", "fma", "avx512f"])
        #expect(BLASInfo.parseCPUInfo("").model == "unknown")
    }
}
