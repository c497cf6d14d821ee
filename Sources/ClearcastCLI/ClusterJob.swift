import AtomicFiles
import Foundation

/// A run cut into shards for a cluster engine: the command line every shard runs, the number of
/// shards and the resources one shard needs (estimated as ``ResourceCheck`` estimates a whole run).
struct ClusterJob {
    enum Engine: String { case slurm, k8s }

    /// simulate, compare or sensitivity.
    var subcommand: String
    /// The run's own arguments, without the options the job sets itself (--emit, --shards, --shard,
    /// --out, --threads, --quiet, --yes).
    var arguments: [String]
    /// The merged result's path, as given.
    var out: String
    var shards: Int
    /// Replications or design points of the whole run.
    var total: Int
    /// One-core seconds and bytes of memory for one shard, and for the merge.
    var shardSeconds: Double
    var shardBytes: Double
    var mergeSeconds: Double
    var mergeBytes: Double
    /// Cores per shard.
    var cores: Int

    /// Options (with their value) the job sets itself, so the command line does not repeat them.
    static let ownOptions: [String: Int] = ["--emit": 2, "--shards": 1, "--shard": 1, "--out": 1, "--threads": 1,
                                            "--quiet": 0, "--yes": 0]

    /// `argv` (after the subcommand) without the options the job sets.
    static func runArguments(_ argv: [String]) -> [String] {
        var kept: [String] = [], i = 0
        while i < argv.count {
            let word = argv[i]
            let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if let values = ownOptions[name] {
                i += 1
                if !word.contains("=") { i = min(argv.count, i + values) }
                continue
            }
            kept.append(word)
            i += 1
        }
        return kept
    }

    /// The default shard count: one per 100 replications (or per design point), at most 1,000.
    static func defaultShards(total: Int, perShard: Int) -> Int { min(1_000, max(1, (total + perShard - 1) / perShard)) }

    /// Quotes a word for a POSIX shell.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// This executable's absolute path (what the job runs unless CLEARCAST is set).
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Wall-clock minutes to ask for: three times the estimate on `cores` cores, plus 5 minutes for
    /// loading and scoring, at least 10.
    static func minutes(_ seconds: Double, cores: Int) -> Int {
        max(10, Int((3 * seconds / Double(max(cores, 1)) / 60).rounded(.up)) + 5)
    }

    /// Megabytes to ask for: 1.5 times the estimate, at least 512.
    static func megabytes(_ bytes: Double) -> Int { max(512, Int((1.5 * bytes / 1_048_576).rounded(.up))) }

    /// The shard command, with `shardExpression` (a shell expression for K) and the part path.
    func shardCommand(shard shardExpression: String, part: String, threads: String) -> String {
        (["\"$CLEARCAST\"", subcommand] + arguments.map(Self.quoted)
            + ["--shard", "\"\(shardExpression)/\(shards)\"", "--threads", threads, "--quiet", "--yes", "--out", part])
            .joined(separator: " ")
    }

    /// Writes the jobs for `engine` into `directory` (created), and returns the files written.
    func write(_ engine: Engine, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files: [(String, String, Bool)]
        switch engine {
        case .slurm: files = slurmFiles(directory: URL(fileURLWithPath: directory).standardizedFileURL.path)
        case .k8s: files = kubernetesFiles()
        }
        var written: [String] = []
        for (name, text, executable) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            try AtomicFile.write(Data(text.utf8), to: path)
            if executable { chmod(path, 0o755) }
            written.append(path)
        }
        return written
    }
}
