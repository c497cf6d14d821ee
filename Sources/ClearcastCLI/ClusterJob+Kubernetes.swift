import Foundation

extension ClusterJob {
    /// Where the shared volume is mounted in every pod; the run's relative paths resolve from it.
    static let volumeMount = "/data"

    /// A PersistentVolumeClaim, an Indexed Job (`completionMode: Indexed`, one index per shard,
    /// K = `JOB_COMPLETION_INDEX` + 1, `backoffLimitPerIndex` retries of a failed index), a merge Job
    /// on the same volume, `submit.sh` (apply, wait for the shards, apply the merge) and a README.
    func kubernetesFiles() -> [(name: String, text: String, executable: Bool)] {
        let name = "clearcast-\(subcommand)"
        let image = "clearcast:\(ClearcastVersion.string)"
        let parts = "clearcast-parts/\(name)"
        let shardShell = "set -eu; K=$((JOB_COMPLETION_INDEX + 1)); mkdir -p \(parts); exec "
            + shardCommand(shard: "$K", part: "\"$(printf '\(parts)/part-%05d.json' \"$K\")\"", threads: "\(cores)")
        let mergeShell = "set -eu; exec \"$CLEARCAST\" merge \(parts)/part-*.json --threads \(cores) --quiet --out \(Self.quoted(out))"
        let storage = max(1, Int((mergeBytes / 1e9).rounded(.up)) + 1)
        let claim = """
            # Written by clearcast \(ClearcastVersion.string) --emit k8s: the volume the shards and the merge share.
            # Copy the scenario folder onto it first, so that its paths as given resolve from \(Self.volumeMount).
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: \(name)-data
            spec:
              accessModes: [ReadWriteMany]
              resources:
                requests:
                  storage: \(storage)Gi

            """
        let shardJob = job(name, role: "shard", suffix: "shards", comment: """
            # Written by clearcast \(ClearcastVersion.string) --emit k8s: \(shards) shards of `clearcast \(subcommand)`.
            # Index i runs shard i+1 of \(shards); a failed index is retried on its own (backoffLimitPerIndex).
            """, spec: ["completionMode: Indexed", "completions: \(shards)", "parallelism: \(min(shards, 100))",
                        "backoffLimitPerIndex: 3", "maxFailedIndexes: 0"],
            deadlineSeconds: Self.minutes(shardSeconds, cores: cores) * 60, image: image, shell: shardShell, bytes: shardBytes)
        let mergeJob = job(name, role: "merge", suffix: "merge", comment: """
            # Written by clearcast \(ClearcastVersion.string) --emit k8s: merges the parts of \(name)-shards into \(out).
            # Apply it after the shards Job completed (submit.sh waits for it).
            """, spec: ["backoffLimit: 2"],
            deadlineSeconds: Self.minutes(mergeSeconds, cores: 1) * 60, image: image, shell: mergeShell, bytes: mergeBytes)
        let submit = """
            #!/bin/sh
            # Written by clearcast \(ClearcastVersion.string) --emit k8s. Applies the volume and the shards,
            # waits until every index succeeded, then applies the merge.
            set -eu
            cd "$(dirname "$0")"
            kubectl apply -f volume.yaml
            kubectl apply -f shards-job.yaml
            kubectl wait --for=condition=complete --timeout=\(Self.minutes(shardSeconds, cores: cores) * 60 * max(1, shards / 100 + 1))s job/\(name)-shards
            kubectl apply -f merge-job.yaml
            kubectl wait --for=condition=complete --timeout=\(Self.minutes(mergeSeconds, cores: 1) * 60)s job/\(name)-merge

            """
        let readme = """
            # clearcast on Kubernetes: \(shards) shards of `clearcast \(subcommand)`

            Written by `clearcast \(ClearcastVersion.string) … --emit k8s`.

            1. Build an image with this clearcast on its PATH (and `/bin/sh`), push it, and set `image:`
               in `shards-job.yaml` and `merge-job.yaml` (now `\(image)`).
            2. `kubectl apply -f volume.yaml`, then copy the scenario folder onto the volume so that
               the run's paths (as given: \(arguments.first.map { "`\($0)`" } ?? "the scenario")) resolve from `\(Self.volumeMount)`.
            3. `sh submit.sh`: applies the Indexed Job (`completionMode: Indexed`, \(shards) completions;
               index i runs `--shard i+1/\(shards)` from `JOB_COMPLETION_INDEX` and writes
               `\(parts)/part-i+1.json` on the volume, atomically), waits for it to complete, then
               applies the merge Job (`clearcast merge … --out \(out)` on the same volume).

            A failed index is retried on its own up to 3 times (`backoffLimitPerIndex`); a rerun writes
            the same bytes. With `maxFailedIndexes: 0` the Job fails as soon as one index has used its
            retries, and `clearcast merge` names the shards that are missing. Resources (requests and
            limits, `activeDeadlineSeconds`) are estimated from the run's size; the volume must be
            ReadWriteMany when pods land on several nodes. `backoffLimitPerIndex` needs Kubernetes 1.29+
            (beta, on by default; GA in 1.33).

            These manifests were validated against the Kubernetes API schema of their objects
            (`kubernetes-validate --strict`, in clearcast's tests); they were not run on a cluster.

            """
        return [("volume.yaml", claim, false), ("shards-job.yaml", shardJob, false), ("merge-job.yaml", mergeJob, false),
                ("submit.sh", submit, true), ("README.md", readme, false)]
    }

    /// A Job `NAME-SUFFIX` of one container `role` running `shell` in `image` on the shared volume,
    /// with `spec` (the Job's own `spec:` fields, one per line), `cores` CPUs, `bytes` of memory and
    /// a deadline. The shards Job and the merge Job differ only in these.
    private func job(_ name: String, role: String, suffix: String, comment: String, spec: [String], deadlineSeconds: Int,
                     image: String, shell: String, bytes: Double) -> String {
        """
        \(comment)
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: \(name)-\(suffix)
          labels:
            app.kubernetes.io/name: clearcast
        spec:
        \(spec.map { "  " + $0 }.joined(separator: "\n"))
          template:
            metadata:
              labels:
                app.kubernetes.io/name: clearcast
            spec:
              restartPolicy: Never
              activeDeadlineSeconds: \(deadlineSeconds)
              containers:
                - name: \(role)
                  image: \(json(image))
                  workingDir: \(Self.volumeMount)
                  command: [/bin/sh, -c]
                  args: [\(json(shell))]
                  env:
                    - name: CLEARCAST
                      value: clearcast
                  resources:
                    requests:
                      cpu: "\(cores)"
                      memory: \(Self.megabytes(bytes))Mi
                    limits:
                      memory: \(Self.megabytes(bytes))Mi
                  volumeMounts:
                    - name: data
                      mountPath: \(Self.volumeMount)
              volumes:
                - name: data
                  persistentVolumeClaim:
                    claimName: \(name)-data

        """
    }

    /// A YAML scalar for `text`: a JSON string (every JSON string is a YAML double-quoted scalar).
    private func json(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
