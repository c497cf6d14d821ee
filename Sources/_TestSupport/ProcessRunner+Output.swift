// MARK: - ProcessRunner.Output

extension ProcessRunner {
    /// What a finished child process left: its exit status and what it wrote to each stream.
    ///
    /// ```swift
    /// let run = try ProcessRunner.run(command: "python3", ["-c", "import sys; sys.exit('no')"])
    /// #expect(run.status == 1 && run.stderr == "no\n" && !run.succeeded)
    /// ```
    public struct Output: Sendable, Equatable {
        /// The exit status, or the number of the signal that ended the child when ``signalled``.
        public var status: Int32
        /// Standard output, decoded as UTF-8 (invalid bytes replaced).
        public var stdout: String
        /// Standard error, decoded as UTF-8 (invalid bytes replaced).
        public var stderr: String
        /// Whether a signal ended the child (a crash, or the timeout's SIGTERM/SIGKILL).
        public var signalled: Bool
        /// Whether the child was stopped because it ran past the timeout.
        public var timedOut: Bool

        public init(status: Int32, stdout: String, stderr: String, signalled: Bool = false, timedOut: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.signalled = signalled
            self.timedOut = timedOut
        }

        /// Exit status 0, neither signalled nor timed out.
        public var succeeded: Bool { status == 0 && !signalled && !timedOut }

        /// Standard output then standard error, for failure messages.
        public var combined: String { stderr.isEmpty ? stdout : stdout + (stdout.isEmpty ? "" : "\n") + stderr }
    }
}
