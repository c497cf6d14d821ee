import _TestSupport
import Foundation

/// Runs the built `clearcast` binary as a separate process, as a planner would: a thin layer over
/// ``ProcessRunner`` and ``ScratchDirectory`` that knows where the binary and the fixtures are.
///
/// ```swift
/// let scratch = try ScratchDirectory("score")
/// let run = try CLIRunner.run(["score", "valid.yaml", "--out", scratch.file("r.json")], in: CLIRunner.fixtures)
/// #expect(run.status == 0, "\(run.stderr)")
/// ```
struct CLIRunner {
    /// What the run left. (Declared here rather than as ``ProcessRunner/Output`` so that a test file
    /// reads `status`, `stdout` and `stderr` without importing _TestSupport.)
    struct Output {
        /// The exit status, or the number of the signal that ended the binary when `signalled`.
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether a signal ended the binary (a crash, or the timeout).
        var signalled = false
        /// Whether the binary was stopped because it ran past the timeout.
        var timedOut = false
    }

    /// The package's root directory (tests read fixtures and scenarios relative to it).
    static let packageRoot = TestEnvironment.packageRoot
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A new empty directory under the system's temporary directory, named `clearcast-<label>-<UUID>`,
    /// for a test's outputs. The test removes it when done; anything left is removed when the test
    /// process exits. (Owning a ``ScratchDirectory`` instead removes it as soon as the test ends.)
    static func scratchDirectory(_ label: String) throws -> URL {
        try ScratchDirectory.removedAtExit(label)
    }

    /// The `clearcast` executable beside the test bundle (SwiftPM builds both into one directory), or
    /// the one `CLEARCAST_BINARY` names (`make kernel-agreement` runs the release build that way).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CLEARCAST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: packageRoot).standardizedFileURL
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var directory = bundle.deletingLastPathComponent()
        while !directory.path.isEmpty, directory.path != "/" {
            let candidate = directory.appendingPathComponent("clearcast")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/clearcast")
    }

    /// Runs `clearcast arguments…` in `directory` with `environment` added to the test process's own.
    /// Standard input is `/dev/null`, so the binary never waits for an answer.
    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:],
                    timeout: Duration? = nil) throws -> Output {
        let run = try ProcessRunner.run(binary, arguments, in: directory, environment: environment, timeout: timeout)
        return Output(status: run.status, stdout: run.stdout, stderr: run.stderr, signalled: run.signalled,
                      timedOut: run.timedOut)
    }
}
