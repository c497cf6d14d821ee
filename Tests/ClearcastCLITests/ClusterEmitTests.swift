import _TestSupport
import Foundation
import Testing

/// `--emit slurm|k8s DIR`: the job files a cluster runs (the Slurm ones also run on a real Slurm in
/// `make test-slurm`; the Kubernetes ones are validated against the API schema, never run here).
@Suite("cluster emit")
struct ClusterEmitTests {
    static let valid = ShardMergeTests.valid

    @Test func slurmArrayMergeAndSubmit() throws {
        let scratch = try ScratchDirectory("emit-slurm")
        let dir = scratch.file("job")
        let run = try CLIRunner.run(["simulate", Self.valid, "--replications", "1000", "--reproducible", "--threads", "3",
                                     "--set", "simulation.horizon_years=4", "--out", scratch.file("result.json"),
                                     "--emit", "slurm", dir, "--shards", "12"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Slurm job array of 12 shards"), "\(run.stdout)")
        let shards = try String(contentsOfFile: dir + "/shards.sbatch", encoding: .utf8)
        for line in ["#SBATCH --array=1-12", "#SBATCH --requeue", "#SBATCH --cpus-per-task=3", "SLURM_ARRAY_TASK_ID",
                     "--shard \"$K/12\"", "--reproducible", "simulation.horizon_years=4", "--replications 1000"] {
            #expect(shards.contains(line), "missing \(line) in\n\(shards)")
        }
        #expect(shards.contains("#SBATCH --time=") && shards.contains("#SBATCH --mem="))
        // The run's own --out and --threads are replaced, not repeated.
        let command = shards.split(separator: "\n").first { $0.hasPrefix("exec ") }.map(String.init) ?? ""
        #expect(!command.contains("result.json") && !command.contains("--threads 3") && command.contains("--out \"$PART\""), "\(command)")
        let merge = try String(contentsOfFile: dir + "/merge.sbatch", encoding: .utf8)
        #expect(merge.contains(" merge ") && merge.contains("/parts/part-*.json") && merge.contains("result.json"), "\(merge)")
        let submit = try String(contentsOfFile: dir + "/submit.sh", encoding: .utf8)
        #expect(submit.contains("--dependency=afterok:\"$array\"") && submit.contains("sbatch --parsable"), "\(submit)")
        #expect(FileManager.default.isExecutableFile(atPath: dir + "/submit.sh"))
        #expect(try String(contentsOfFile: dir + "/README.md", encoding: .utf8).contains("--requeue"))
        // Nothing ran: no result, and the parts directory is empty.
        #expect(!FileManager.default.fileExists(atPath: scratch.file("result.json")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/parts").isEmpty)
    }

    @Test func emitRefusesMoreShardsThanWorkAndBadTargets() throws {
        let scratch = try ScratchDirectory("emit-refused")
        let out = scratch.file("r.json")
        let many = try CLIRunner.run(["simulate", Self.valid, "--replications", "5", "--out", out, "--emit", "slurm",
                                      scratch.file("j"), "--shards", "6"])
        #expect(many.status == 2 && many.stderr.contains("more shards than"), "\(many.stderr)")
        let engine = try CLIRunner.run(["simulate", Self.valid, "--out", out, "--emit", "lsf", scratch.file("j")])
        #expect(engine.status == 2 && engine.stderr.contains("'slurm DIR' or 'k8s DIR'"), "\(engine.stderr)")
        let both = try CLIRunner.run(["simulate", Self.valid, "--out", out, "--emit", "slurm", scratch.file("j"), "--shard", "1/2"])
        #expect(both.status == 2, "\(both.stderr)")
    }

    @Test func kubernetesIndexedJobAndMergeJob() throws {
        let scratch = try ScratchDirectory("emit-k8s")
        let dir = scratch.file("k8s")
        _ = try SensitivityCommandTests.scenario(in: scratch)
        // Run where the scenario is, as on the volume: the paths as given resolve from the mount.
        try FileManager.default.createDirectory(atPath: scratch.file("out"), withIntermediateDirectories: true)
        let run = try CLIRunner.run(["sensitivity", "sensitivity.yaml", "--method", "oat", "--replications", "10",
                                     "--out", "out/sens.json", "--emit", "k8s", dir], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let shards = try String(contentsOfFile: dir + "/shards-job.yaml", encoding: .utf8)
        // oat over 3 inputs: 7 design points, one shard each by default.
        for line in ["kind: Job", "completionMode: Indexed", "completions: 7", "backoffLimitPerIndex: 3", "JOB_COMPLETION_INDEX",
                     "restartPolicy: Never", "persistentVolumeClaim", "--shard \\\"$K/7\\\""] {
            #expect(shards.contains(line), "missing \(line) in\n\(shards)")
        }
        let merge = try String(contentsOfFile: dir + "/merge-job.yaml", encoding: .utf8)
        #expect(merge.contains("merge clearcast-parts/") && merge.contains("out/sens.json") && merge.contains("claimName: clearcast-sensitivity-data"))
        let submit = try String(contentsOfFile: dir + "/submit.sh", encoding: .utf8)
        #expect(submit.contains("kubectl wait --for=condition=complete") && submit.contains("merge-job.yaml"))
        try Self.validate([dir + "/volume.yaml", dir + "/shards-job.yaml", dir + "/merge-job.yaml"])
    }

    /// Validates manifests against the Kubernetes API schema (kubernetes-validate, strict: unknown
    /// fields are errors), when the Python package is installed (`make deps` installs it).
    static func validate(_ files: [String]) throws {
        guard TestEnvironment.hasPythonModules(["kubernetes_validate"]) else {
            Issue.record("kubernetes-validate is missing: pip install kubernetes-validate (make python-deps installs it)")
            return
        }
        let run = try TestEnvironment.runPython(["-m", "kubernetes_validate", "--strict", "-k", "1.33.0"] + files)
        #expect(run.status == 0, "\(run.combined)")
        // The validator does refuse a misspelt field (so passing means something).
        let scratch = try ScratchDirectory("emit-k8s-bad")
        let text = try String(contentsOfFile: files[1], encoding: .utf8).replacingOccurrences(of: "backoffLimitPerIndex", with: "backoffLimitPerIndx")
        let bad = try scratch.write(text, to: "bad.yaml")
        let refused = try TestEnvironment.runPython(["-m", "kubernetes_validate", "--strict", "-k", "1.33.0", bad])
        #expect(refused.status != 0, "\(refused.combined)")
    }
}
