import Foundation
import Reporting
import Scenarios

/// What `simulate`, `compare` and `sensitivity` do with `--shard` and `--emit`: write one shard's
/// part, or the cluster jobs of every shard.
enum ShardedRun {
    /// The run's `PartialResult.RunArguments` as the merge will need them.
    static func arguments(scenarios: [String], set: ScenarioOverrideOptions, options: SimulationRun.Options,
                          reproducible: Bool, method: String? = nil, samples: Int? = nil) -> PartialResult.RunArguments {
        PartialResult.RunArguments(scenarios: scenarios, overrides: set.assignments, replications: options.replications,
                                   seed: options.seed, method: method, samples: samples, reproducible: reproducible)
    }

    /// Publishes a shard's part atomically and says what it holds.
    static func write(_ part: PartialResult, to out: String?, items: String) throws {
        guard let out else { throw ExitStatus.InputError("--shard needs --out: the part's path") }
        try InterruptHandler.publishAll([.init(out) { try ResultEncoding.write(part, to: $0) }])
        let s = part.shard
        Console.info("shard \(s.label): \(items) \(s.first + 1)-\(s.end) of \(s.total) written to \(out); "
            + "merge the \(s.count) parts with: clearcast merge PARTS… --out RESULT")
    }

    /// Writes the jobs of `--emit` for a run of `total` items and says how to submit them.
    ///
    /// - Parameters:
    ///   - secondsPerItem, bytesPerItem: one core's seconds and the memory one replication or
    ///     design point needs; `fixedBytes` what a shard needs whatever its size (layers, scores).
    ///   - itemsPerShard: the default shard size when `--shards` is not given.
    static func emit(_ sharding: ShardOptions, subcommand: String, out: String?, total: Int, itemsPerShard: Int,
                     secondsPerItem: Double, bytesPerItem: Double, fixedBytes: Double, partBytesPerItem: Double,
                     threads: Int?) throws {
        guard let (engine, directory) = sharding.emitTarget else { return }
        guard let out else { throw ExitStatus.InputError("--emit needs --out: the merged result's path") }
        let shards = sharding.shards ?? ClusterJob.defaultShards(total: total, perShard: itemsPerShard)
        guard shards <= total else {
            throw ExitStatus.InputError("--shards \(shards): more shards than the run's \(total) \(subcommand == "sensitivity" ? "design points" : "replications"); expected at most \(total)")
        }
        let perShard = Double((total + shards - 1) / shards)
        let argv = Array(CommandLine.arguments.dropFirst())
        let afterSubcommand = argv.firstIndex(of: subcommand).map { Array(argv[($0 + 1)...]) } ?? argv
        let cores = threads ?? 2
        let job = ClusterJob(
            subcommand: subcommand, arguments: ClusterJob.runArguments(afterSubcommand), out: out, shards: shards, total: total,
            shardSeconds: perShard * secondsPerItem, shardBytes: fixedBytes + perShard * (bytesPerItem + 2 * partBytesPerItem),
            mergeSeconds: Double(total) * partBytesPerItem / 50e6 + 60,
            mergeBytes: fixedBytes + Double(total) * (bytesPerItem + 3 * partBytesPerItem), cores: cores)
        if engine == .k8s, let absolute = job.arguments.first(where: { $0.hasPrefix("/") && FileManager.default.fileExists(atPath: $0) }) {
            Console.warn("\(absolute) is an absolute path: in the pods the run's paths resolve from \(ClusterJob.volumeMount) (the shared volume); give the scenario's path relative to the directory you copy onto the volume")
        }
        let files = try job.write(engine, to: directory)
        for sub in ["parts", "logs"] where engine == .slurm {
            try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent(sub),
                                                    withIntermediateDirectories: true)
        }
        Console.output("\(engine == .slurm ? "Slurm job array" : "Kubernetes Indexed Job") of \(shards) shards "
            + "(\(Int(perShard)) \(subcommand == "sensitivity" ? "design points" : "replications") each at most) written to \(directory):\n"
            + files.map { "  " + $0 }.joined(separator: "\n") + "\n"
            + "Submit with: sh \((directory as NSString).appendingPathComponent("submit.sh")) (see README.md there)\n")
    }

    /// Bytes of one replication's outcome in a part: the per-task columns in base64 (36 bytes per
    /// task, 4/3 in base64) and the summary's yearly series as JSON.
    static func partBytes(tasks: Int, years: Int) -> Double {
        Double(tasks) * 48 + Double(years + 2) * 12 * 24 + 2_048
    }
}
