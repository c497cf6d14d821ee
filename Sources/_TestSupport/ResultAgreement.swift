import Foundation

// MARK: - ResultAgreement

/// Compares two clearcast JSON results the one way the README ("Reproducibility") states for results
/// made with different OpenBLAS kernels: the same structure and strings, every number within a
/// relative tolerance, and ranked lists in the same order except between entries whose scores are
/// within that tolerance of each other.
///
/// Fields that describe the run rather than the result (`blas`, `threads` and `runDate` of every
/// `provenance`, a comparison's per-scenario ones included) are skipped. Arrays of objects that carry an `"id"` (ranked hazard areas,
/// per-area release quantiles) are matched by id; their order must agree except where the entries
/// that trade places have scores (`meanScore`) within the tolerance, and such entries' `rank` may
/// differ.
///
/// ```swift
/// let agreement = try ResultAgreement(haswellJSON, prescottJSON)
/// #expect(agreement.disagreements.isEmpty, "\(agreement.disagreements)")
/// print(agreement.largestRelativeDifference)   // e.g. 2.2e-16, at agreement.largestAt
/// ```
public struct ResultAgreement: Sendable {
    /// The tolerance the README states: numbers agree when `|a − b| <= relative · max(|a|, |b|) + absolute`.
    public static let relativeTolerance = 1e-9
    /// Below this magnitude two numbers agree whatever their ratio (sums that cancel to about zero).
    public static let absoluteTolerance = 1e-12

    /// Every place the results differ beyond the rules, as "path: what".
    public private(set) var disagreements: [String] = []
    /// The largest relative difference between two numbers at the same place (0 when all are equal):
    /// `|a − b| / max(|a|, |b|, 1e-3)`, so that numbers near zero (sums that cancel) do not report
    /// huge ratios of tiny differences.
    public private(set) var largestRelativeDifference = 0.0
    /// Where ``largestRelativeDifference`` was found.
    public private(set) var largestAt = ""
    /// Ranked entries that traded places within the tolerance (by id).
    public private(set) var nearTieSwaps: [String] = []

    let relative: Double
    /// Members of a `provenance` object that describe the run.
    let runFields: Set<String> = ["blas", "threads", "runDate"]

    /// Compares two encoded results.
    ///
    /// - Throws: when either is not JSON.
    public init(_ a: Data, _ b: Data, relativeTolerance: Double = ResultAgreement.relativeTolerance) throws {
        relative = relativeTolerance
        let options: JSONSerialization.ReadingOptions = [.fragmentsAllowed]
        compare(try JSONSerialization.jsonObject(with: a, options: options),
                try JSONSerialization.jsonObject(with: b, options: options), at: "")
    }

    /// Whether two numbers agree within the tolerance.
    public static func agree(_ a: Double, _ b: Double, relative: Double = relativeTolerance) -> Bool {
        a == b || abs(a - b) <= relative * max(abs(a), abs(b)) + absoluteTolerance
    }

    // MARK: Walking the trees

    /// Whether `path` (e.g. `scenarios[2].provenance.blas`) names a field that describes the run.
    private func isIgnored(_ path: String) -> Bool {
        let parts = path.split(separator: ".")
        return parts.count >= 2 && parts[parts.count - 2] == "provenance" && runFields.contains(String(parts[parts.count - 1]))
    }

    private mutating func compare(_ a: Any, _ b: Any, at path: String) {
        if isIgnored(path) { return }
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let u = x[key], let v = y[key] else {
                    if !isIgnored(child) { disagreements.append("\(child): present in only one result") }
                    continue
                }
                compare(u, v, at: child)
            }
        case let (x as [Any], y as [Any]):
            compareArrays(x, y, at: path)
        case let (x as NSNumber, y as NSNumber) where !isBool(x) && !isBool(y):
            compareNumbers(x.doubleValue, y.doubleValue, at: path)
        case let (x as NSNumber, y as NSNumber):
            if isBool(x) != isBool(y) || x != y { disagreements.append("\(path): \(x) vs \(y)") }
        case let (x as String, y as String):
            if x != y { disagreements.append("\(path): \"\(x)\" vs \"\(y)\"") }
        case (is NSNull, is NSNull):
            break
        default:
            disagreements.append("\(path): different kinds of value (\(type(of: a)) vs \(type(of: b)))")
        }
    }

    private mutating func compareNumbers(_ x: Double, _ y: Double, at path: String) {
        let difference = x == y ? 0 : abs(x - y) / max(abs(x), abs(y), Self.absoluteTolerance / Self.relativeTolerance)
        if difference > largestRelativeDifference {
            largestRelativeDifference = difference
            largestAt = path
        }
        if !Self.agree(x, y, relative: relative) { disagreements.append("\(path): \(x) vs \(y)") }
    }

    private mutating func compareArrays(_ x: [Any], _ y: [Any], at path: String) {
        guard x.count == y.count else {
            disagreements.append("\(path): \(x.count) vs \(y.count) elements")
            return
        }
        let xs = x.compactMap { $0 as? [String: Any] }, ys = y.compactMap { $0 as? [String: Any] }
        let xIDs = xs.compactMap { $0["id"] as? String }, yIDs = ys.compactMap { $0["id"] as? String }
        guard xs.count == x.count, xIDs.count == x.count, yIDs.count == y.count, Set(xIDs).count == xIDs.count else {
            for i in x.indices { compare(x[i], y[i], at: "\(path)[\(i)]") }
            return
        }
        guard Set(xIDs) == Set(yIDs) else {
            disagreements.append("\(path): different ids")
            return
        }
        let byID = Dictionary(uniqueKeysWithValues: zip(yIDs, ys))
        for (i, entry) in xs.enumerated() {
            let id = xIDs[i]
            guard var other = byID[id] else { continue }
            var mine = entry
            if yIDs[i] != id {
                // Out of place: allowed only as a near-tie swap with the entry now in its place.
                let rival = byID[yIDs[i]].flatMap(score)
                if let s = score(entry), let r = rival, Self.agree(s, r, relative: relative) {
                    nearTieSwaps.append(id)
                    mine["rank"] = nil
                    other["rank"] = nil
                } else {
                    disagreements.append("\(path)[\(i)]: \(id) vs \(yIDs[i]) (order differs beyond a near-tie)")
                }
            }
            compare(mine, other, at: "\(path)[\(id)]")
        }
    }

    private func score(_ entry: [String: Any]) -> Double? { (entry["meanScore"] as? NSNumber)?.doubleValue }

    /// JSON `true`/`false` arrive as NSNumbers of Objective-C type `c` (char); JSON numbers as `q` or `d`.
    private func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }
}
