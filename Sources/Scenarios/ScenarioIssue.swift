import Foundation

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

    /// How many problems are listed one by one; the rest are counted by their message, so a file
    /// with 700,000 unknown keys gives a screenful, not 100 MB.
    public static let listedIssues = 50

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        var lines = issues.prefix(Self.listedIssues).map { "  " + $0.description }
        let rest = issues.dropFirst(Self.listedIssues)
        if !rest.isEmpty {
            lines.append("  … and \(rest.count) more:")
            var counts: [String: Int] = [:], order: [String] = []
            for issue in rest {
                let cause = Self.cause(of: issue.message)
                if counts[cause] == nil { order.append(cause) }
                counts[cause, default: 0] += 1
            }
            for cause in order.prefix(10) { lines.append("    \(counts[cause] ?? 0) × \(cause)") }
            if order.count > 10 { lines.append("    and \(order.count - 10) other kinds of problem") }
        }
        return "\(issues.count) \(noun) in scenario:\n" + lines.joined(separator: "\n")
    }

    /// A message without what is specific to one occurrence (quoted names and numbers), to group by.
    static func cause(of message: String) -> String {
        let withoutQuotes = message.replacingOccurrences(of: "'[^']*'", with: "'…'", options: .regularExpression)
        let words = withoutQuotes.replacingOccurrences(of: "-?[0-9][0-9.,e+-]*", with: "N", options: .regularExpression)
        return words.count > 160 ? String(words.prefix(160)) + "…" : words
    }
}
