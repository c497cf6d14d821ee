import ClearanceModel
import ClearcastDomain
import Foundation

/// Collects every problem found while reading a scenario, so that loading can report them all.
final class IssueLog {
    private(set) var issues: [ScenarioIssue] = []
    private(set) var warnings: [ScenarioIssue] = []

    func add(_ issue: ScenarioIssue) { issues.append(issue) }
    func warn(_ issue: ScenarioIssue) { warnings.append(issue) }
    var isEmpty: Bool { issues.isEmpty }
}

/// Reads one node of a scenario tree with its field path, recording problems instead of throwing,
/// so that one pass over a file finds every mistake in it.
///
/// Accessors return nil after logging when a value is missing or of the wrong type; callers then
/// skip whatever depended on it. Nothing here ever traps on user data.
struct FieldReader {
    let node: SourceNode
    let path: String
    let log: IssueLog

    init(node: SourceNode, path: String, log: IssueLog) {
        self.node = node
        self.path = path
        self.log = log
    }

    // MARK: Reporting

    /// Records a problem at this field: `found …, expected …`.
    func fail(_ message: String) {
        log.add(node.origin.issue(path: path, message: message))
    }

    /// Records a problem stated as what was expected; the message says what was found.
    func expected(_ what: String) {
        fail("found \(node.kindDescription), expected \(what)")
    }

    func warn(_ message: String) {
        log.warn(node.origin.issue(path: path, message: message))
    }

    /// Directory of the file that wrote this node: relative paths in it resolve from there (for a
    /// value given by `--set`, the current directory).
    var directory: URL { node.origin.file.deletingLastPathComponent() }

    // MARK: Structure

    /// This node as a mapping whose keys must all be in `allowed`; unknown keys are reported with a
    /// "did you mean" suggestion. Returns nil (after logging) when the node is not a mapping.
    func mapping(allowed: [String]) -> MappingReader? {
        guard case .mapping(let pairs, _) = node else {
            expected("a mapping with fields \(allowed.joined(separator: ", "))")
            return nil
        }
        for (key, value) in pairs where !allowed.contains(key) {
            let child = FieldReader(node: value, path: join(key), log: log)
            var message = "unknown field '\(key)'"
            if let guess = Spelling.closest(to: key, among: allowed) { message += "; did you mean '\(guess)'?" }
            message += " (allowed here: \(allowed.joined(separator: ", ")))"
            child.fail(message)
        }
        return MappingReader(pairs: pairs, parent: self)
    }

    /// This node as a list of readers, one per element.
    /// The longest list any field accepts. Real scenarios stay far below it (a century of
    /// holidays is ~1,000 dates); the bound keeps a generated or corrupt file from turning into
    /// minutes of calendar arithmetic and gigabytes of memory.
    static let longestList = 10_000

    func list() -> [FieldReader]? {
        guard case .sequence(let items, _) = node else {
            expected("a list")
            return nil
        }
        guard items.count <= Self.longestList else {
            fail("found a list of \(items.count) items, expected at most \(Self.longestList)")
            return nil
        }
        return items.enumerated().map { FieldReader(node: $0.element, path: "\(path)[\($0.offset)]", log: log) }
    }

    func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Scalars

    /// The text of a scalar (quoted or not).
    func string() -> String? {
        guard case .scalar(let text, _, _) = node, !node.isNull else {
            expected("text")
            return nil
        }
        return text
    }

    /// The largest magnitude any scenario number may have. Nothing in mine action comes near it (a
    /// country is ~1e11 m²), and the bound keeps every product of user numbers far from overflow.
    static let largestMagnitude = 1e15

    /// A finite number of magnitude at most ``largestMagnitude``. Quoted numbers are refused: in
    /// YAML they are text, and accepting them would hide a mistake in a file exported from a spreadsheet.
    func number() -> Double? {
        guard case .scalar(let text, let quoted, _) = node, !quoted,
              let value = Double(text.replacingOccurrences(of: "_", with: "")) else {
            expected("a number")
            return nil
        }
        guard value.isFinite else {
            expected("a finite number")
            return nil
        }
        guard abs(value) <= Self.largestMagnitude else {
            fail("found \(Self.format(value)), expected a number of magnitude at most 1e15")
            return nil
        }
        return value
    }

