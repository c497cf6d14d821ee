import Foundation
import Yams

/// A YAML node that remembers the file and line it came from.
///
/// Scenario files may `extends:` other files, so after merging, different fields of one tree come
/// from different files. Every error message must still name the right file and line, and every
/// relative layer path must resolve against the file that wrote it; so each node carries its origin.
indirect enum SourceNode: Sendable {
    /// A scalar: its text and whether it was quoted (a quoted `"12"` is a string, not a number).
    case scalar(String, quoted: Bool, Origin)
    case mapping([(key: String, value: SourceNode)], Origin)
    case sequence([SourceNode], Origin)

    struct Origin: Sendable, Equatable {
        var file: URL
        var line: Int?
        /// How a `--set` override touched this node; nil when the file wrote it as it is.
        var override: OverrideMark? = nil
        /// Written with the `!replace` tag: `extends:` replaces the base's value whole instead of
        /// merging into it.
        var replacesBase = false

        /// A problem at `path` in this node, located where the node came from: its file and line,
        /// or the `--set` that wrote it (a file line would point at a value that is not in effect).
        func issue(path: String, message: String) -> ScenarioIssue {
            switch override {
            case .value(let assignment)?:
                ScenarioIssue(file: assignment, path: path, line: nil, message: message)
            case .inside(let assignments)?:
                ScenarioIssue(file: file.path, path: path, line: line, message: message + " (after \(assignments.joined(separator: ", ")))")
            case nil:
                ScenarioIssue(file: file.path, path: path, line: line, message: message)
            }
        }
    }

    /// How a `--set` override touched a node, so that a problem it caused names it.
    enum OverrideMark: Sendable, Equatable {
        /// The node is (part of) the value this `--set` wrote; the payload is the `--set` as typed.
        case value(String)
        /// The node came from a file, but these `--set`s changed something inside it.
        case inside([String])
    }

    var origin: Origin {
        switch self {
        case .scalar(_, _, let origin), .mapping(_, let origin), .sequence(_, let origin): origin
        }
    }

    /// The kind of node, for messages such as "found a list".
    var kindDescription: String {
        switch self {
        case .scalar(let text, _, _): text.isEmpty ? "nothing" : "'\(text)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// True for a YAML null (`~`, `null`, or an empty value).
    var isNull: Bool {
        if case .scalar(let text, let quoted, _) = self, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }
}

// MARK: Parsing

extension SourceNode {
    /// Parses YAML (or JSON) text into a tree of source nodes.
    ///
    /// - Throws: `ScenarioError` naming the file and line of a syntax error, a duplicate key,
    ///   a non-scalar key, or an anchor/alias (not supported: they hide where a value came from).
    static func parse(_ text: String, file: URL) throws -> SourceNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, problem) = Self.describe(error, text: text)
            throw ScenarioError(file: file.path, line: line, message: "not valid YAML or JSON: \(problem)")
        } catch {
            throw ScenarioError(file: file.path, message: "not valid YAML or JSON: \(error)")
        }
        guard let node else {
            throw ScenarioError(file: file.path, line: 1, message: "the file is empty; expected a scenario mapping")
        }
        var budget = Budget(remaining: text.utf8.count + 16)
        return try convert(node, file: file, budget: &budget)
    }

    private struct Position: Hashable { var line, column: Int }
    private struct Budget { var remaining: Int; var seen = Set<Position>() }

    /// The tag that makes `extends:` replace a list or mapping whole (see ``merged(with:path:)``).
    static let replaceTag = "!replace"

    private static func convert(_ node: Node, file: URL, budget: inout Budget) throws -> SourceNode {
        var origin = Origin(file: file, line: node.mark?.line)
        // The composer resolves an alias to the anchored node itself (its anchor no longer
        // attached), so an alias shows only as a node met a second time: same start position.
        // Refusing it there stops an alias bomb before its expansion is traversed. The budget is
        // a backstop: without aliases every node takes at least one byte of text.
        budget.remaining -= 1
        if let mark = node.mark, !budget.seen.insert(Position(line: mark.line, column: mark.column)).inserted {
            throw aliasesNotSupported(file: file, line: mark.line)
        }
        guard budget.remaining >= 0 else { throw aliasesNotSupported(file: file, line: node.mark?.line) }
        let tag = explicitTag(of: node)
        if tag == Self.replaceTag {
            origin.replacesBase = true
        } else if tag.hasPrefix("!") && tag != "!" {
            throw ScenarioError(file: file.path, line: node.mark?.line,
                                message: "unknown tag '\(tag.count > 40 ? String(tag.prefix(40)) + "…" : tag)'; the only tag a scenario may carry is \(Self.replaceTag) (a list or mapping that replaces the extended scenario's whole)")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return .scalar(scalar.string, quoted: quoted, origin)
        case .sequence(let sequence):
            return .sequence(try sequence.map { try convert($0, file: file, budget: &budget) }, origin)
        case .mapping(let mapping):
            var pairs: [(key: String, value: SourceNode)] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioError(file: file.path, line: key.mark?.line, message: "a mapping key must be a plain name, found a \(key)")
                }
                guard seen.insert(keyScalar.string).inserted else {
                    throw ScenarioError(file: file.path, line: key.mark?.line, message: "key '\(keyScalar.string)' appears twice in the same mapping")
                }
                pairs.append((keyScalar.string, try convert(value, file: file, budget: &budget)))
            }
            return .mapping(pairs, origin)
        case .alias:
            throw aliasesNotSupported(file: file, line: node.mark?.line)
        }
    }

    /// The tag written on `node` (`!replace`), or "" when none: read unresolved, because resolving
    /// an untagged scalar's type runs regular expressions the reader does not need.
    private static func explicitTag(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.tag.rawValue
        case .mapping(let mapping): mapping.tag.rawValue
        case .sequence(let sequence): sequence.tag.rawValue
        case .alias: ""
        }
    }

    private static func aliasesNotSupported(file: URL, line: Int?) -> ScenarioError {
        ScenarioError(file: file.path, line: line,
                      message: "YAML anchors and aliases are not supported; write the value out, or use `extends:`")
    }

    /// Where and what, without quoting the file: `extends:` may point at any readable file (a
    /// password file, a key), and Yams' own description repeats its text.
    private static func describe(_ error: YamlError, text: String) -> (line: Int?, problem: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            return (mark.line, "\(problem)\(while_) at column \(mark.column)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let line = secondOccurrence(ofKey: key, in: text, after: context.mark.line)
            let shown = key.count > 40 ? String(key.prefix(40)) + "…" : key
            return (line ?? context.mark.line, "key '\(shown)' appears twice in the same mapping")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "the YAML parser failed")
        }
    }

    /// The line of the second `key:` at the start of a line from `line` on (1-based), if found.
    private static func secondOccurrence(ofKey key: String, in text: String, after line: Int) -> Int? {
        var seen = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= line {
            let trimmed = raw.drop(while: { $0 == " " || $0 == "-" })
            for form in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(form + ":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }
}
