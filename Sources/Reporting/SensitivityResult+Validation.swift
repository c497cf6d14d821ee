import SensitivityAnalysis
import ClearanceModel
import Scenarios

// MARK: - Validation

extension SensitivityResult {
    static let methods = ["oat", "morris", "sobol"]
    /// Most inputs and outputs a result may list (the table and charts draw one row per input).
    static let maximumInputs = 1_000
    static let maximumOutputs = 100

    /// Checks what the schema cannot: a design whose size matches the method, its samples and the
    /// inputs (and whose points lie in the unit cube), ranges with LOW < HIGH, only the method's
    /// indices present with one per input, swings that are |high − low|, μ* ≥ |μ|, intervals in
    /// order, and finite numbers within ``ResultChecker/magnitude`` everywhere.
    ///
    /// - Throws: ``ResultValidationError`` listing every problem with its field path.
    public func validate() throws {
        typealias C = ResultChecker
        var c = ResultChecker()
        c.runHeader("sensitivity", schema: schema, kind: kind, provenance: provenance, replications: replications,
                    startDate: startDate, horizonYears: horizonYears)
        c.oneOf(method, "method", Self.methods)
        c.count(replications, "replications", in: 1...C.maximumReplications, "replications")
        c.count(inputs.count, "inputs", in: 1...Self.maximumInputs, "a number of inputs")
        c.count(outputs.count, "outputs", in: 1...Self.maximumOutputs, "a number of outputs")
        for (i, input) in inputs.enumerated() { check(&c, input, C.index("inputs", i)) }
        checkDesign(&c)
        for (j, output) in outputs.enumerated() { check(&c, output, C.index("outputs", j)) }
        try c.finish()
    }

    private func check(_ c: inout ResultChecker, _ input: Input, _ path: String) {
        typealias C = ResultChecker
        if input.path.isEmpty { c.fail(C.key(path, "path"), "found an empty string; expected a scenario field path") }
        c.oneOf(input.variation, C.key(path, "variation"), ["range", "scale"])
        c.finite(input.low, C.key(path, "low"))
        c.finite(input.high, C.key(path, "high"))
        if !(input.low < input.high) {
            c.fail(C.key(path, "high"), "found \(input.high) with low \(input.low); expected LOW < HIGH")
        }
        if let paths = input.paths, paths.count < 2 || paths.first != input.path {
            c.fail(C.key(path, "paths"), "found \(paths.count) path(s) starting \(C.quote(paths.first ?? "")); expected two or more, the first being path")
        }
        if input.variation == "scale" {
            if !(input.low > 0) { c.fail(C.key(path, "low"), "found \(input.low); expected a factor > 0") }
            if input.whole == false { c.fail(C.key(path, "whole"), "found false for a scale; expected true (products rounded) or absent") }
        } else if input.variation == "range" && input.whole == nil {
            c.fail(C.key(path, "whole"), "missing; expected true or false for a range")
        }
    }

    /// The points: as many as the method's design has, each of the right shape.
    private func checkDesign(_ c: inout ResultChecker) {
        typealias C = ResultChecker
        let d = inputs.count
        var expected: Int?
        switch method {
        case "oat":
            if samples != nil { c.fail("samples", "found \(samples ?? 0); expected it absent one at a time") }
            expected = 2 * d
        case "morris":
            if let samples { c.count(samples, "samples", in: 1...C.maximumReplications, "Morris trajectories") } else {
                c.fail("samples", "missing; expected the number of Morris trajectories")
            }
            if let levels { c.count(levels, "levels", in: 2...1_000, "grid levels") } else {
                c.fail("levels", "missing; expected the Morris grid's levels")
            }
            expected = samples.flatMap { $0.multipliedReportingOverflow(by: d + 1).overflow ? nil : $0 * (d + 1) }
        case "sobol":
            if let samples { c.count(samples, "samples", in: 2...C.maximumReplications, "Sobol base samples") } else {
                c.fail("samples", "missing; expected the number of Sobol base samples")
            }
            expected = samples.flatMap { $0.multipliedReportingOverflow(by: d + 2).overflow ? nil : $0 * (d + 2) }
        default: break
        }
        if method != "morris", levels != nil { c.fail("levels", "found for method \(C.quote(method)); expected it only for morris") }
        if let expected, points.count != expected {
            c.fail("points", "found \(points.count) points; expected \(expected) for \(method) with \(d) inputs"
                + (samples.map { " and \($0) samples" } ?? ""))
        }
        for (k, point) in points.enumerated() {
            let path = C.index("points", k)
            if method == "oat" {
                if point.coordinates != nil { c.fail(C.key(path, "coordinates"), "found; expected input and end one at a time") }
                if point.input != k / 2 { c.fail(C.key(path, "input"), "found \(point.input.map(String.init) ?? "none"); expected \(k / 2)") }
                let end = k % 2 == 0 ? "low" : "high"
                if point.end != end { c.fail(C.key(path, "end"), "found \(point.end.map { C.quote($0) } ?? "none"); expected '\(end)'") }
            } else {
                if point.input != nil || point.end != nil {
                    c.fail(path, "has input or end; expected coordinates only for \(C.quote(method))")
                }
                if let coordinates = point.coordinates {
                    if coordinates.count != d {
                        c.fail(C.key(path, "coordinates"), "found \(coordinates.count); expected one per input, \(d)")
                    }
                    for (i, u) in coordinates.enumerated() { c.number(u, C.index(C.key(path, "coordinates"), i), in: 0...1, "a position in the range") }
                } else {
                    c.fail(C.key(path, "coordinates"), "missing; expected each input's position in its range")
                }
            }
            if point.outputs.count != outputs.count {
                c.fail(C.key(path, "outputs"), "found \(point.outputs.count) values; expected one per output, \(outputs.count)")
            }
            for (j, value) in point.outputs.enumerated() { c.finite(value, C.index(C.key(path, "outputs"), j)) }
        }
    }

