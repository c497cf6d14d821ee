import _TestSupport
import Foundation
import Testing

/// `--shard K/N` and `clearcast merge`: the merged result has the unsharded run's bytes, and parts
/// that do not make one run are refused with the shard or field at fault.
@Suite("shards and merge")
struct ShardMergeTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path
    static let demo = CLIRunner.packageRoot.appendingPathComponent("scenarios/demo/demo.yaml").path

    /// Runs `arguments` whole and in `shards` shards, merges the parts; returns (whole, merged) bytes.
    static func wholeAndMerged(_ arguments: [String], shards: Int, in scratch: ScratchDirectory,
                               label: String) throws -> (whole: Data, merged: Data, parts: [String]) {
        let common = arguments + ["--quiet", "--reproducible"]
        let whole = try CLIRunner.run(common + ["--out", scratch.file("\(label)-whole.json")], timeout: .seconds(600))
        try #require(whole.status == 0, "\(whole.stderr)")
        var parts: [String] = []
        // Shards in reverse order, and the merge given them shuffled: neither order matters.
        for k in (1...shards).reversed() {
            let part = scratch.file("\(label)-part-\(k).json")
            let run = try CLIRunner.run(common + ["--shard", "\(k)/\(shards)", "--out", part], timeout: .seconds(600))
            try #require(run.status == 0, "shard \(k)/\(shards): \(run.stderr)")
            parts.append(part)
        }
        let merge = try CLIRunner.run(["merge"] + parts.shuffled() + ["--quiet", "--out", scratch.file("\(label)-merged.json")],
                                      timeout: .seconds(600))
        try #require(merge.status == 0, "\(merge.stderr)")
        return (try Data(contentsOf: scratch.fileURL("\(label)-whole.json")),
                try Data(contentsOf: scratch.fileURL("\(label)-merged.json")), parts.reversed())
    }

    @Test(arguments: [1, 2, 3, 7])
    func simulateMergesToTheUnshardedBytes(shards: Int) throws {
        let scratch = try ScratchDirectory("shards-simulate")
        let (whole, merged, parts) = try Self.wholeAndMerged(["simulate", Self.valid, "--replications", "7", "--threads", "2"],
                                                             shards: shards, in: scratch, label: "s")
        #expect(whole == merged)
        try OverrideCommandTests.validateSchema(parts[0])
    }

    @Test func compareMergesToTheUnshardedBytes() throws {
        let scratch = try ScratchDirectory("shards-compare")
        let (whole, merged, _) = try Self.wholeAndMerged(["compare", Self.valid, Self.demo, "--replications", "5"],
                                                         shards: 2, in: scratch, label: "c")
        #expect(whole == merged)
    }

    @Test(arguments: [2, 3])
    func sensitivityMergesToTheUnshardedBytes(shards: Int) throws {
        let scratch = try ScratchDirectory("shards-sensitivity")
        let path = try SensitivityCommandTests.scenario(in: scratch)
        let (whole, merged, parts) = try Self.wholeAndMerged(
            ["sensitivity", path, "--method", "morris", "--samples", "2", "--replications", "3",
             "--set", "simulation.horizon_years=4"], shards: shards, in: scratch, label: "m")
        #expect(whole == merged)
        try OverrideCommandTests.validateSchema(parts[0])
    }

    @Test func aShardRerunWritesTheSameBytesAtomically() throws {
        let scratch = try ScratchDirectory("shards-idempotent")
        let part = scratch.file("part.json")
        let arguments = ["simulate", Self.valid, "--replications", "6", "--shard", "2/3", "--quiet", "--out", part]
        #expect(try CLIRunner.run(arguments).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: part))
        // A rerun (as Slurm's --requeue or a Kubernetes retry does) replaces the file whole, with the same bytes,
        // and leaves no temporary file beside it.
        #expect(try CLIRunner.run(arguments + ["--threads", "1"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: part)) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["part.json"])
        let json = try JSONSerialization.jsonObject(with: first) as? [String: Any]
        #expect(json?["schema"] as? String == "clearcast-partial/1" && json?["kind"] as? String == "partial")
        let shard = json?["shard"] as? [String: Int]
        #expect(shard == ["index": 2, "count": 3, "total": 6, "first": 2, "end": 4])
    }

    @Test func mergeRefusesMissingRepeatedAndForeignParts() throws {
        let scratch = try ScratchDirectory("shards-refused")
        func part(_ k: Int, of n: Int, _ extra: [String] = [], name: String? = nil) throws -> String {
            let path = scratch.file(name ?? "p\(k)-\(n).json")
            let run = try CLIRunner.run(["simulate", Self.valid, "--replications", "6", "--shard", "\(k)/\(n)", "--quiet",
                                         "--out", path] + extra)
            try #require(run.status == 0, "\(run.stderr)")
            return path
        }
        let p1 = try part(1, of: 3), p2 = try part(2, of: 3), p3 = try part(3, of: 3)
        let out = scratch.file("merged.json")
        let missing = try CLIRunner.run(["merge", p1, p3, "--out", out])
        #expect(missing.status == 2 && missing.stderr.contains("shard 2/3 is missing"), "\(missing.stderr)")
        let twice = try CLIRunner.run(["merge", p1, p2, p2, p3, "--out", out])
        #expect(twice.status == 2 && twice.stderr.contains("shard 2/3 is given twice"), "\(twice.stderr)")
        let seed = try part(2, of: 3, ["--seed", "99"], name: "seed.json")
        let reseeded = try CLIRunner.run(["merge", p1, seed, p3, "--out", out])
        #expect(reseeded.status == 2 && reseeded.stderr.contains("seed (99 against"), "\(reseeded.stderr)")
        let changed = try part(2, of: 3, ["--set", "simulation.horizon_years=4"], name: "set.json")
        let overridden = try CLIRunner.run(["merge", p1, changed, p3, "--out", out])
        #expect(overridden.status == 2 && overridden.stderr.contains("--set overrides"), "\(overridden.stderr)")
        let other = try part(2, of: 4, name: "n4.json")
        let counts = try CLIRunner.run(["merge", p1, other, p3, "--out", out])
        #expect(counts.status == 2 && counts.stderr.contains("shard count"), "\(counts.stderr)")
        // Parts whose hazard areas were ordered otherwise (another risk ranking) than the model the merge rebuilds.
        var reordered: [String] = []
        for (k, path) in [p1, p2, p3].enumerated() {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let order = try #require(text.range(of: #""taskOrder" : "[0-9a-f]{64}""#, options: .regularExpression))
            text.replaceSubrange(order, with: "\"taskOrder\" : \"" + String(repeating: "a", count: 64) + "\"")
            reordered.append(try scratch.write(text, to: "reordered-\(k).json"))
        }
        let order = try CLIRunner.run(["merge"] + reordered + ["--out", out])
        #expect(order.status == 2 && order.stderr.contains("another order than when the shards ran"), "\(order.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // A part is not a result: report says to merge it.
        let report = try CLIRunner.run(["report", p1, "--notebook", scratch.file("n.ipynb")])
        #expect(report.status == 2 && report.stderr.contains("clearcast merge"), "\(report.stderr)")
        // A whole result is not a part.
        let whole = scratch.file("whole.json")
        #expect(try CLIRunner.run(["simulate", Self.valid, "--replications", "6", "--quiet", "--out", whole]).status == 0)
        let notPart = try CLIRunner.run(["merge", whole, "--out", out])
        #expect(notPart.status == 2 && notPart.stderr.contains("expected 'partial'"), "\(notPart.stderr)")
    }

    @Test func shardOptionsAreCheckedBeforeRunning() throws {
        let scratch = try ScratchDirectory("shards-options")
        let out = scratch.file("p.json")
        let tooMany = try CLIRunner.run(["simulate", Self.valid, "--replications", "4", "--shard", "1/5", "--out", out])
        #expect(tooMany.status == 2 && tooMany.stderr.contains("5 shards for 4 replications"), "\(tooMany.stderr)")
        let zero = try CLIRunner.run(["simulate", Self.valid, "--shard", "0/5", "--out", out])
        #expect(zero.status == 2 && zero.stderr.contains("K from 1 to N"), "\(zero.stderr)")
        let noOut = try CLIRunner.run(["simulate", Self.valid, "--shard", "1/2"])
        #expect(noOut.status == 2 && noOut.stderr.contains("--shard needs --out"), "\(noOut.stderr)")
        let hazards = try CLIRunner.run(["simulate", Self.valid, "--shard", "1/2", "--out", out, "--hazards", scratch.file("h.gpkg")])
        #expect(hazards.status == 2 && hazards.stderr.contains("--hazards"), "\(hazards.stderr)")
        let plan = try CLIRunner.run(["plan", Self.valid, "--by", "2030-01-01", "--shard", "1/2", "--out", out])
        #expect(plan.status == 2 && plan.stderr.contains("plan cannot be sharded") && plan.stderr.contains("sequential"), "\(plan.stderr)")
    }
}
