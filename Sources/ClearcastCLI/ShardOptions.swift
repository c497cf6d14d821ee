import ArgumentParser
import Foundation
import Scenarios

/// `--shard K/N`, `--emit slurm|k8s DIR` and `--shards N`, for `simulate`, `compare` and `sensitivity`
/// (and `plan`, which refuses them with the reason).
struct ShardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Run only shard K of N (K from 1) and write a partial result to --out; `clearcast merge` joins the N parts.",
        discussion: "Shards split the replications (simulate, compare) or the design points (sensitivity) into N "
            + "contiguous blocks. The merged result has the bytes of the unsharded run (with --reproducible, on the same "
            + "OpenBLAS kernel). Rerunning a shard writes the same part.",
        valueName: "K/N"))
    var shard: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Write a cluster job for this run instead of running it: 'slurm DIR' (sbatch array + merge) or 'k8s DIR' (Indexed Job + merge Job).",
        discussion: "DIR gets the scripts or manifests, a README on submitting them, and the parts later. --out names the merged result.",
        valueName: "slurm|k8s DIR"))
    var emit: [String] = []

    @Option(name: .long, help: "Number of shards for --emit (default: 1 per 100 replications or per design point, at most 1000).")
    var shards: Int?

    func validate() throws {
        if !emit.isEmpty {
            guard emit.count == 2, ClusterJob.Engine(rawValue: emit[0]) != nil else {
                throw ValidationError("--emit: found '\(emit.joined(separator: " "))'; expected 'slurm DIR' or 'k8s DIR'")
            }
            if shard != nil { throw ValidationError("--emit writes the jobs of every shard; --shard runs one of them: give one of the two") }
        } else if shards != nil {
            throw ValidationError("--shards applies to --emit; to run one shard, use --shard K/N")
        }
        if let shards, !(1...100_000).contains(shards) {
            throw ValidationError("--shards must be between 1 and 100000, found \(shards)")
        }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch let error as ShardError { throw ValidationError(error.description) }
        }
    }

    /// The shard to run, or nil for a whole run.
    func parsed() throws -> Shard? { try shard.map(Shard.init(parsing:)) }

    /// The engine and directory of `--emit`, or nil.
    var emitTarget: (engine: ClusterJob.Engine, directory: String)? {
        guard emit.count == 2, let engine = ClusterJob.Engine(rawValue: emit[0]) else { return nil }
        return (engine, emit[1])
    }

    /// Refuses a sharded or emitting run without `--out`, and options a part cannot carry.
    func requireOut(_ out: String?, refusing others: [(option: String, given: Bool)] = []) throws {
        guard shard != nil || !emit.isEmpty else { return }
        let what = shard != nil ? "--shard" : "--emit"
        guard out != nil else {
            throw ExitStatus.InputError("\(what) needs --out: the part's path (--shard) or the merged result's (--emit)")
        }
        for (option, given) in others where given {
            throw ExitStatus.InputError("\(what) cannot be combined with \(option): write it from a whole run, or after the merge")
        }
    }
}
