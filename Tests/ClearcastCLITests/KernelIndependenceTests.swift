import _TestSupport
import Foundation
import LinearAlgebra
import Testing

/// The demo score and simulation agree across OpenBLAS kernels (README, "Reproducibility"): each is
/// run in child processes with `OPENBLAS_CORETYPE=Prescott` (every x86-64 CPU), `Haswell` (CPUs with
/// AVX2) and the environment's own setting, and compared by ``ResultAgreement``: numbers within the
/// stated relative tolerance, the hazard ranking identical except near-ties, and the simulation's
/// quantiles identical. Only the children set the kernel; this process and CI never do.
@Suite(.serialized) struct KernelIndependenceTests {
    /// Kernels to force, besides the environment's default: only those this CPU can run.
    static var forcedKernels: [String] {
        #if arch(x86_64)
        return ["Prescott"] + (BLASInfo.cpuFlags.contains("avx2") ? ["Haswell"] : [])
        #else
        return []
        #endif
    }

    @Test(.enabled(if: !forcedKernels.isEmpty, "OPENBLAS_CORETYPE names x86-64 kernels only"))
    func demoScoreAndSimulationAgreeAcrossKernels() throws {
        let directory = try CLIRunner.scratchDirectory("kernels")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = try Self.results(kernel: nil, in: directory)
        for kernel in Self.forcedKernels where kernel.lowercased() != reference.core.lowercased() {
            let forced = try Self.results(kernel: kernel, in: directory)
            #expect(forced.core.lowercased() == kernel.lowercased(), "OPENBLAS_CORETYPE=\(kernel) ran \(forced.core)")
            let score = try ResultAgreement(reference.score, forced.score)
            #expect(score.disagreements.isEmpty, "score, \(reference.core) vs \(kernel): \(score.disagreements.prefix(5))")
            #expect(score.nearTieSwaps.isEmpty, "hazards that traded places within the tolerance: \(score.nearTieSwaps)")
            let simulation = try ResultAgreement(reference.simulation, forced.simulation)
            #expect(simulation.disagreements.isEmpty,
                    "simulation, \(reference.core) vs \(kernel): \(simulation.disagreements.prefix(5))")
            // The scores agree to the tolerance, so every decision agrees: the same completion and
            // release quantiles, day for day.
            for key in ["completion", "tasks"] {
                #expect(try Self.subtree(key, reference.simulation) == Self.subtree(key, forced.simulation),
                        "simulation \(key) differs between \(reference.core) and \(kernel)")
            }
            print("kernels \(reference.core) vs \(kernel): largest relative difference score "
                  + "\(score.largestRelativeDifference) at \(score.largestAt), simulation "
                  + "\(simulation.largestRelativeDifference) at \(simulation.largestAt)")
        }
    }

    /// Every bundled scenario's results under every kernel, for the README's figures: run by
    /// `make kernel-agreement` (release build, several minutes), skipped otherwise.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLEARCAST_KERNEL_AGREEMENT"] == "all",
                   "set CLEARCAST_KERNEL_AGREEMENT=all (make kernel-agreement) to measure every bundled scenario"))
    func bundledScenariosAgreeAcrossKernels() throws {
        let directory = try CLIRunner.scratchDirectory("kernels-all")
        defer { try? FileManager.default.removeItem(at: directory) }
        let karabakh = ["baseline", "more-survey", "funding-freeze", "international-doubled", "capacity-doubled",
                        "nearest-first", "survey-cancels-most", "capacity-doubled-more-survey"].map { "scenarios/karabakh/\($0).yaml" }
        let runs: [(name: String, arguments: [String])] = [
            ("demo score", ["score", "scenarios/demo/demo.yaml", "--holdout-after", "2023-01-01"]),
            ("demo simulate", ["simulate", "scenarios/demo/demo.yaml", "--quiet"]),
            ("karabakh score", ["score", "scenarios/karabakh/baseline.yaml"]),
            ("karabakh backtest", ["simulate", "scenarios/karabakh/backtest-2020.yaml", "--quiet"]),
            ("karabakh compare", ["compare"] + karabakh + ["--quiet"]),
            ("colombia 2010", ["score", "scenarios/colombia/antioquia-2010.yaml", "--holdout-after", "2011-01-01"]),
            ("colombia 2015", ["score", "scenarios/colombia/antioquia-2015.yaml", "--holdout-after", "2016-01-01"]),
        ]
        var report: [String] = []
        for (index, run) in runs.enumerated() {
            var outputs: [(core: String, data: Data)] = []
            for kernel in [nil] + Self.forcedKernels {
                let out = directory.appendingPathComponent("\(index)-\(kernel ?? "default").json")
                let result = try CLIRunner.run(run.arguments + ["--reproducible", "--out", out.path],
                                               environment: kernel.map { ["OPENBLAS_CORETYPE": $0] } ?? [:])
                #expect(result.status == 0, "\(run.name) \(kernel ?? "default"): \(result.stderr)")
                let data = try Data(contentsOf: out)
                outputs.append((try Self.core(of: data), data))
            }
            for other in outputs.dropFirst() where other.core != outputs[0].core {
                let agreement = try ResultAgreement(outputs[0].data, other.data)
                #expect(agreement.disagreements.isEmpty, "\(run.name): \(agreement.disagreements.prefix(5))")
                report.append("\(run.name), \(outputs[0].core) vs \(other.core): largest relative difference "
                              + "\(agreement.largestRelativeDifference) at \(agreement.largestAt); near-tie swaps "
                              + "\(agreement.nearTieSwaps.count); bytes \(outputs[0].data == other.data ? "equal" : "differ")")
            }
        }
        print(report.joined(separator: "\n"))
    }

    // MARK: Helpers

    /// The demo score and a 40-replication simulation with `kernel` forced (nil: the environment's).
    static func results(kernel: String?, in directory: URL) throws -> (core: String, score: Data, simulation: Data) {
        let label = kernel ?? "default"
        let environment = kernel.map { ["OPENBLAS_CORETYPE": $0] } ?? [:]
        let score = directory.appendingPathComponent("score-\(label).json")
        let simulation = directory.appendingPathComponent("simulation-\(label).json")
        let runs = [
            try CLIRunner.run(["score", "scenarios/demo/demo.yaml", "--holdout-after", "2023-01-01", "--reproducible",
                               "--out", score.path], environment: environment),
            try CLIRunner.run(["simulate", "scenarios/demo/demo.yaml", "--replications", "40", "--reproducible",
                               "--quiet", "--out", simulation.path], environment: environment),
        ]
        for run in runs { #expect(run.status == 0, "\(label): \(run.stderr)") }
        let scoreData = try Data(contentsOf: score)
        return (try core(of: scoreData), scoreData, try Data(contentsOf: simulation))
    }

    /// `provenance.blas.core` of a result.
    static func core(of result: Data) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: result) as? [String: Any])
        let blas = (object["provenance"] as? [String: Any])?["blas"] as? [String: Any]
        return try #require(blas?["core"] as? String, "result has no provenance.blas.core")
    }

    /// One top-level member, re-encoded with sorted keys so that equal subtrees give equal bytes.
    static func subtree(_ key: String, _ result: Data) throws -> Data {
        let object = try #require(try JSONSerialization.jsonObject(with: result) as? [String: Any])
        return try JSONSerialization.data(withJSONObject: try #require(object[key]), options: [.sortedKeys])
    }
}
