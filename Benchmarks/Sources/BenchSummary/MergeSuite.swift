import BenchWorkloads
import ClearanceModel
import Foundation
import Reporting
import Scenarios

// MARK: - MergeSuite

/// `clearcast merge` at national scale: 1,000 replications of the synthetic national programme
/// (5,000 hazard areas, 15 years) cut into 10, 100 and 1,000 shards, written as parts
/// (`clearcast-partial/1`, as `--shard K/N --out` writes them), then timed: reading and checking
/// every part, decoding the outcomes and aggregating them into the forecast. The scenario's
/// reload and scoring, which the CLI's merge adds once whatever the number of shards, is not in it
/// (the synthetic model has no scenario file). Target: 1,000 shards in under 10 s. Every merge is
/// checked to give the forecast of the outcomes taken whole (Equatable, bit for bit).
enum MergeSuite {
    static let replications = 1_000

    static func rows(runs: Int, progress: (String) -> Void) throws -> [SummaryRow] {
        let w = ClearanceWorkload()
        let prepared = try PreparedClearanceModel(w.model)
        progress("merge: simulating \(replications) national replications for the parts")
        let outcomes = try MonteCarloRunner.outcomes(prepared, replications: 0..<replications, seed: w.seed,
                                                     threads: ProcessInfo.processInfo.activeProcessorCount)
        let reference = try MonteCarloRunner.forecast(prepared, outcomes: outcomes, seed: w.seed, keepReplicationSummaries: true)
        let provenance = Provenance(
            version: "bench", command: "simulate",
            scenarios: [.init(name: "national", file: "national.yaml", contentHash: String(repeating: "0", count: 64))],
            seed: w.seed, replications: replications, threads: nil, blas: nil, runDate: nil)
        let run = PartialResult.RunArguments(scenarios: ["national.yaml"], overrides: [], replications: replications,
                                             seed: w.seed, reproducible: true)
        let order = try SimulationRun.taskOrder(of: w.model)
        var rows: [SummaryRow] = []
        for shards in [10, 100, 1_000] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clearcast-merge-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            progress("merge: writing \(shards) parts")
            var paths: [String] = [], bytes = 0
            for k in 1...shards {
                let shard = try Shard(index: k, count: shards)
                let range = try shard.range(of: replications, items: "replications")
                let part = PartialResult(
                    command: "simulate", provenance: provenance, run: run,
                    shard: .init(shard: shard, total: replications, range: range),
                    scenarios: [.init(name: "national", contentHash: provenance.scenarios[0].contentHash, taskOrder: order,
                                      outcomes: Array(outcomes[range]))])
                let path = directory.appendingPathComponent(String(format: "part-%05d.json", k)).path
                let data = try ResultEncoding.encode(part)
                bytes += data.count
                try data.write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            var best = Double.infinity
            for attempt in 1...max(1, min(runs, 2)) {
                progress("merge: \(shards) parts, run \(attempt)")
                var merged: ClearanceForecast?
                let seconds = try Stopwatch.time {
                    let set = try PartialSet(try paths.map { (path: $0, part: try PartialResult.read($0)) })
                    merged = try MonteCarloRunner.forecast(prepared, outcomes: try set.outcomes(scenario: 0), seed: w.seed,
                                                           keepReplicationSummaries: true)
                }
                guard merged == reference else { throw MergeMismatch(shards: shards) }
                best = min(best, seconds)
            }
            let note = String(format: "best of %d: %d parts, %.0f MB, %d replications of 5,000 areas; read, check, decode, aggregate",
                              max(1, min(runs, 2)), shards, Double(bytes) / 1e6, replications)
            var row = shards == 1_000
                ? SummaryRow(name: "merge.national.n\(shards)", value: best, unit: "s", limit: 10, limitName: "budget 10 s",
                             target: .below(1), note: note)
                : SummaryRow(name: "merge.national.n\(shards)", value: best, unit: "s", note: note)
            row.threads = 1
            rows.append(row)
        }
        return rows
    }

    struct MergeMismatch: Error, CustomStringConvertible {
        var shards: Int
        var description: String { "merging \(shards) parts did not give the forecast of the whole run" }
    }
}
