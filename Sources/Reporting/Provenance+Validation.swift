import Scenarios

// MARK: - Validation of a result's provenance

extension ResultChecker {
    /// The provenance of a result made by `commands` (the first is the expected one), of the result
    /// schema `schema`: each scenario's hash is SHA-256 hex; its per-file list (required from
    /// `clearcast-result/2` on, absent before) names the scenario file first, gives each file a known
    /// role, a path and a SHA-256, and combines to the scenario's hash.
    mutating func provenance(_ p: Provenance, _ field: String, commands: [String], schema: String, replications: Int? = nil) {
        oneOf(p.tool, Self.key(field, "tool"), ["clearcast"])
        oneOf(p.command, Self.key(field, "command"), commands)
        for (i, scenario) in p.scenarios.enumerated() {
            let path = Self.index(Self.key(field, "scenarios"), i)
            let hashValid = Self.isSHA256(scenario.contentHash)
            if !hashValid {
                fail(Self.key(path, "contentHash"),
                     "found \(Self.quote(scenario.contentHash)); expected 64 lowercase hexadecimal digits (SHA-256)")
            }
            if let files = scenario.files {
                if hashValid { scenarioFiles(files, Self.key(path, "files"), contentHash: scenario.contentHash) }
            } else if schema == ResultSchema.identifier {
                fail(Self.key(path, "files"), "missing; expected each file the scenario read with its SHA-256 in \(schema) results")
            }
            if let overrides = scenario.overrides {
                let overridesField = Self.key(path, "overrides")
                if overrides.isEmpty { fail(overridesField, "found an empty list; expected it absent when no --set was given") }
                for (j, text) in overrides.enumerated() where !text.contains("=") {
                    fail(Self.index(overridesField, j), "found \(Self.quote(text)); expected PATH=VALUE, as given to --set")
                }
            }
        }
        if let r = p.replications {
            count(r, Self.key(field, "replications"), in: 1...Self.maximumReplications, "replications")
            if let replications, r != replications {
                fail(Self.key(field, "replications"), "found \(r); expected \(replications), the result's replications")
            }
        }
        if let threads = p.threads { count(threads, Self.key(field, "threads"), in: 1...Int.max, "threads") }
        if let threads = p.blas?.threads { count(threads, Self.key(field, "blas.threads"), in: 1...Int.max, "threads") }
        if let runDate = p.runDate, runDate.isEmpty { fail(Self.key(field, "runDate"), "found an empty string; expected a time") }
    }

    /// A scenario's per-file list: the scenario file first, known roles, non-empty paths, SHA-256
    /// hashes, and the combined hash `contentHash` (checked only when every entry is well formed).
    private mutating func scenarioFiles(_ files: [Provenance.File], _ field: String, contentHash: String) {
        if files.first?.role != Scenario.FileDigest.Role.scenario.rawValue {
            fail(field, "found \(files.first.map { "role " + Self.quote($0.role) } ?? "no files") first; "
                + "expected the scenario file first (role scenario)")
        }
        var digests: [Scenario.FileDigest] = []
        for (i, file) in files.enumerated() {
            let path = Self.index(field, i)
            let role = Scenario.FileDigest.Role(rawValue: file.role)
            if role == nil { oneOf(file.role, Self.key(path, "role"), Scenario.FileDigest.Role.allCases.map(\.rawValue)) }
            if file.path.isEmpty { fail(Self.key(path, "path"), "found an empty string; expected the file's path") }
            if !Self.isSHA256(file.sha256) {
                fail(Self.key(path, "sha256"), "found \(Self.quote(file.sha256)); expected 64 lowercase hexadecimal digits (SHA-256)")
            }
            if let role { digests.append(.init(path: file.path, role: role, sha256: file.sha256)) }
        }
        guard digests.count == files.count, !files.isEmpty, digests.allSatisfy({ Self.isSHA256($0.sha256) && !$0.path.isEmpty }),
              let combined = try? Scenario.combinedHash(of: digests), combined != contentHash else { return }
        fail(field, "combine to \(combined); expected the scenario's contentHash \(contentHash) "
            + "(SHA-256 of the files' sha256sum lines, schemas/README.md)")
    }

    static func isSHA256(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.count == 64 && bytes.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
