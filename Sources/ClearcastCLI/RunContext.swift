import ArgumentParser
import Foundation
import LinearAlgebra
import ParallelWork
import Reporting
import Scenarios

/// What every run records about itself, and the one-time performance advisory.
enum RunContext {
    /// Provenance for a result; `reproducible` leaves out what describes the run rather than the
    /// result (date, threads, the kernel advisory) and keeps the OpenBLAS kernel, which the last bits
    /// of the numbers depend on: the same inputs, seed and kernel give the same bytes, whatever the
    /// thread count.
    static func provenance(command: String, scenarios: [(Scenario, String)], seed: UInt64?, replications: Int?,
                           threads: Int, reproducible: Bool) throws -> Provenance {
        let refs = try scenarios.map { scenario, path in try Provenance.ScenarioRef(scenario: scenario, file: path) }
        return Provenance(
            version: ClearcastVersion.string, command: command, scenarios: refs, seed: seed, replications: replications,
            threads: reproducible ? nil : threads,
            blas: reproducible
                ? .init(core: BLASInfo.coreName, threads: nil, advisory: nil)
                : .init(core: BLASInfo.coreName, threads: BLASInfo.threadCount, advisory: BLASInfo.kernelAdvisory),
            runDate: reproducible ? nil : ISO8601DateFormatter().string(from: Date()))
    }

    /// Help of `--reproducible`, shared by every command that writes a result.
    static let reproducibleHelp = ArgumentHelp(
        "Leave the run date, threads and kernel advisory out of the result.",
        discussion: "The same inputs, seed and OpenBLAS kernel then give identical bytes, whatever the number of threads. "
            + "Results made with another kernel (OPENBLAS_CORETYPE, another CPU) agree within the tolerance the README "
            + "states (relative 1e-9; about 1e-16 measured), and rank hazard areas the same.")

    /// Help of `--threads`, shared by every command that computes.
    static let threadsHelp = ArgumentHelp(
        "Threads for all parallel work: products, ranks, Monte Carlo (default: all cores).",
        discussion: "Results do not depend on it, byte for byte: work is cut into pieces whose shape depends only on the problem.")

    /// Refuses a `--threads` outside 1...1024 (an option error, exit 2).
    static func validateThreads(_ threads: Int?) throws {
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must be between 1 and 1024, found \(threads)")
        }
    }

    /// Bounds every parallel loop of the run by `--threads` (``ParallelWork``) and returns the width
    /// in effect (all cores when not given).
    @discardableResult
    static func applyThreads(_ threads: Int?) -> Int {
        ParallelWork.setWidth(threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    static let quietHelp: ArgumentHelp = "No progress bar, kernel advice or \"written to\" lines; warnings and errors still show."

    /// Says on stderr, once per terminal session, when OpenBLAS runs a slower kernel than this CPU
    /// supports, with the fix (``KernelAdvice``). Advice, not a warning about this run's inputs:
    /// `--quiet` drops it.
    static func adviseOnBLASKernel() {
        KernelAdvice.adviseOnce()
    }

    /// Loads a scenario with the command's `--set` overrides and prints its warnings.
    static func loadScenario(_ path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        let scenario = try ScenarioLoader.load(path: path, overrides: overrides)
        for warning in scenario.warnings { Console.warn(warning.description) }
        return scenario
    }

    /// Loads a scenario's layers and prints their warnings.
    static func loadLayers(_ scenario: Scenario) throws -> ScenarioLayers {
        let layers = try ScenarioLayers.load(scenario)
        for warning in layers.warnings { Console.warn(warning.description) }
        return layers
    }

    /// Checks that an output file can be written before spending minutes computing it.
    static func checkWritable(_ path: String?, option: String) throws {
        guard let path else { return }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExitStatus.InputError("\(option) \(path): directory \(directory) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw ExitStatus.InputError("\(option) \(path): directory \(directory) is not writable")
        }
    }

    /// Tells where an output went.
    static func reportWritten(_ path: String?, _ what: String) {
        if let path { Console.info("\(what) written to \(path)") }
    }
}
