import Foundation
import Scenarios

/// Which parameter points the data accept, and what that says about each parameter and each pair.
///
/// **Accepted set.** A point is accepted when its distance is within χ²_d(level) of the smallest
/// one: D(θ) ≤ D_min + χ²_d(level), d the number of parameters. Under the synthetic likelihood of
/// ``CalibrationDistance`` this is the likelihood-ratio confidence region at `level` (e.g. 90 %),
/// evaluated on the design's points: an ABC rejection whose tolerance is set by the statistics
/// rather than by hand. Intervals are the accepted points' extremes, so they are as fine as the
/// design (about 1 / points^(1/d) of each range).
///
/// **Identifiability.** Per parameter, the share of its range the accepted points span decides:
/// ≥ ``unidentifiedCoverage`` is *not identified* (the data allow almost anything); an accepted
/// set that reaches an end of the range is *bounded* on one side only (the range, not the data,
/// gives the other bound); otherwise *identified*. Per pair, a strong correlation of the accepted
/// points (|r| ≥ ``tradeOffCorrelation``) while both spread over ≥ ``tradeOffCoverage`` of their
/// ranges is a *trade-off*: the data fix a combination of the two (e.g. more land cancelled by
/// survey and fewer teams release the same yearly total), not each; the accepted points at both
/// ends of the ridge show the splits the data allow.
public struct CalibrationFit: Sendable, Equatable, Codable {
    public static let unidentifiedCoverage = 0.7
    public static let tradeOffCorrelation = 0.5
    public static let tradeOffCoverage = 0.35

    public struct Parameter: Sendable, Equatable, Codable {
        public var label: String
        /// Value at the best point (a range's value, or a scale's factor).
        public var best: Double
        /// Extremes and quantiles over the accepted points.
        public var acceptedLow: Double
        public var acceptedHigh: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// Share of the range between the accepted extremes.
        public var coverage: Double
        /// `identified`, `bounded` or `not_identified`.
        public var verdict: String
        /// One sentence for a planner.
        public var explanation: String
    }

    public struct Pair: Sendable, Equatable, Codable {
        /// Indices into the parameters.
        public var first: Int
        public var second: Int
        /// Pearson correlation of the accepted points' positions; nil with fewer than 3 accepted points.
        public var correlation: Double?
        /// `trade_off`, `separate` or `too_few_points`.
        public var verdict: String
        public var explanation: String
        /// (first, second) at the accepted points with the smallest and the largest first value.
        public var lowEnd: [Double]
        public var highEnd: [Double]
    }

    public var level: Double
    public var minimumDistance: Double
    /// D_min + χ²_d(level).
    public var threshold: Double
    /// Index of the best point.
    public var best: Int
    /// Indices of the accepted points, in design order.
    public var accepted: [Int]
    public var parameters: [Parameter]
    public var pairs: [Pair]
    /// Number of observed figures.
    public var figures: Int
    /// D_min above the 99 % χ² quantile with figures − d degrees of freedom: no point fits the data
    /// as well as the errors allow (a model or data problem, or a box that misses the fit).
    public var poorFit: Bool