    /// A number checked against a range; `what` names the quantity for the message.
    func number(in range: ClosedRange<Double>, _ what: String) -> Double? {
        guard let value = number() else { return nil }
        guard range.contains(value) else {
            fail("found \(Self.format(value)), expected \(what) in [\(Self.format(range.lowerBound)), \(Self.format(range.upperBound))]")
            return nil
        }
        return value
    }

    /// A number strictly greater than zero and at most `maximum`.
    func positive(_ what: String, maximum: Double = largestMagnitude) -> Double? {
        guard let value = number() else { return nil }
        guard value > 0, value <= maximum else {
            fail("found \(Self.format(value)), expected \(what) greater than 0" + (maximum < Self.largestMagnitude ? " and at most \(Self.format(maximum))" : ""))
            return nil
        }
        return value
    }

    /// A number from zero to `maximum`.
    func nonNegative(_ what: String, maximum: Double = largestMagnitude) -> Double? {
        guard let value = number() else { return nil }
        guard value >= 0, value <= maximum else {
            fail("found \(Self.format(value)), expected \(what) of at least 0" + (maximum < Self.largestMagnitude ? " and at most \(Self.format(maximum))" : ""))
            return nil
        }
        return value
    }

    /// A whole number within `range`. Digits are read as an integer, not through a Double, so
    /// every value up to `Int.max` is exact (a seed of 2⁵³ + 1 stays 2⁵³ + 1).
    func integer(in range: ClosedRange<Int>, _ what: String) -> Int? {
        let expectation = "\(what): a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let text, let quoted, _) = node, !quoted else {
            expected(expectation)
            return nil
        }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), !digits.isEmpty {
            guard let whole = Int(digits), range.contains(whole) else {
                fail("found \(text), expected \(expectation)")
                return nil
            }
            return whole
        }
        guard let value = Double(digits), value.isFinite else {
            expected(expectation)
            return nil
        }
        // `1e3` or `12.0`: accepted only where the Double is exact (below 2⁵³).
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992, let whole = Int(exactly: value),
              range.contains(whole) else {
            fail("found \(text), expected \(expectation)")
            return nil
        }
        return whole
    }

    func bool() -> Bool? {
        guard case .scalar(let text, false, _) = node else {
            expected("true or false")
            return nil
        }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            expected("true or false")
            return nil
        }
    }

    /// One of a fixed set of words.
    func choice(_ options: [String]) -> String? {
        guard let text = string() else { return nil }
        guard options.contains(text) else {
            var message = "found '\(text)', expected one of \(options.joined(separator: ", "))"
            if let guess = Spelling.closest(to: text, among: options) { message += "; did you mean '\(guess)'?" }
            fail(message)
            return nil
        }
        return text
    }

    /// A calendar date written `YYYY-MM-DD`.
    func date() -> CivilDate? {
        guard let text = string() else { return nil }
        let date: CivilDate
        do { date = try CivilDate(iso: text) } catch {
            fail("found '\(text)', expected a date written YYYY-MM-DD" + (text.count == 10 ? " (\(error))" : ""))
            return nil
        }
        return date
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The fields of one mapping, read by name.
struct MappingReader {
    let pairs: [(key: String, value: SourceNode)]
    let parent: FieldReader

    /// The field `key`, or nil when absent (absence is not an error here).
    func optional(_ key: String) -> FieldReader? {
        guard let pair = pairs.first(where: { $0.key == key }), !pair.value.isNull else { return nil }
        return FieldReader(node: pair.value, path: parent.join(key), log: parent.log)
    }

    /// The field `key`, logging "missing field" when absent.
    func required(_ key: String, _ what: String) -> FieldReader? {
        if let field = optional(key) { return field }
        parent.fail("missing field '\(key)': expected \(what)")
        return nil
    }

    var keys: [String] { pairs.map(\.key) }
}
