// MARK: - LinearScale

/// Maps a data interval onto a pixel interval, with "nice" tick values (1, 2 or 5 times a power of ten).
///
/// ```swift
/// let scale = LinearScale(domain: 0...120, range: (400, 40))   // y grows downwards in SVG
/// scale(60)                                                    // 220
/// LinearScale.niceTicks(0, 120, count: 5)                      // [0, 20, 40, ..., 120]
/// ```
struct LinearScale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// A degenerate domain (lower == upper) is widened by one unit so nothing divides by zero; so is
    /// one too narrow to tell its ends apart (1e300...1e300 + 1) or with an infinite end.
    init(domain: ClosedRange<Double>, range: (Double, Double)) {
        lower = domain.lowerBound.isFinite ? domain.lowerBound : 0
        let span = domain.upperBound - lower
        upper = span > 0 && span.isFinite ? domain.upperBound : lower + max(1, abs(lower) * 1e-9)
        start = range.0
        end = range.1
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The step that gives about `count` intervals over `lower...upper`: 1, 2 or 5 times 10^k.
    static func niceStep(_ lower: Double, _ upper: Double, count: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, count))
        // A subnormal interval (e.g. 5e-324) would shrink `magnitude` to 0 below: a step of 0, then NaN.
        guard raw >= Double.leastNormalMagnitude else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let residual = raw / magnitude
        // Geometric midpoints between 1, 2, 5 and 10 (as d3 does), so the tick count stays near `count`.
        let factor: Double = residual >= 50.0.squareRoot() ? 10 : residual >= 10.0.squareRoot() ? 5
            : residual >= 2.0.squareRoot() ? 2 : 1
        return factor * magnitude
    }

    /// Multiples of the nice step inside `lower...upper` (inclusive, with a little tolerance).
    ///
    /// - Complexity: O(`count`).
    static func niceTicks(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
        let step = niceStep(lower, upper, count: count)
        var ticks: [Double] = []
        var index = (lower / step).rounded(.up)
        while index * step <= upper + step * 1e-9, ticks.count < 100 {
            // Multiplying an integer index avoids the drift of repeated addition (0.1 + 0.2 ...).
            let tick = index * step
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            index += 1
        }
        return ticks
    }

    /// Decimals that tell ticks `step` apart: 0 for steps of 1 or more, 1 for 0.1 or 0.5, 2 for 0.05, ...
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite, step < 1 else { return 0 }
        var decimals = 0
        var scaled = step
        // Round before comparing: 0.1 * 10 is exactly 1, but 0.3 * 10 * 10 carries binary noise.
        while decimals < 9, (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// `upper` rounded up to a nice step, so an axis ends on a labelled tick.
    static func niceUpper(_ upper: Double, count: Int = 5) -> Double {
        guard upper > 0, upper.isFinite else { return 1 }
        let step = niceStep(0, upper, count: count)
        let nice = (upper / step).rounded(.up) * step
        // Never NaN, infinite or ≤ 0: the callers build `0...niceUpper(x)`.
        return nice.isFinite && nice > 0 ? nice : upper
    }
}
