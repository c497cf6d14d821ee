import Foundation
// MARK: - ScenarioAssumption

/// A scenario parameter with the basis its file's comment gives it: the bundled scenarios mark
/// each number `[S]` solid, `[R]` reported (one source), `[D]` derived or `[G]` guess/assumption,
/// followed by the source ("sources §3") or the reason. Results do not carry these tags, so the
/// briefing reads them from the scenario file itself (``parse(yaml:)``).
///
/// ```swift
/// ScenarioAssumption.parse(yaml: "scoring:\n  bandwidth_m: 3000   # [G] no source\n")
/// // [ScenarioAssumption(path: "scoring.bandwidth_m", value: "3000", basis: .guess, comment: "no source")]
/// ```
public struct ScenarioAssumption: Sendable, Equatable {
    public enum Basis: String, Sendable, CaseIterable, CustomStringConvertible {
        case solid = "S", reported = "R", derived = "D", guess = "G"

        public var description: String {
            switch self {
            case .solid: "Cited (solid)"
            case .reported: "Cited (one report)"
            case .derived: "Derived"
            case .guess: "Assumed"
            }
        }
    }

    /// Dotted YAML path, e.g. `scoring.incident_density.bandwidth_m`.
    public var path: String
    /// The value as written (shortened past 80 characters).
    public var value: String
    public var basis: Basis
    /// The comment after the tag: the source or the reason.
    public var comment: String

    /// Every `key: value  # … [X] …` line of a scenario file, with its dotted path from the
    /// indentation of the mapping keys above it (a list item named by `name:` or `path:` shows as
    /// `teams[name=manual]`, as `--set` selects it). Lines without a tag are skipped; this reads the
    /// bundled scenarios' comment convention, not YAML in general (flow mappings spanning lines,
    /// anchors and the like are read as their first line).
    ///
    /// - Complexity: O(lines).
    public static func parse(yaml: String) -> [ScenarioAssumption] {
        var stack: [(indent: Int, key: String)] = []
        var found: [ScenarioAssumption] = []
        for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            var indent = line.prefix { $0 == " " }.count
            var body = line.dropFirst(indent)
            guard !body.isEmpty, !body.hasPrefix("#") else { continue }
            // "- name: manual" starts a list item: the list's key becomes "teams[name=manual]" (the
            // `--set` selector) for the item's fields, which sit two columns further in.
            let item = body.hasPrefix("- ")
            if item {
                // The list's key may sit at the dash's column ("teams:\n- name: …") or left of it.
                while let last = stack.last, last.indent > indent { stack.removeLast() }
                body = body.dropFirst(2)
                indent += 2
            }
            let (code, comment) = split(comment: String(body))
            guard let colon = code.firstIndex(of: ":") else { continue }
            let key = String(code[..<colon]).trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(" "), !key.contains("\"") else { continue }
            let value = String(code[code.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if item, let last = stack.popLast() {
                let list = last.key.split(separator: "[").first.map(String.init) ?? last.key
                let selector = ["name", "path"].contains(key) && !value.isEmpty ? "[\(key)=\(value)]" : "[]"
                stack.append((last.indent, list + selector))
            }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let path = (stack.map(\.key) + [key]).joined(separator: ".")
            if value.isEmpty { stack.append((indent, key)) }
            guard let comment, let (basis, rest) = tag(in: comment) else { continue }
            let shown = value.count > 80 ? String(value.prefix(79)) + "…" : value
            found.append(ScenarioAssumption(path: path, value: shown.isEmpty ? "(section)" : shown, basis: basis, comment: rest))
        }
        return found
    }

    /// The code before a `#` that is not inside quotes, and the comment after it.
    static func split(comment line: String) -> (code: String, comment: String?) {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "#", index == line.startIndex || line[line.index(before: index)] == " " {
                return (String(line[..<index]), String(line[line.index(after: index)...]).trimmingCharacters(in: .whitespaces))
            }
        }
        return (line, nil)
    }

    /// The first `[S]`, `[R]`, `[D]` or `[G]` (also `[G: …]`) of a comment, and the comment without it.
    static func tag(in comment: String) -> (Basis, String)? {
        var search = comment[...]
        while let open = search.firstIndex(of: "[") {
            let after = comment.index(after: open)
            guard after < comment.endIndex else { return nil }
            let next = comment.index(after: after)
            if let basis = Basis(rawValue: String(comment[after])), next < comment.endIndex, comment[next] == "]" || comment[next] == ":" {
                // "[G] text" drops the tag; "[G: reason] text" keeps the reason.
                let before = comment[..<open].trimmingCharacters(in: .whitespaces)
                var inner = "", tail = comment[comment.index(after: next)...]
                if comment[next] == ":", let close = tail.firstIndex(of: "]") {
                    inner = tail[..<close].trimmingCharacters(in: .whitespaces)
                    tail = tail[tail.index(after: close)...]
                }
                let rest = [before, inner, tail.trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty }.joined(separator: " ")
                return (basis, rest)
            }
            search = comment[after...]
        }
        return nil
    }
}
