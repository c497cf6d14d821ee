import Calibration
import ClearanceModel
import ClearcastDomain

// MARK: - Validation

extension CalibrationResult {
    static let verdicts = ["identified", "bounded", "not_identified"]
    static let pairVerdicts = ["trade_off", "separate", "too_few_points"]
    static let metrics = ["released_area", "cancelled_area", "reduced_area", "cleared_area", "civilian_casualties", "deminer_casualties"]
    static let maximumParameters = 8
    static let maximumPoints = 100_000

    /// Checks what the schema cannot: parameters with LOW < HIGH and estimates inside their range in
    /// order, pairs naming two different parameters, one simulated figure per observation at every
    /// point with coordinates in the unit box, a best point and accepted points that agree with the
    /// distances and the threshold, forecast quantiles in order, and finite numbers everywhere.
    ///
    /// - Throws: ``ResultValidationError`` listing every problem with its field path.
    public func validate() throws {
        typealias C = ResultChecker
        var c = ResultChecker()
        let start = c.runHeader("calibrate", schema: schema, kind: kind, provenance: provenance, replications: replications,
                                startDate: startDate, horizonYears: horizonYears)
        c.count(replications, "replications", in: 1...C.maximumReplications, "replications")
        c.number(level, "level", in: 0.000001...0.999999, "a confidence level between 0 and 1")
        c.number(observationError, "observationError", in: 0.000001...10, "a relative error > 0")
        c.count(parameters.count, "parameters", in: 1...Self.maximumParameters, "a number of parameters")
        c.count(points.count, "points", in: 2...Self.maximumPoints, "a number of design points")
        for (i, p) in parameters.enumerated() { check(&c, p, C.index("parameters", i)) }
        for (k, pair) in pairs.enumerated() {
            let path = C.index("pairs", k)
            if !(pair.first < pair.second && pair.second < parameters.count) {
                c.fail(path, "names parameters \(pair.first) and \(pair.second); expected first < second < \(parameters.count)")
            }
            c.oneOf(pair.verdict, C.key(path, "verdict"), Self.pairVerdicts)
            if let r = pair.correlation { c.number(r, C.key(path, "correlation"), in: -1.000001...1.000001, "a correlation") }
            for (name, end) in [("lowEnd", pair.lowEnd), ("highEnd", pair.highEnd)] {
                if end.count != 2 && !(end.isEmpty && pair.verdict == "too_few_points") {
                    c.fail(C.key(path, name), "found \(end.count) values; expected the two parameters' values")
                }
                for (i, x) in end.enumerated() { c.finite(x, C.index(C.key(path, name), i)) }
            }
        }
        let d = parameters.count
        if pairs.count != d * (d - 1) / 2 { c.fail("pairs", "found \(pairs.count); expected one per pair of parameters, \(d * (d - 1) / 2)") }
        for (j, o) in observations.enumerated() {
            let path = C.index("observations", j)
            let from = c.date(o.periodStart, C.key(path, "periodStart")), to = c.date(o.periodEnd, C.key(path, "periodEnd"))
            if let from, let to, to < from { c.fail(C.key(path, "periodEnd"), "found \(o.periodEnd) before periodStart; expected an end after the start") }
            if let from, let start, from < start { c.fail(C.key(path, "periodStart"), "found \(o.periodStart) before startDate \(startDate)") }
            c.oneOf(o.metric, C.key(path, "metric"), Self.metrics)
            c.oneOf(o.unit, C.key(path, "unit"), [o.metric.hasSuffix("_casualties") ? "people" : "ha"])
            if let type = o.type { c.oneOf(type, C.key(path, "type"), C.contaminationCodes) }
            c.number(o.relativeError, C.key(path, "relativeError"), in: 0.000001...10, "a relative error > 0")
            for (name, x) in [("observed", o.observed), ("bestMean", o.bestMean), ("bestP10", o.bestP10), ("bestP90", o.bestP90),
                              ("acceptedLow", o.acceptedLow), ("acceptedHigh", o.acceptedHigh), ("asWrittenMean", o.asWrittenMean)] {
                c.nonNegative(x, C.key(path, name))
            }
            if !(o.bestP10 <= o.bestP90 && o.acceptedLow <= o.acceptedHigh) {
                c.fail(path, "has P10 above P90 or an accepted low above its high; expected them in order")
            }
        }
        c.count(fit.figures, "fit.figures", in: observations.count...observations.count, "the number of observations")
        checkPoints(&c)
        for (k, f) in forecast.enumerated() {
            let path = C.index("forecast", k)
            c.share(f.finishedShare, C.key(path, "finishedShare"))
            let years = [f.p10Years, f.p50Years, f.p90Years]
            for (name, y) in zip(["p10Years", "p50Years", "p90Years"], years) {
                if let y { c.number(y, C.key(path, name), in: 0...Double(horizonYears) + 1, "years within the horizon") }
            }
            let present = years.map { $0 ?? .infinity }
            if !(present[0] <= present[1] && present[1] <= present[2]) { c.fail(path, "has completion quantiles out of order; expected P10 ≤ P50 ≤ P90") }
            for (name, x) in [("remainingKm2", f.remainingKm2), ("remainingKm2Low", f.remainingKm2Low), ("remainingKm2High", f.remainingKm2High),
                              ("bestRemainingKm2", f.bestRemainingKm2)] {
                c.nonNegative(x, C.key(path, name))
            }
            if !(f.remainingKm2Low <= f.remainingKm2 * (1 + 1e-9) + 1e-9 && f.remainingKm2 <= f.remainingKm2High * (1 + 1e-9) + 1e-9) {
                c.fail(C.key(path, "remainingKm2"), "found \(f.remainingKm2) outside [\(f.remainingKm2Low), \(f.remainingKm2High)]; expected the pooled mean between the points' means")
            }
        }
        try c.finish()
    }

