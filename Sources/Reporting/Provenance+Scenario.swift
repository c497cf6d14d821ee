import Scenarios

extension Provenance.ScenarioRef {
    /// The provenance of `scenario`, loaded from `file` (the path as given on the command line): its
    /// combined hash and each file it read with its own SHA-256 (``Scenario/fileDigests()``), the
    /// files read once for both, and the `--set` overrides applied on top of them.
    ///
    /// - Throws: as ``Scenario/fileDigests()``.
    public init(scenario: Scenario, file: String) throws {
        let digests = try scenario.fileDigests()
        self.init(name: scenario.name, file: file, contentHash: try Scenario.combinedHash(of: digests),
                  files: digests.map { Provenance.File(path: $0.path, role: $0.role.rawValue, sha256: $0.sha256) },
                  overrides: scenario.overrides.isEmpty ? nil : scenario.overrides.map(\.description))
    }
}
