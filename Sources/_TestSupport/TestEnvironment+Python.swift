import ParallelWork
import Foundation

// MARK: - Python

/// Answers of ``TestEnvironment/hasPythonModules(_:)``, by sorted module list.
private let pythonModuleAnswers = Locked<[[String]: Bool]>([:])

extension TestEnvironment {
    /// The Python the tests use: `$CLEARCAST_PYTHON` when set, else `python3` on `PATH`.
    /// (The schema validator and the notebook checks run in it.)
    public static var pythonExecutable: (executable: URL, leadingArguments: [String]) {
        if let python = ProcessInfo.processInfo.environment["CLEARCAST_PYTHON"], !python.isEmpty {
            return (URL(fileURLWithPath: python), [])
        }
        return (URL(fileURLWithPath: "/usr/bin/env"), ["python3"])
    }

    /// Runs Python (``pythonExecutable``) with `arguments` and waits for it, at most `timeout`.
    ///
    /// ```swift
    /// let run = try TestEnvironment.runPython([TestEnvironment.packageURL("schemas/validate.py").path, file])
    /// #expect(run.status == 0, "\(run.stderr)")
    /// ```
    public static func runPython(_ arguments: [String], in directory: URL? = nil,
                                 timeout: Duration = .seconds(600)) throws -> ProcessRunner.Output {
        let python = pythonExecutable
        return try ProcessRunner.run(python.executable, python.leadingArguments + arguments, in: directory, timeout: timeout)
    }

    /// Whether Python runs and can import every one of `modules` (e.g. `["jsonschema"]`); worked
    /// out once per test process for each list. For `.enabled(if:)` traits:
    ///
    /// ```swift
    /// @Test(.enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]),
    ///                "needs python3 with jsonschema: pip install jsonschema (Debian: apt-get install python3-jsonschema)"))
    /// func resultsValidate() throws { ... }
    /// ```
    public static func hasPythonModules(_ modules: [String]) -> Bool {
        let key = modules.sorted()
        if let known = pythonModuleAnswers.withLock({ $0[key] }) { return known }
        let script = key.isEmpty ? "pass" : "import " + key.joined(separator: ", ")
        let answer = (try? runPython(["-c", script], timeout: .seconds(120)))?.succeeded ?? false
        pythonModuleAnswers.withLock { $0[key] = answer }
        return answer
    }

    /// Whether Python runs at all.
    public static var hasPython: Bool { hasPythonModules([]) }
}
