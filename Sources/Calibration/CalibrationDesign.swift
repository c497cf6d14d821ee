import Foundation

// MARK: - Space-filling design

/// Points spread evenly over the unit box [0, 1]^d: the Halton sequence (bases 2, 3, 5, 7, …),
/// from index 1. Unlike independent random draws it leaves no large hole for a ridge of good fits
/// to hide in, and unlike a grid its size need not be a d-th power; the first points of any length
/// are spread over the whole box, so more points refine rather than replace a design. Deterministic:
/// the same `count` and dimension always give the same points.
public enum CalibrationDesign {
    static let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]

    /// Most parameters a design can have (the first primes; beyond ~10 the Halton sequence
    /// correlates dimensions, and a box design of any size says little).
    public static let maximumDimension = 8

    /// `count` points of dimension `dimension`.
    ///
    /// - Precondition: 1 ≤ `dimension` ≤ ``maximumDimension``.
    /// - Complexity: O(count · dimension · log count).
    public static func halton(count: Int, dimension: Int) -> [[Double]] {
        precondition((1...maximumDimension).contains(dimension))
        return (0..<max(0, count)).map { i in primes.prefix(dimension).map { radicalInverse(i + 1, base: $0) } }
    }

    /// The digits of `i` in `base` mirrored about the radix point: 1 → 1/2, 2 → 1/4, 3 → 3/4 in base 2.
    static func radicalInverse(_ i: Int, base: Int) -> Double {
        var n = i, result = 0.0, f = 1.0 / Double(base)
        while n > 0 {
            result += Double(n % base) * f
            n /= base
            f /= Double(base)
        }
        return result
    }
}

// MARK: - Chi-square quantiles

/// Quantiles of the chi-square distribution, for the likelihood-ratio threshold of the accepted set.
enum ChiSquare {
    /// The `p` quantile with `df` degrees of freedom: exact for 1 (the square of a normal quantile)
    /// and 2 (−2 ln(1 − p)) degrees; Wilson–Hilferty's cube approximation above (within 1 % for
    /// df ≥ 3 and 0.5 ≤ p ≤ 0.995).
    static func quantile(_ p: Double, df: Int) -> Double {
        precondition(df >= 1 && p > 0 && p < 1)
        switch df {
        case 1:
            let z = normalQuantile((1 + p) / 2)
            return z * z
        case 2: return -2 * log(1 - p)
        default:
            let k = Double(df), z = normalQuantile(p), c = 2 / (9 * k)
            let cube = 1 - c + z * c.squareRoot()
            return k * cube * cube * cube
        }
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -normalQuantile(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