    /// - Parameters:
    ///   - inputs: the parameters; `coordinates[k][i]` is parameter i's position in its range at point k.
    ///   - distances: D at each point.
    /// - Complexity: O(points × d²).
    public init(inputs: [UncertaintySpec.Input], coordinates: [[Double]], distances: [Double], figures: Int, level: Double) {
        let d = inputs.count, n = coordinates.count
        precondition(d >= 1 && n >= 1 && distances.count == n)
        self.level = level
        self.figures = figures
        best = distances.indices.min { distances[$0] < distances[$1] } ?? 0
        minimumDistance = distances[best]
        let threshold = minimumDistance + ChiSquare.quantile(level, df: d)
        self.threshold = threshold
        accepted = distances.indices.filter { distances[$0] <= threshold }
        let dof = max(1, figures - d)
        poorFit = minimumDistance > ChiSquare.quantile(0.99, df: dof)
        let resolution = pow(1 / Double(n), 1 / Double(d))
        let acceptedPoints = accepted.map { coordinates[$0] }
        var parameters: [Parameter] = []
        for (i, input) in inputs.enumerated() {
            let u = acceptedPoints.map { $0[i] }.sorted()
            let value = { (x: Double) in input.number(at: x) }
            let lowU = u.first ?? 0, highU = u.last ?? 0
            let coverage = highU - lowU
            let touchesLow = lowU <= resolution, touchesHigh = highU >= 1 - resolution
            let q = { (p: Double) in value(CalibrationDistance.observedQuantile(u, p)) }
            let (low, high) = (value(lowU), value(highU))
            let show = { (x: Double) in Self.show(input, x) }
            let range = "\(show(low)) to \(show(high))"
            let verdict: String, explanation: String
            if coverage >= Self.unidentifiedCoverage {
                verdict = "not_identified"
                explanation = "not identified by these data: they allow \(range), \(Int((coverage * 100).rounded())) % of the range tried"
            } else if touchesLow != touchesHigh {
                verdict = "bounded"
                explanation = touchesLow
                    ? "bounded above only: the data rule out values above \(show(high)); below, they allow down to the range's own end \(show(input.number(at: 0)))"
                    : "bounded below only: the data rule out values below \(show(low)); above, they allow up to the range's own end \(show(input.number(at: 1)))"
            } else {
                verdict = "identified"
                explanation = "identified: \(range) (\(Int(level * 100)) % region)"
            }
            parameters.append(Parameter(label: input.label, best: value(coordinates[best][i]), acceptedLow: low, acceptedHigh: high,
                                        p10: q(0.1), p50: q(0.5), p90: q(0.9), coverage: coverage, verdict: verdict,
                                        explanation: explanation))
        }
        self.parameters = parameters
        var pairs: [Pair] = []
        for a in 0..<d {
            for b in (a + 1)..<d {
                pairs.append(Self.pair(a, b, inputs: inputs, points: acceptedPoints, parameters: parameters))
            }
        }
        self.pairs = pairs
    }

    private static func pair(_ a: Int, _ b: Int, inputs: [UncertaintySpec.Input], points: [[Double]],
                             parameters: [Parameter]) -> Pair {
        let ordered = points.sorted { $0[a] < $1[a] }
        let ends = { (p: [Double]?) in p.map { [inputs[a].number(at: $0[a]), inputs[b].number(at: $0[b])] } ?? [] }
        let (la, lb) = (inputs[a].label, inputs[b].label)
        guard points.count >= 3 else {
            return Pair(first: a, second: b, correlation: nil, verdict: "too_few_points",
                        explanation: "\(points.count) accepted point\(points.count == 1 ? "" : "s"): too few to judge whether \(la) and \(lb) trade off; run more --points",
                        lowEnd: ends(ordered.first), highEnd: ends(ordered.last))
        }
        let r = correlation(points.map { $0[a] }, points.map { $0[b] })
        let wide = parameters[a].coverage >= tradeOffCoverage && parameters[b].coverage >= tradeOffCoverage
        if let r, abs(r) >= tradeOffCorrelation, wide {
            let (low, high) = (ends(ordered.first), ends(ordered.last))
            let direction = r < 0 ? "higher \(la) goes with lower \(lb)" : "higher \(la) goes with higher \(lb)"
            return Pair(first: a, second: b, correlation: r, verdict: "trade_off",
                        explanation: "only a combination is identified: \(direction) (r = \(text(r))); the data allow "
                            + "\(la) \(show(inputs[a], low[0])) with \(lb) \(show(inputs[b], low[1])) as well as "
                            + "\(la) \(show(inputs[a], high[0])) with \(lb) \(show(inputs[b], high[1]))",
                        lowEnd: low, highEnd: high)
        }
        return Pair(first: a, second: b, correlation: r, verdict: "separate",
                    explanation: "no trade-off in the accepted set (r = \(r.map(text) ?? "undefined")): the data constrain \(la) and \(lb) separately, as far as they constrain them",
                    lowEnd: ends(ordered.first), highEnd: ends(ordered.last))
    }

    /// Pearson's r; nil when either sample has no spread.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// A parameter's value as a planner reads it: `0.412`, `17` (a whole range), `×1.15` (a scale's factor).
    public static func show(_ input: UncertaintySpec.Input, _ x: Double) -> String {
        switch input.variation {
        case .scale: "×" + text(x)
        case .range(_, _, let whole): whole ? String(Int(x.rounded())) : text(x)
        }
    }

    /// Three significant digits, without exponent: 0.412, 1.15, 1240.
    public static func text(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let magnitude = x == 0 ? 0 : Int(log10(abs(x)).rounded(.down))
        let decimals = max(0, 2 - magnitude)
        return String(format: "%.\(decimals)f", x)
    }
}