    private func check(_ c: inout ResultChecker, _ output: Output, _ path: String) {
        typealias C = ResultChecker
        let field = { (name: String) in C.key(path, name) }
        if SensitivityOutput(name: output.name) == nil { c.oneOf(output.name, field("name"), SensitivityOutput.names) }
        if output.censored && !output.name.hasPrefix("completion_years") {
            c.fail(field("censored"), "found true for \(C.quote(output.name)); expected only completion outputs censored")
        }
        c.finite(output.baseline, field("baseline"))
        let present = [("oat", "oneAtATime", output.oneAtATime?.count), ("morris", "morris", output.morris?.count),
                       ("sobol", "sobol", output.sobol?.count)]
        for (name, key, count) in present {
            if name == method {
                if count != inputs.count {
                    c.fail(field(key), "found \(count.map { "\($0) entries" } ?? "none"); expected one per input, \(inputs.count)")
                }
            } else if count != nil {
                c.fail(field(key), "found with method \(C.quote(method)); expected only the method's indices")
            }
        }
        for (i, e) in (output.oneAtATime ?? []).enumerated() {
            let p = C.index(field("oneAtATime"), i)
            c.finite(e.low, C.key(p, "low"))
            c.finite(e.high, C.key(p, "high"))
            c.nonNegative(e.swing, C.key(p, "swing"))
            if e.low.isFinite, e.high.isFinite, !(abs(e.swing - abs(e.high - e.low)) <= 1e-9 * max(1, abs(e.high), abs(e.low))) {
                c.fail(C.key(p, "swing"), "found \(e.swing); expected |high − low| = \(abs(e.high - e.low))")
            }
        }
        for (i, e) in (output.morris ?? []).enumerated() {
            let p = C.index(field("morris"), i)
            c.nonNegative(e.muStar, C.key(p, "muStar"))
            c.finite(e.mu, C.key(p, "mu"))
            c.nonNegative(e.sigma, C.key(p, "sigma"))
            if e.mu.isFinite, e.muStar.isFinite, abs(e.mu) > e.muStar * (1 + 1e-9) + 1e-12 {
                c.fail(C.key(p, "mu"), "found \(e.mu) with muStar \(e.muStar); expected |mu| ≤ muStar")
            }
        }
        for (i, e) in (output.sobol ?? []).enumerated() {
            let p = C.index(field("sobol"), i)
            for (name, value) in [("first", e.first), ("firstLower", e.firstLower), ("firstUpper", e.firstUpper),
                                  ("total", e.total), ("totalLower", e.totalLower), ("totalUpper", e.totalUpper)] {
                c.finite(value, C.key(p, name))
            }
            if !(e.firstLower <= e.firstUpper) { c.fail(C.key(p, "firstUpper"), "found \(e.firstUpper) below firstLower \(e.firstLower); expected lower ≤ upper") }
            if !(e.totalLower <= e.totalUpper) { c.fail(C.key(p, "totalUpper"), "found \(e.totalUpper) below totalLower \(e.totalLower); expected lower ≤ upper") }
        }
    }
}
