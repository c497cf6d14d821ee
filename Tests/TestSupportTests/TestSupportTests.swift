import _TestSupport
import EventSimulation
import Foundation
import Testing

/// The shared helpers themselves: a helper that cannot fail would make the tests using it unable to fail.
@Suite struct TestSupportTests {
    // MARK: SeededGenerator

    @Test func seededGeneratorDrawsWhatSplitMix64Draws() {
        var seeded = SeededGenerator(seed: 0)
        var reference = SplitMix64(state: 0)
        let first = seeded.next()
        #expect(first == 0xe220_a839_7b1d_cdaf)   // the reference C code's first output
        #expect(first == reference.next())
        for _ in 0..<100 { #expect(seeded.next() == reference.next()) }
        #expect(SeededGenerator(state: 9) == SeededGenerator(seed: 9))
    }

    // MARK: Approximate equality

    @Test func approximateEqualityUsesTheLargerOfTheTolerances() {
        #expect(isApproximatelyEqual(0.1 + 0.2, 0.3))
        #expect(!isApproximatelyEqual(1, 1 + 1e-9))
        #expect(isApproximatelyEqual(100, 100.05, relative: 1e-3))
        #expect(!isApproximatelyEqual(100, 101, relative: 1e-3))
        #expect(isApproximatelyEqual(1e-20, 0, absolute: 1e-15))
        #expect(!isApproximatelyEqual(1e-20, 0))
        #expect(isApproximatelyEqual(.infinity, .infinity) && !isApproximatelyEqual(.infinity, -.infinity))
        #expect(!isApproximatelyEqual(.nan, .nan) && !isApproximatelyEqual(1, .infinity, relative: 1))
        #expect(isApproximatelyEqual([1, 2, 3], [1, 2, 3 + 1e-14]))
        #expect(!isApproximatelyEqual([1, 2], [1, 2, 3]))
        #expect(!isApproximatelyEqual([1, 2], [1, 2.1]))
    }

    @Test func differencesAreLargestAndNaNNeverPasses() {
        #expect(maxAbsDifference([], []) == 0)
        #expect(maxAbsDifference([1, -2, 3], [1.5, -2, 1]) == 2)
        #expect(maxAbsDifference([1, .nan], [1, 2]).isNaN)
        #expect(!(maxAbsDifference([.nan, 1], [0, 1]) < 1))
        #expect(maxRelativeDifference([10, 21], [10, 20]) == 0.05)
        #expect(maxRelativeDifference([1e-300], [0]) > 1)
    }

    @Test func statisticalTolerancesAreZStandardErrors() {
        #expect(isApproximatelyEqual(Tolerance.mean(variance: 4, n: 100), 5 * 0.2))
        #expect(isApproximatelyEqual(Tolerance.proportion(p: 0.5, n: 100, z: 2), 2 * 0.05))
        // Normal data: excess kurtosis 0, so Var(s²) ≈ 2σ⁴/n.
        #expect(isApproximatelyEqual(Tolerance.variance(variance: 1, excessKurtosis: 0, n: 200, z: 1), 0.1))
    }

    // MARK: ScratchDirectory

    @Test func scratchDirectoryIsRemovedWhenReleasedOrRemoved() throws {
        var scratch: ScratchDirectory? = try ScratchDirectory("support")
        let url = try #require(scratch?.url)
        #expect(url.lastPathComponent.hasPrefix("clearcast-support-"))
        #expect(url.path.hasPrefix(FileManager.default.temporaryDirectory.path))
        let file = try #require(try scratch?.write("x", to: "a/b.txt"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
        #expect(try scratch?.contents() == ["a"])
        scratch = nil
        #expect(!FileManager.default.fileExists(atPath: url.path))

        let second = try ScratchDirectory()
        try second.write(Data([1, 2]), to: "c.bin")
        second.remove()
        #expect(!FileManager.default.fileExists(atPath: second.path))
        second.remove()   // again: harmless
    }

    // MARK: ProcessRunner

    @Test func processRunnerSeparatesStreamsAndReportsTheStatus() throws {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo out; echo err >&2; exit 3"])
        #expect(run.status == 3 && run.stdout == "out\n" && run.stderr == "err\n")
        #expect(!run.succeeded && !run.signalled && !run.timedOut)
        #expect(run.combined == "out\n\nerr\n")
    }

    /// A child that fills both pipes (far beyond the 64 KiB a pipe buffers) must not block.
    @Test(.timeLimit(.minutes(1)))
    func processRunnerNeverBlocksOnAChattyChild() throws {
        let script = "yes e | head -c 3000000 >&2; yes o | head -c 2000000"
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], timeout: .seconds(50))
        #expect(run.succeeded, "\(run.status) \(run.timedOut)")
        #expect(run.stderr.utf8.count == 3_000_000 && run.stdout.utf8.count == 2_000_000)
    }

    @Test func processRunnerUsesDirectoryEnvironmentAndNullInput() throws {
        let scratch = try ScratchDirectory("runner")
        defer { scratch.remove() }
        let run = try ProcessRunner.run(command: "sh", ["-c", "pwd; echo \"$CLEARCAST_PROBE\"; cat; echo \"$PATH\""],
                                        in: scratch.url, environment: ["CLEARCAST_PROBE": "set"])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(run.succeeded, "\(run.stderr)")
        #expect(URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath() == scratch.url.resolvingSymlinksInPath())
        #expect(lines[1] == "set")
        #expect(lines[2] == ProcessInfo.processInfo.environment["PATH"], "the inherited environment is kept; stdin is empty")
        #expect(throws: (any Error).self) { try ProcessRunner.run(scratch.fileURL("no-such-program")) }
    }

    @Test(.timeLimit(.minutes(1)))
    func processRunnerStopsAChildThatRunsPastTheTimeout() throws {
        // `sleep 300` would end by itself only after the time limit: being signalled and marked
        // timed out is the proof that the runner stopped it (no clock is read here).
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo begun; exec sleep 300"],
                                        timeout: .seconds(5))
        #expect(run.timedOut && run.signalled && !run.succeeded)
        #expect(run.stdout == "begun\n")
    }

    // MARK: TestEnvironment

    @Test func packageRootIsThePackage() {
        #expect(FileManager.default.fileExists(atPath: TestEnvironment.packageURL("Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: TestEnvironment.packageURL("Sources/_TestSupport").path))
        if let shared = TestEnvironment.sharedDataDirectory {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        #expect(TestEnvironment.sharedFile("no/such/file.csv") == nil)
    }

    @Test(.enabled(if: TestEnvironment.hasPython, "needs python3 on PATH (or CLEARCAST_PYTHON)"))
    func pythonModulesAreCheckedForReal() throws {
        #expect(!TestEnvironment.hasPythonModules(["clearcast_no_such_module"]))
        #expect(TestEnvironment.hasPythonModules(["json", "sys"]))
        let run = try TestEnvironment.runPython(["-c", "import sys; print(sys.argv[1])", "hi"])
        #expect(run.stdout == "hi\n" && run.succeeded)
    }
}
