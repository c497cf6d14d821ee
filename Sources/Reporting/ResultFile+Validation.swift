import ClearanceModel
import ClearcastDomain

// MARK: - Validation of results read back from files

/// What is wrong with a result: each problem at its field path (`yearly[3].remaining.p50`), with
/// what was found and what was expected. Thrown by `validate()` on ``ScoreResult``,
/// ``SimulationResult`` and ``CompareResult``; ``ResultFile/read(_:)`` turns it into a
/// ``ResultFile/ReadError`` naming the file.
public struct ResultValidationError: Error, CustomStringConvertible, Sendable {
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// Where, as a path from the result's root: `hazards[5].rank`, `completion.byType.AP.p50Days`.
        public var field: String
        /// "found -1; expected a horizon in years, > 0 and ≤ 100".
        public var message: String
        public var description: String { "\(field): \(message)" }
    }

    /// The problems found, in the order the fields are checked (at most ``ResultChecker/maximumIssues``).
    public var issues: [Issue]
    /// Problems found beyond those kept in `issues`.
    public var omitted: Int

    public var description: String {
        let shown = issues.prefix(3).map(\.description).joined(separator: "; ")
        let more = issues.count - min(issues.count, 3) + omitted
        return shown + (more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"))" : "")
    }
}

/// Collects validation problems of a decoded result. Every check takes the field's full path.
///
/// The ranges are those of `schemas/result.schema.json` plus what the notebook exporters and text
/// tables assume (a positive horizon, ordered quantiles, existing dates, consistent lengths), and a
/// magnitude bound (``magnitude``) so that no sum, product or unit conversion in an exporter can
/// overflow to infinity or NaN.
struct ResultChecker {
    /// Problems kept; the rest are only counted.
    static let maximumIssues = 20
    /// Largest magnitude of any number in a result: 10^15 (m², people, currency units, metres).
    /// The Earth's surface is 5.1 × 10^14 m²; sums of a few such numbers stay far from overflow.
    static let magnitude = 1e15
    /// Largest grid, as the scenario reader allows (`grid` with at most 10^9 cells of at most 100 km).
    static let maximumGridCells = 1_000_000_000
    static let maximumCellSize = 100_000.0
    /// Replications `simulate` and `compare` accept (`--replications`).
    static let maximumReplications = 1_000_000
    static let contaminationCodes = ContaminationType.allCases.map(\.rawValue).sorted()

    private(set) var issues: [ResultValidationError.Issue] = []
    private(set) var omitted = 0

    mutating func fail(_ field: String, _ message: String) {
        if issues.count < Self.maximumIssues {
            issues.append(.init(field: field, message: message))
        } else {
            omitted += 1
        }
    }

    /// Throws the problems found, if any.
    func finish() throws {
        if !issues.isEmpty { throw ResultValidationError(issues: issues, omitted: omitted) }
    }

    // MARK: Paths

    /// `path.name`; control and direction characters in a map key are escaped (paths reach a terminal).
    static func key(_ path: String, _ name: String) -> String {
        let safe = name.unicodeScalars.contains(where: isUnsafe) ? String(quote(name, limit: 200).dropFirst().dropLast()) : name
        return path.isEmpty ? safe : path + "." + safe
    }
    static func index(_ path: String, _ i: Int) -> String { path + "[\(i)]" }

    // MARK: Scalars

    /// A finite number in `range`; `what` names the quantity, e.g. "a share".
    mutating func number(_ value: Double, _ field: String, in range: ClosedRange<Double>, _ what: String) {
        guard !(value.isFinite && range.contains(value)) else { return }
        fail(field, "found \(value); expected \(what) in \(Self.describe(range))")
    }

    mutating func share(_ value: Double, _ field: String) { number(value, field, in: 0...1, "a share") }

    mutating func nonNegative(_ value: Double, _ field: String) {
        number(value, field, in: 0...Self.magnitude, "a number ≥ 0")
    }

    mutating func finite(_ value: Double, _ field: String) {
        number(value, field, in: -Self.magnitude...Self.magnitude, "a number")
    }

    mutating func count(_ value: Int, _ field: String, in range: ClosedRange<Int>, _ what: String = "a count") {
        guard !range.contains(value) else { return }
        fail(field, "found \(value); expected \(what) in \(range.lowerBound)...\(range.upperBound)")
    }

