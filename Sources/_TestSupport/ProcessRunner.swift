import Foundation

// MARK: - ProcessRunner

/// Runs a program as a child process and returns its exit status and everything it wrote.
///
/// Standard output and standard error are read at the same time, on threads of their own, so a
/// child that fills one pipe while the other is being read never blocks. Standard input is
/// `/dev/null`: a child that would ask a question (the CLI asks before big runs when stdin is a
/// terminal) reads end-of-file instead of waiting. With a `timeout`, a child still running then is
/// sent SIGTERM, then SIGKILL five seconds later, and the output says `timedOut`.
///
/// ```swift
/// let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo out; echo err >&2; exit 3"])
/// #expect(run.status == 3 && run.stdout == "out\n" && run.stderr == "err\n")
///
/// let python = try ProcessRunner.run(command: "python3", ["-c", "print(1 + 1)"], timeout: .seconds(60))
/// ```
public enum ProcessRunner {
    /// Runs `executable` with `arguments` in `directory` (default: the current one), with the test
    /// process's environment plus `environment` (whose values win), and waits for it to finish.
    ///
    /// - Throws: when the program cannot be started (no such file, not executable).
    public static func run(_ executable: URL, _ arguments: [String] = [], in directory: URL? = nil,
                           environment: [String: String] = [:], timeout: Duration? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        try process.run()
        let readers = [PipeReader(stdout), PipeReader(stderr)]
        var timedOut = false
        if let timeout {
            let deadline = DispatchTime.now() + timeout
            if !readers.allSatisfy({ $0.finished(by: deadline) }) {
                timedOut = true
                process.terminate()
                let grace = DispatchTime.now() + DispatchTimeInterval.seconds(5)
                if !readers.allSatisfy({ $0.finished(by: grace) }), process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                }
            }
        }
        let (out, err) = (readers[0].data(), readers[1].data())
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }

    /// Runs the program `name` found on `PATH` (through `/usr/bin/env`), as ``run(_:_:in:environment:timeout:)``.
    public static func run(command name: String, _ arguments: [String] = [], in directory: URL? = nil,
                           environment: [String: String] = [:], timeout: Duration? = nil) throws -> Output {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory, environment: environment,
                timeout: timeout)
    }
}

// MARK: - PipeReader

extension DispatchTime {
    /// `time` plus a Swift `Duration` (whole nanoseconds, at most about 11 days).
    fileprivate static func + (time: DispatchTime, duration: Duration) -> DispatchTime {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = min(Double(seconds) * 1e9 + Double(attoseconds) / 1e9, 1e15)
        return time + DispatchTimeInterval.nanoseconds(Int(max(nanoseconds, 0)))
    }
}

/// Reads a pipe to its end on a thread of its own (not the test's, nor Dispatch's shared pool).
private final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var collected = Data()   // written by the reading thread before `done` is signalled

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        let thread = Thread { [self] in
            collected = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    /// Whether the pipe reached its end (the child closed it, usually by exiting) by `deadline`.
    func finished(by deadline: DispatchTime) -> Bool {
        guard done.wait(timeout: deadline) == .success else { return false }
        done.signal()   // leave it signalled for `data()`
        return true
    }

    /// Everything read, once the pipe has reached its end.
    func data() -> Data {
        done.wait()
        done.signal()
        return collected
    }
}
