import Foundation

extension ClusterJob {
    /// A Slurm job array (one task per shard, `SLURM_ARRAY_TASK_ID` = K, `--requeue` so that a task
    /// lost with its node runs again), a merge job that runs after every task succeeded
    /// (`--dependency=afterok`), `submit.sh` and a README. Paths are absolute (`--chdir` is the
    /// directory `--emit` ran in, so the scenario paths resolve as they did), and the scripts run
    /// this clearcast unless `CLEARCAST` names another.
    func slurmFiles(directory: String) -> [(name: String, text: String, executable: Bool)] {
        let workdir = FileManager.default.currentDirectoryPath
        let q = Self.quoted
        let name = "clearcast-\(subcommand)"
        let header = "# Written by clearcast \(ClearcastVersion.string) --emit slurm: \(shards) shards of `clearcast \(subcommand)`, merged to \(out)."
        let shardScript = """
            #!/bin/bash
            \(header)
            # One array task per shard; K = SLURM_ARRAY_TASK_ID (1..\(shards)). A task that fails or is
            # requeued writes its part again, atomically and with the same bytes.
            #SBATCH --job-name=\(name)
            #SBATCH --array=1-\(shards)
            #SBATCH --requeue
            #SBATCH --time=\(Self.minutes(shardSeconds, cores: cores))
            #SBATCH --mem=\(Self.megabytes(shardBytes))M
            #SBATCH --cpus-per-task=\(cores)
            #SBATCH --ntasks=1
            #SBATCH --chdir=\(workdir)
            #SBATCH --output=\(directory)/logs/shard-%a.out
            set -euo pipefail
            CLEARCAST="${CLEARCAST:-\(Self.executable)}"
            K="${SLURM_ARRAY_TASK_ID:?submit with submit.sh (sbatch --array)}"
            PART="$(printf '%s/parts/part-%05d.json' \(q(directory)) "$K")"
            exec \(shardCommand(shard: "$K", part: "\"$PART\"", threads: "\"${SLURM_CPUS_PER_TASK:-\(cores)}\""))

            """
        let mergeScript = """
            #!/bin/bash
            \(header)
            # Runs after every array task succeeded (submit.sh passes --dependency=afterok:ARRAY).
            #SBATCH --job-name=\(name)-merge
            #SBATCH --time=\(Self.minutes(mergeSeconds, cores: 1))
            #SBATCH --mem=\(Self.megabytes(mergeBytes))M
            #SBATCH --cpus-per-task=\(cores)
            #SBATCH --ntasks=1
            #SBATCH --chdir=\(workdir)
            #SBATCH --output=\(directory)/logs/merge.out
            set -euo pipefail
            CLEARCAST="${CLEARCAST:-\(Self.executable)}"
            exec "$CLEARCAST" merge \(q(directory))/parts/part-*.json --threads "${SLURM_CPUS_PER_TASK:-\(cores)}" --quiet --out \(q(out))

            """
        let submit = """
            #!/bin/sh
            \(header)
            # Submits the shard array, then the merge with --dependency=afterok on the whole array
            # (--kill-on-invalid-dep: a shard that fails for good cancels the merge instead of leaving it pending).
            set -eu
            mkdir -p \(q(directory))/parts \(q(directory))/logs
            array=$(sbatch --parsable \(q(directory))/shards.sbatch)
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes \(q(directory))/merge.sbatch)
            merge=${merge%%;*}
            echo "$array" > \(q(directory))/array.jobid
            echo "$merge" > \(q(directory))/merge.jobid
            echo "submitted \(shards) shards as array job $array and the merge as job $merge; result: \(out)"

            """
        return [("shards.sbatch", shardScript, true), ("merge.sbatch", mergeScript, true), ("submit.sh", submit, true),
                ("README.md", slurmReadme(directory: directory, workdir: workdir), false)]
    }

    private func slurmReadme(directory: String, workdir: String) -> String {
        """
        # clearcast on Slurm: \(shards) shards of `clearcast \(subcommand)`

        Written by `clearcast \(ClearcastVersion.string) … --emit slurm`. Submit from any directory:

            sh \(directory)/submit.sh

        - `shards.sbatch`: a job array of \(shards) tasks (`--array=1-\(shards)`). Task K runs
          `clearcast \(subcommand) … --shard K/\(shards)` in `\(workdir)` and writes
          `parts/part-K.json` (5 digits) here, atomically. `--requeue` lets Slurm run a task again when
          its node fails; a rerun writes the same bytes.
        - `merge.sbatch`: `clearcast merge parts/part-*.json --out \(out)`, submitted with
          `--dependency=afterok:<array job>`, so it starts when every task succeeded. The merge checks
          that the parts belong together (scenario hashes, seed, replications, version, kernel, shard
          count) and that none is missing or repeated; the result has the bytes of the unsharded run.
        - Resources per task, estimated from the run's size (\(total) \(subcommand == "sensitivity" ? "design points" : "replications")
          in \(shards) shards): `--time`, `--mem`, `--cpus-per-task` in the scripts. They are
          generous (3× the time estimate); edit them if your site needs a partition or an account
          (`#SBATCH --partition=…`, `#SBATCH --account=…`).
        - Every node must see this directory and the scenario's files under the same paths (a shared
          file system), and run the same clearcast build (set `CLEARCAST=/path/to/clearcast` in the
          environment sbatch passes on) with the same OpenBLAS kernel (`OPENBLAS_CORETYPE` alike on
          every node): the merge refuses parts made with different kernels.
        - A shard that failed for good: see `logs/shard-K.out`, fix the cause, run
          `sbatch --array=K shards.sbatch`, then `sbatch merge.sbatch`. `clearcast merge` names
          missing shards.
        - Slurm's `MaxArraySize` (1001 by default) bounds the number of shards.

        """
    }
}
