// MARK: - Approximate equality

/// Whether `a` and `b` agree within a tolerance: `|a − b| <= absolute` or
/// `|a − b| <= relative · max(|a|, |b|)`. Equal values (infinities included) always agree; NaN
/// agrees with nothing. `absolute` is for values that should be about zero, where a relative
/// tolerance alone would demand exact zeros.
///
/// ```swift
/// isApproximatelyEqual(0.1 + 0.2, 0.3)                           // true: relative 1e-12 by default
/// isApproximatelyEqual(1e-20, 0, absolute: 1e-15)                // true
/// isApproximatelyEqual(100, 101, relative: 0.001)                // false
/// ```
public func isApproximatelyEqual(_ a: Double, _ b: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    let difference = abs(a - b)
    return difference <= absolute || difference <= relative * max(abs(a), abs(b))
}

/// Whether two arrays have the same length and agree element by element, as the scalar
/// ``isApproximatelyEqual(_:_:relative:absolute:)``.
///
/// ```swift
/// #expect(isApproximatelyEqual(computed.elements, reference.elements, relative: 1e-12, absolute: 1e-15))
/// ```
public func isApproximatelyEqual(_ a: [Double], _ b: [Double], relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isApproximatelyEqual($0, $1, relative: relative, absolute: absolute) }
}

/// The largest `|x[i] − y[i]|` over two arrays of the same length (0 for empty ones; NaN when
/// an element is NaN, so that a NaN never passes a `< tolerance` check).
///
/// ```swift
/// #expect(maxAbsDifference(got.elements, want.elements) < 1e-12 * Double(k + 1))
/// ```
public func maxAbsDifference(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "maxAbsDifference of arrays of lengths \(x.count) and \(y.count)")
    var largest = 0.0
    for (a, b) in zip(x, y) {
        let difference = abs(a - b)
        if difference.isNaN { return .nan }
        largest = max(largest, difference)
    }
    return largest
}

/// ``maxAbsDifference(_:_:)`` divided by the largest `|y[i]|` (the reference's scale), so that one
/// tolerance fits references of any magnitude. Against an all-zero reference any difference is huge.
///
/// ```swift
/// #expect(maxRelativeDifference(density.elements, direct.elements) < 1e-10)
/// ```
public func maxRelativeDifference(_ x: [Double], _ y: [Double]) -> Double {
    let scale = y.reduce(0) { max($0, abs($1)) }
    return maxAbsDifference(x, y) / max(scale, .leastNormalMagnitude)
}