    mutating func oneOf(_ value: String, _ field: String, _ allowed: [String]) {
        guard !allowed.contains(value) else { return }
        fail(field, "found \(Self.quote(value)); expected one of \(allowed.joined(separator: ", "))")
    }

    /// A calendar date `YYYY-MM-DD` that exists (years 1...9999), as ``CivilDate`` parses it.
    @discardableResult
    mutating func date(_ text: String, _ field: String) -> CivilDate? {
        // The schema's pattern (ASCII digits only: `Int` alone would take "+1" or "-1" as a month).
        let shaped = text.utf8.count == 10 && text.utf8.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        if shaped, let date = try? CivilDate(iso: text) { return date }
        fail(field, "found \(Self.quote(text)); expected a calendar date YYYY-MM-DD (years 0001-9999)")
        return nil
    }

    // MARK: Quantiles

    /// Finite P10, P50, P90 and mean with P10 ≤ P50 ≤ P90 (the mean may lie outside the band);
    /// all ≥ 0 for areas, counts and amounts.
    mutating func quantiles(_ q: Quantiles, _ field: String, nonNegative: Bool = true) {
        let values = [("p10", q.p10), ("p50", q.p50), ("p90", q.p90), ("mean", q.mean)]
        for (name, value) in values {
            if nonNegative { self.nonNegative(value, Self.key(field, name)) } else { finite(value, Self.key(field, name)) }
        }
        if q.p10 > q.p50 || q.p50 > q.p90 {
            fail(field, "found p10 \(q.p10), p50 \(q.p50), p90 \(q.p90); expected p10 ≤ p50 ≤ p90")
        }
    }

    /// Completion quantiles in days from `start`, each with its date: days in 0...`horizonDays`,
    /// ordered, a later quantile only when the earlier one is reached, and every date the start
    /// date plus its whole days.
    mutating func dateQuantiles(_ q: DateQuantiles, _ field: String, start: CivilDate?, horizonDays: Int) {
        share(q.finishedShare, Self.key(field, "finishedShare"))
        let days = 0...Double(horizonDays)
        let entries = [("p10", q.p10Days, q.p10Date), ("p50", q.p50Days, q.p50Date), ("p90", q.p90Days, q.p90Date)]
        var previous: (name: String, days: Double?)?
        for (name, value, text) in entries {
            let daysField = Self.key(field, name + "Days"), dateField = Self.key(field, name + "Date")
            var validDays: Double?
            if let value {
                number(value, daysField, in: days, "days from the start date within the horizon")
                if value.isFinite && days.contains(value) { validDays = value }
            }
            if let previous {
                if value != nil && previous.days == nil {
                    fail(Self.key(field, previous.name + "Days"), "missing; expected when \(name)Days is present "
                        + "(replications that finish by \(name.uppercased()) also finish by \(previous.name.uppercased()))")
                }
                if let earlier = previous.days, let value, value < earlier {
                    fail(daysField, "found \(value); expected ≥ \(previous.name)Days (\(earlier))")
                }
            }
            switch (value, text) {
            case (nil, let text?):
                fail(dateField, "found \(Self.quote(text)) without \(name)Days; expected both or neither")
            case (.some, nil):
                fail(dateField, "missing; expected the date of \(name)Days")
            case (.some, let text?):
                if let date = date(text, dateField), let start, let validDays {
                    let expected = start.adding(days: Int(validDays.rounded(.down)))
                    if date != expected {
                        fail(dateField, "found \(text); expected \(expected) (startDate + \(name)Days)")
                    }
                }
            case (nil, nil): break
            }
            previous = (name, value)
        }
        if let mean = q.meanDays { number(mean, Self.key(field, "meanDays"), in: days, "days from the start date within the horizon") }
    }

    // MARK: Text

    /// `text` quoted for a message: at most 40 characters, control characters escaped (the message
    /// goes to a terminal).
    static func quote(_ text: String, limit: Int = 40) -> String {
        var quoted = "'"
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == limit { quoted += "…"; break }
            if isUnsafe(scalar) {
                quoted += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "'"
    }

    /// C0 and C1 controls, line and paragraph separators, bidirectional overrides and isolates.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e6 ? String(Int(x)) : String(x) }
        return "[\(number(range.lowerBound)), \(number(range.upperBound))]"
    }
}