    private func check(_ c: inout ResultChecker, _ p: Parameter, _ path: String) {
        typealias C = ResultChecker
        let input = C.key(path, "input"), estimate = C.key(path, "estimate")
        if p.input.path.isEmpty { c.fail(C.key(input, "path"), "found an empty string; expected a scenario field path") }
        c.oneOf(p.input.variation, C.key(input, "variation"), ["range", "scale"])
        c.finite(p.input.low, C.key(input, "low"))
        c.finite(p.input.high, C.key(input, "high"))
        guard p.input.low < p.input.high else {
            c.fail(C.key(input, "high"), "found \(p.input.high) with low \(p.input.low); expected LOW < HIGH")
            return
        }
        if p.input.variation == "scale" && !(p.input.low > 0) { c.fail(C.key(input, "low"), "found \(p.input.low); expected a factor > 0") }
        // Whole ranges round their values, so they may sit half a unit beyond a fractional end.
        let slack = 0.5 + 1e-9 * max(abs(p.input.low), abs(p.input.high))
        let inRange = (p.input.low - slack)...(p.input.high + slack)
        let e = p.estimate
        for (name, x) in [("best", e.best), ("acceptedLow", e.acceptedLow), ("acceptedHigh", e.acceptedHigh),
                          ("p10", e.p10), ("p50", e.p50), ("p90", e.p90)] {
            c.number(x, C.key(estimate, name), in: p.input.whole == true ? inRange : (p.input.low - 1e-9)...(p.input.high + 1e-9), "a value in the parameter's range")
        }
        if !(e.acceptedLow <= e.p10 && e.p10 <= e.p50 && e.p50 <= e.p90 && e.p90 <= e.acceptedHigh) {
            c.fail(estimate, "has accepted quantiles out of order; expected acceptedLow ≤ p10 ≤ p50 ≤ p90 ≤ acceptedHigh")
        }
        c.share(e.coverage, C.key(estimate, "coverage"))
        c.oneOf(e.verdict, C.key(estimate, "verdict"), Self.verdicts)
    }

    private func checkPoints(_ c: inout ResultChecker) {
        typealias C = ResultChecker
        var accepted = 0, smallest = Double.infinity
        for (k, point) in points.enumerated() {
            let path = C.index("points", k)
            if point.coordinates.count != parameters.count || point.values.count != parameters.count {
                c.fail(path, "has \(point.coordinates.count) coordinates and \(point.values.count) values; expected one per parameter, \(parameters.count)")
            }
            for (i, u) in point.coordinates.enumerated() { c.number(u, C.index(C.key(path, "coordinates"), i), in: 0...1, "a position in the range") }
            for (i, x) in point.values.enumerated() { c.finite(x, C.index(C.key(path, "values"), i)) }
            c.nonNegative(point.distance, C.key(path, "distance"))
            if point.simulated.count != observations.count {
                c.fail(C.key(path, "simulated"), "found \(point.simulated.count); expected one per observation, \(observations.count)")
            }
            for (j, x) in point.simulated.enumerated() { c.nonNegative(x, C.index(C.key(path, "simulated"), j)) }
            if point.accepted != (point.distance <= fit.threshold) {
                c.fail(C.key(path, "accepted"), "found \(point.accepted) with distance \(point.distance) and threshold \(fit.threshold); expected accepted exactly when distance ≤ threshold")
            }
            if point.accepted { accepted += 1 }
            smallest = min(smallest, point.distance)
        }
        c.nonNegative(fit.minimumDistance, "fit.minimumDistance")
        c.nonNegative(fit.asWrittenDistance, "fit.asWrittenDistance")
        if !(fit.threshold >= fit.minimumDistance) { c.fail("fit.threshold", "found \(fit.threshold) below minimumDistance; expected it above") }
        c.count(fit.best, "fit.best", in: 0...max(0, points.count - 1), "a point index")
        if points.indices.contains(fit.best), points[fit.best].distance != fit.minimumDistance || smallest != fit.minimumDistance {
            c.fail("fit.best", "point \(fit.best) does not have the smallest distance \(fit.minimumDistance)")
        }
        if accepted != fit.acceptedPoints || accepted == 0 {
            c.fail("fit.acceptedPoints", "found \(fit.acceptedPoints) with \(accepted) points marked accepted; expected them equal and ≥ 1")
        }
        if fit.asWrittenAccepted != (fit.asWrittenDistance <= fit.threshold) {
            c.fail("fit.asWrittenAccepted", "found \(fit.asWrittenAccepted); expected asWrittenDistance ≤ threshold")
        }
    }
}
