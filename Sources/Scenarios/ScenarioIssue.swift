/// One problem found in a scenario file: where it is and what was expected.
///
/// ```
/// scenarios/demo.yaml:12: grid.cell_size: found -100, expected a positive number of metres
/// ```
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file the offending value came from (after `extends:` merging, the file that set it).
    public var file: String
    /// Dotted field path, e.g. `simulation.teams[2].count`; empty for the whole file.
    public var path: String
    /// 1-based line in `file`, when the parser knows it.
    public var line: Int?
    /// What was found and what was expected.
    public var message: String

    public init(file: String, path: String, line: Int?, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// Every problem found while loading a scenario. Loading reports all of them at once, not only the
/// first, so a planner can fix a file in one pass.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) { self.issues = issues }

    public init(file: String, path: String = "", line: Int? = nil, message: String) {
        self.issues = [ScenarioIssue(file: file, path: path, line: line, message: message)]
    }

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "\(issues.count) \(noun) in scenario:\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
    }
}
