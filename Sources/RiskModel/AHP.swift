import LinearAlgebra

// MARK: - AHP

/// Saaty's Analytic Hierarchy Process for deriving factor weights from pairwise judgements.
///
/// `a[i][j]` says how much more important factor `i` is than factor `j` (1 = equal … 9 = extreme);
/// the matrix must be positive and reciprocal (`a[j][i] = 1 / a[i][j]`, ones on the diagonal). The
/// priority vector is the principal right eigenvector (LAPACK `dgeev`), normalised to sum 1;
/// consistency is reported as lambda_max, CI = (lambda_max − n)/(n − 1) and CR = CI / RI(n).
/// CR above 0.10 throws unless the caller accepts it explicitly.
///
/// ```swift
/// let pairwise = try Matrix(rows: 3, columns: 3, elements: [1, 3, 5,  1.0/3, 1, 2,  0.2, 0.5, 1])
/// let result = try AHP.priorities(pairwise)
/// result.weights            // ≈ [0.648, 0.230, 0.122]
/// result.consistencyRatio   // ≈ 0.003
/// ```
public enum AHP {
    /// Saaty's conventional acceptance threshold for the consistency ratio.
    public static let defaultThreshold = 0.10

    /// Relative tolerance of the reciprocity and unit-diagonal checks: `|a[i][j]·a[j][i] − 1| <= 1e-6`.
    /// Loose enough for judgements typed as decimals (0.333333), tight enough to catch a wrong entry.
    public static let reciprocalTolerance = 1e-6

    /// Priorities and consistency of `pairwise`.
    ///
    /// - Parameters:
    ///   - pairwise: the n x n comparison matrix, 1 <= n <= 15.
    ///   - randomIndexTable: which RI table to divide by (``RandomIndexTable/saaty1980`` by default).
    ///   - threshold: largest acceptable CR (0.10).
    ///   - acceptInconsistent: when true, a CR above `threshold` is reported instead of thrown.
    /// - Throws: ``RiskModelError`` naming the offending entry for a non-square, non-positive or
    ///   non-reciprocal matrix; ``RiskModelError/ahpInconsistent(consistencyRatio:threshold:)``.
    /// - Complexity: O(n³) (one `dgeev`).
    public static func priorities(_ pairwise: Matrix, randomIndexTable: RandomIndexTable = .saaty1980,
                                  threshold: Double = defaultThreshold,
                                  acceptInconsistent: Bool = false) throws -> AHPResult {
        try validate(pairwise)
        let n = pairwise.rows
        guard let randomIndex = randomIndexTable.randomIndex(n: n) else {
            throw RiskModelError.ahpTooLarge(n: n, maximum: RandomIndexTable.maximumSize)
        }
        let (weights, lambdaMax) = try principalEigenvector(pairwise)
        // For a positive reciprocal matrix lambda_max >= n (Saaty 1977); a value a few ulps below n is
        // rounding, so CI is clamped at 0. For n <= 2 every reciprocal matrix is consistent.
        let consistencyIndex = n <= 2 ? 0 : max(0, (lambdaMax - Double(n)) / Double(n - 1))
        let consistencyRatio = randomIndex > 0 ? consistencyIndex / randomIndex : 0
        if consistencyRatio > threshold && !acceptInconsistent {
            throw RiskModelError.ahpInconsistent(consistencyRatio: consistencyRatio, threshold: threshold)
        }
        return AHPResult(weights: weights, lambdaMax: lambdaMax, consistencyIndex: consistencyIndex,
                         randomIndex: randomIndex, consistencyRatio: consistencyRatio,
                         randomIndexTable: randomIndexTable, threshold: threshold)
    }

    /// Convenience: the matrix given as rows (as read from a scenario file).
    ///
    /// - Throws: ``RiskModelError/ahpInvalidShape(rows:columns:)`` for ragged or empty rows, then as
    ///   ``priorities(_:randomIndexTable:threshold:acceptInconsistent:)``.
    public static func priorities(rows: [[Double]], randomIndexTable: RandomIndexTable = .saaty1980,
                                  threshold: Double = defaultThreshold,
                                  acceptInconsistent: Bool = false) throws -> AHPResult {
        let n = rows.count
        guard n > 0, rows.allSatisfy({ $0.count == n }) else {
            throw RiskModelError.ahpInvalidShape(rows: n, columns: rows.map(\.count).max() ?? 0)
        }
        let matrix: Matrix
        do {
            matrix = try Matrix(rows: n, columns: n, elements: rows.flatMap { $0 })
        } catch {
            throw RiskModelError.ahpInvalidShape(rows: n, columns: n)
        }
        return try priorities(matrix, randomIndexTable: randomIndexTable, threshold: threshold,
                              acceptInconsistent: acceptInconsistent)
    }
}
