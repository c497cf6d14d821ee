// MARK: - RoundedScore

/// A non-negative score rounded to ``significantBits`` significant bits, for every comparison that
/// decides an order a planner sees (percentile ranks of cells, the order of hazard areas, the
/// simulator's risk-priority tasking).
///
/// Why: the scores come from BLAS products, and OpenBLAS kernels (`OPENBLAS_CORETYPE`, chosen per
/// CPU) sum in different orders, so their last bits differ between machines. Compared exactly, two
/// areas equal on one machine and one ulp apart on another would swap places; compared rounded,
/// values that agree to relative 2⁻²⁴ (about 6e-8) are ties, broken by the documented next key
/// (for hazard areas: maximum score, then id). A swap can still happen when two values straddle a
/// rounding boundary, with probability about (kernel difference) / 6e-8 per comparison: ~1e-8 for
/// the differences measured on the bundled scenarios (README, "Reproducibility"), and none was seen.
///
/// ```swift
/// RoundedScore(0.5) == RoundedScore(0.5.nextUp)   // true: a one-ulp difference is a tie
/// RoundedScore(0.5) < RoundedScore(0.5000001)     // true: 2e-7 apart
/// ```
public struct RoundedScore: Comparable, Hashable, Sendable {
    /// Significant bits kept (of the 53 of a `Double`).
    ///
    /// Why 24: kernels differ by a few ulps (relative 1e-16 to 1e-13) on these sums of positive
    /// terms, far below 2⁻²⁴, while no input to the layers is known to 7 significant digits, so no
    /// difference a planner could act on is merged.
    public static let significantBits = 24

    /// The rounded bit pattern: for non-negative doubles the order of the patterns is the numeric
    /// order, and rounding (half up) never reverses two values.
    public let key: UInt64

    /// Rounds `value`, which must be finite and >= 0 (callers validate; -0 rounds like 0).
    @inline(__always)
    public init(_ value: Double) {
        let dropped = UInt64(Double.significandBitCount - (Self.significantBits - 1))
        let bits = value == 0 ? 0 : value.bitPattern
        key = (bits &+ (1 &<< (dropped - 1))) & ~((1 &<< dropped) - 1)
    }

    public static func < (a: RoundedScore, b: RoundedScore) -> Bool { a.key < b.key }
}
