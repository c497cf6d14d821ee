import EventSimulation

// MARK: - ClearanceModelError

/// Errors thrown by the ClearanceModel module. All are caused by input data, never by internal state.
public enum ClearanceModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One or more input fields are invalid; every problem found is listed.
    case invalidInput([ValidationIssue])

    public var description: String {
        switch self {
        case .invalidInput(let issues):
            return "invalid clearance model input:\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}

// MARK: - Issue collection

/// Accumulates validation issues under a path prefix, so nested `validate` calls produce full paths.
struct IssueCollector {
    private(set) var issues: [ValidationIssue] = []

    mutating func add(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }

    /// Runs a nested `validate()` and re-roots its issues under `prefix`.
    mutating func nest(_ prefix: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch let ClearanceModelError.invalidInput(inner) {
            for issue in inner {
                let path = issue.path.isEmpty ? prefix : (issue.path.hasPrefix("[") ? prefix + issue.path : prefix + "." + issue.path)
                issues.append(ValidationIssue(path: path, message: issue.message))
            }
        } catch {
            issues.append(ValidationIssue(path: prefix, message: String(describing: error)))
        }
    }


    /// Throws when any issue was recorded.
    func throwIfAny() throws {
        if !issues.isEmpty { throw ClearanceModelError.invalidInput(issues) }
    }

    // MARK: Common checks

    mutating func finite(_ value: Double, _ path: String, atLeast lower: Double? = nil, atMost upper: Double? = nil) {
        guard value.isFinite else { add(path, "must be a finite number, found \(value)"); return }
        if let lower, value < lower { add(path, "must be ≥ \(lower), found \(value)") }
        if let upper, value > upper { add(path, "must be ≤ \(upper), found \(value)") }
    }

    mutating func distribution(_ d: Distribution, _ path: String, nonNegative: Bool = true, unitInterval: Bool = false) {
        do {
            try d.validate()
        } catch {
            add(path, "invalid distribution: \(error)")
            return
        }
        let m = d.mean
        if !m.isFinite { add(path, "distribution mean must be finite, found \(m)"); return }
        if nonNegative && m < 0 { add(path, "distribution mean must be ≥ 0, found \(m)") }
        if unitInterval && (m < 0 || m > 1) { add(path, "a share must have mean in [0, 1], found \(m)") }
    }
}
