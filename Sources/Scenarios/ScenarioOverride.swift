import Foundation

/// One change to a scenario made without editing its file: `--set PATH=VALUE` on the command line.
///
/// The loader applies overrides to the scenario's source tree after `extends:` is resolved and before
/// validation, so an override is checked exactly as the same edit in the file would be (type, range,
/// unknown fields with a did-you-mean), and a problem it causes names it instead of a file line.
///
/// ```swift
/// let doubled = try ScenarioOverride("simulation.teams[name=mechanical].count=*2")
/// let share = try ScenarioOverride(path: "simulation.land_release.nts_cancel_share", value: "{dist: beta, alpha: 5, beta: 5}")
/// let scenario = try ScenarioLoader.load(path: "scenarios/karabakh/baseline.yaml", overrides: [doubled, share])
/// scenario.overrides.map(\.description)   // recorded in a result's provenance
/// ```
///
/// PATH is dotted keys (`simulation.horizon_years`), with `[N]` for item N of a list (from 0) and
/// `[KEY=VALUE]` for the one item of a list whose `KEY` is `VALUE` (`teams[name=mechanical]`,
/// `teams[kind=dogs]`). VALUE is a YAML scalar or flow value (`0.5`, `nearest_first`, `[a, b]`,
/// `{mean: 0.5, sd: 0.1}`; empty or `null` removes the field, so its default applies), or `*F`:
/// the current number times F, computed in exact decimal arithmetic (a whole-number field must stay
/// whole: `count=*1.5` on 3 teams is refused by the reader); on a mapping or list of numbers (a
/// `capacity_plan`) `*F` multiplies each.
public struct ScenarioOverride: Sendable, Equatable, CustomStringConvertible {
    /// One step of a path.
    public enum Step: Sendable, Equatable, CustomStringConvertible {
        /// A field of a mapping.
        case key(String)
        /// Item N of a list, from 0.
        case index(Int)
        /// The one item of a list whose field `key` is the scalar `value`.
        case select(key: String, value: String)

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            case .select(let key, let value): "[\(key)=\(value)]"
            }
        }
    }

    /// What the override does at its path.
    public enum Change: Sendable, Equatable {
        /// Sets the field to this YAML value (scalar or flow), replacing what was there whole.
        case set(String)
        /// Multiplies the current number (or each number of a mapping or list) by this factor.
        case multiply(Decimal)
        /// As ``multiply(_:)``, each product rounded to a whole number (half away from zero): `*~F`,
        /// for counts (`count=*~1.3` on 22 teams gives 29).
        case multiplyRounded(Decimal)
    }

    public let path: [Step]
    public let change: Change
    /// The override as written, `PATH=VALUE` (what provenance records).
    public let text: String

    /// Parses `PATH=VALUE`.
    ///
    /// - Throws: `ScenarioError` naming the override when the path or the value cannot be read.
    public init(_ assignment: String) throws {
        guard let equals = Self.assignmentSplit(assignment) else {
            throw Self.error(assignment, "expected PATH=VALUE, e.g. simulation.horizon_years=20 (found no '=' outside [...])")
        }
        try self.init(path: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]),
                      text: assignment)
    }

    /// An override of `path` by `value` (as `--set PATH=VALUE` would write them).
    ///
    /// - Throws: `ScenarioError` naming the override when the path or the value cannot be read.
    public init(path: String, value: String) throws {
        try self.init(path: path, value: value, text: "\(path)=\(value)")
    }

    private init(path pathText: String, value: String, text: String) throws {
        self.text = text
        path = try Self.parsePath(pathText, text: text)
        if case .key("extends")? = path.first {
            throw Self.error(text, "extends cannot be set: the files a scenario extends are read before overrides apply; write a variant file that extends this one")
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("*") {
            let rounding = trimmed.hasPrefix("*~")
            let factorText = trimmed.dropFirst(rounding ? 2 : 1).trimmingCharacters(in: .whitespaces)
            guard let factor = Self.decimal(factorText) else {
                throw Self.error(text, "found '\(trimmed)', expected *F or *~F with F a number, e.g. *2, *0.5 or *~1.3")
            }
            change = rounding ? .multiplyRounded(factor) : .multiply(factor)
        } else {
            change = .set(value)
            _ = try valueNode()   // a value that is not YAML is refused now, not when applied
        }
    }

    /// `--set PATH=VALUE`, as typed; problems caused by the override are located by it.
    public var description: String { text }

    /// How problems name the override: `--set PATH=VALUE`, shortened when the value is long.
    var label: String {
        let shown = text.count > 120 ? String(text.prefix(117)) + "…" : text
        return "--set \(shown)"
    }

    /// The path as the reader writes field paths, with selectors as written: `simulation.teams[name=x].count`.
    public var pathDescription: String {
        var result = ""
        for step in path {
            if case .key = step, !result.isEmpty { result += "." }
            result += step.description
        }
        return result
    }

    static func error(_ text: String, _ message: String) -> ScenarioError {
        let shown = text.count > 120 ? String(text.prefix(117)) + "…" : text
        return ScenarioError(file: "--set \(shown)", message: message)
    }

    // MARK: Parsing

    /// The `=` that ends the path: the first one outside `[...]`.
    private static func assignmentSplit(_ text: String) -> String.Index? {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            case "=" where depth == 0: return index
            default: break
            }
        }
        return nil
    }

    /// Characters of a key: what scenario field names and `capacity_plan` years use.
    private static func isKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    private static func parsePath(_ pathText: String, text: String) throws -> [Step] {
        let fail = { (message: String) in error(text, "path '\(pathText)': \(message)") }
        var steps: [Step] = []
        var rest = Substring(pathText.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { throw error(text, "expected PATH=VALUE with a field path before '=', e.g. simulation.horizon_years=20") }
        while !rest.isEmpty {
            let key = rest.prefix(while: isKeyCharacter)
            guard !key.isEmpty else {
                throw fail("expected a field name at '\(rest.prefix(20))' (letters, digits, _ and -)")
            }
            steps.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw fail("a '[' without its ']'") }
                steps.append(try parseBracket(rest[rest.index(after: rest.startIndex)..<close], fail: fail))
                rest = rest[rest.index(after: close)...]
            }
            if rest.first == "." {
                rest = rest.dropFirst()
                guard !rest.isEmpty else { throw fail("ends with '.', expected a field name after it") }
            } else if let next = rest.first {
                throw fail("found '\(next)' after '\(steps.last.map(\.description) ?? "")', expected '.', '[' or '='")
            }
        }
        return steps
    }

    /// `[N]` or `[KEY=VALUE]` (VALUE may be quoted, to hold `]` or spaces at its ends).
    private static func parseBracket(_ inside: Substring, fail: (String) -> ScenarioError) throws -> Step {
        let content = inside.trimmingCharacters(in: .whitespaces)
        if let index = Int(content) {
            guard index >= 0 else { throw fail("found index [\(content)], expected an item number from 0") }
            return .index(index)
        }
        guard let equals = content.firstIndex(of: "=") else {
            throw fail("found [\(content)], expected [N] (an item number from 0) or [name=NAME]")
        }
        let key = content[..<equals].trimmingCharacters(in: .whitespaces)
        var value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy(isKeyCharacter) else {
            throw fail("found [\(content)], expected [KEY=VALUE] with KEY a field name, e.g. [name=mechanical]")
        }
        if value.count >= 2, let quote = value.first, quote == "'" || quote == "\"", value.last == quote {
            value = String(value.dropFirst().dropLast())
        }
        guard !value.isEmpty else { throw fail("found [\(content)], expected a value after '='") }
        return .select(key: key, value: value)
    }

    /// A decimal number written the way a scenario writes numbers (`2`, `0.5`, `1e3`, `1_000`).
    static func decimal(_ text: String) -> Decimal? {
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let double = Double(digits), double.isFinite,
              digits.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else { return nil }
        return value
    }

    // MARK: Value

    /// The directory relative paths in a value resolve from (a layer set by `--set`): the current one.
    static var valueFile: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).appendingPathComponent("--set")
    }

    /// The value of a `.set`, parsed, every node marked as written by this override.
    func valueNode() throws -> SourceNode {
        guard case .set(let value) = change else { return .scalar("", quoted: false, .init(file: Self.valueFile)) }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let node: SourceNode
        if trimmed.isEmpty {
            node = .scalar("", quoted: false, .init(file: Self.valueFile))
        } else if trimmed.hasPrefix("#") {
            throw Self.error(text, "the value starts with '#', which YAML reads as a comment; quote it ('#...')")
        } else {
            do {
                node = try SourceNode.parse(value, file: Self.valueFile)
            } catch let error as ScenarioError {
                // The parser's message names the pseudo-file and line 1; what it found is what matters.
                let problem = error.issues.first?.message ?? "not a YAML value"
                throw Self.error(text, "the value is not YAML: \(problem.replacingOccurrences(of: "not valid YAML or JSON: ", with: ""))")
            }
            // A block mapping (`a: b`) or list (`- a`) is almost always unquoted text with a colon.
            if case .mapping = node, !trimmed.hasPrefix("{") {
                throw Self.error(text, "the value reads as a mapping; write a flow mapping {key: value}, or quote text that holds ': ' ('...')")
            }
            if case .sequence = node, !trimmed.hasPrefix("[") {
                throw Self.error(text, "the value reads as a list; write a flow list [a, b], or quote the text ('...')")
            }
        }
        return node.marked(.value(label))
    }
}

extension SourceNode {
    /// This node and everything under it, marked as written by an override, without a file line.
    func marked(_ mark: OverrideMark) -> SourceNode {
        var origin = self.origin
        origin.override = mark
        origin.line = nil
        switch self {
        case .scalar(let text, let quoted, _): return .scalar(text, quoted: quoted, origin)
        case .mapping(let pairs, _): return .mapping(pairs.map { ($0.key, $0.value.marked(mark)) }, origin)
        case .sequence(let items, _): return .sequence(items.map { $0.marked(mark) }, origin)
        }
    }
}
