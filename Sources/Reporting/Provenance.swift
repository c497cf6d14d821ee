/// Where a result came from, so that anyone can reproduce it.
///
/// The fields that describe the run rather than its result (`runDate`, `threads`, `blas.threads`,
/// `blas.advisory`) are left out by `--reproducible`; `blas.core` stays, because the last bits of
/// the numbers depend on the OpenBLAS kernel. Results of the same scenario, seed and kernel are then
/// byte-identical for any thread count; across kernels they agree within the tolerance measured in
/// the README ("Reproducibility").
public struct Provenance: Codable, Sendable, Equatable {
    public struct ScenarioRef: Codable, Sendable, Equatable {
        public var name: String
        /// The path as given on the command line.
        public var file: String
        /// SHA-256 over every file the scenario read: the SHA-256 of the `sha256sum` lines of
        /// ``files`` (`Scenario.combinedHash(of:)`; docs/scenario-format.md says how to reproduce it).
        /// In `clearcast-result/1` results it was formed another way, from the files' bytes.
        public var contentHash: String
        /// Each file the scenario read, with its own SHA-256, in the order the combined hash takes
        /// them. Absent only in `clearcast-result/1` results.
        public var files: [File]?
        /// The `--set PATH=VALUE` overrides applied on top of the files, in order; absent when none
        /// (the hash covers the files only, so a result is reproduced from both).
        public var overrides: [String]?

        public init(name: String, file: String, contentHash: String, files: [File]? = nil, overrides: [String]? = nil) {
            self.name = name
            self.file = file
            self.contentHash = contentHash
            self.files = files
            self.overrides = overrides
        }
    }

    /// One file a scenario read: what `sha256sum` prints for it, and why it was read.
    public struct File: Codable, Sendable, Equatable {
        /// Relative to the scenario file's directory (absolute only when they share no directory
        /// but the root): the same on every machine the scenario folder is copied to.
        public var path: String
        /// `scenario`, `extends`, `layer` or `side-file` (a file GDAL reads with a layer file).
        public var role: String
        /// SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
        public var sha256: String

        public init(path: String, role: String, sha256: String) {
            self.path = path
            self.role = role
            self.sha256 = sha256
        }
    }

    public struct BLAS: Codable, Sendable, Equatable {
        /// `openblas_get_corename()`, e.g. "Haswell" or "SkylakeX": the numbers' last bits depend on it.
        public var core: String
        /// Threads the products ran on (the numbers do not depend on it); omitted by `--reproducible`.
        public var threads: Int?
        /// Set when OpenBLAS runs a slower kernel than the CPU supports, with the fix.
        public var advisory: String?
        public init(core: String, threads: Int?, advisory: String?) {
            self.core = core
            self.threads = threads
            self.advisory = advisory
        }
    }

    public var tool: String = "clearcast"
    public var version: String
    /// The subcommand: score, simulate, compare, plan or sensitivity.
    public var command: String
    public var scenarios: [ScenarioRef]
    public var seed: UInt64?
    public var replications: Int?
    /// Worker threads used by the Monte Carlo (results do not depend on it); omitted by `--reproducible`.
    public var threads: Int?
    /// The BLAS library's kernel (always) and threads (omitted by `--reproducible`).
    public var blas: BLAS?
    /// ISO 8601 time of the run, omitted by `--reproducible`.
    public var runDate: String?

    public init(version: String, command: String, scenarios: [ScenarioRef], seed: UInt64?, replications: Int?,
                threads: Int?, blas: BLAS?, runDate: String?) {
        self.version = version
        self.command = command
        self.scenarios = scenarios
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.blas = blas
        self.runDate = runDate
    }
}
