import LinearAlgebra

// MARK: - Validation of the pairwise matrix

extension AHP {
    /// Throws unless `pairwise` is square, non-empty, positive, finite, has ones on the diagonal and is
    /// reciprocal within ``reciprocalTolerance``. Errors name the first offending entry in row-major order.
    ///
    /// - Complexity: O(n²).
    public static func validate(_ pairwise: Matrix) throws {
        let n = pairwise.rows
        guard n >= 1, pairwise.columns == n else {
            throw RiskModelError.ahpInvalidShape(rows: pairwise.rows, columns: pairwise.columns)
        }
        let a = pairwise.elements
        for i in 0..<n {
            for j in 0..<n where !(a[i * n + j].isFinite && a[i * n + j] > 0) {
                throw RiskModelError.ahpNonPositiveEntry(row: i, column: j, value: a[i * n + j])
            }
        }
        for i in 0..<n where abs(a[i * n + i] - 1) > reciprocalTolerance {
            throw RiskModelError.ahpDiagonalNotOne(index: i, value: a[i * n + i])
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let product = a[i * n + j] * a[j * n + i]
                if abs(product - 1) > reciprocalTolerance {
                    throw RiskModelError.ahpNotReciprocal(row: i, column: j, value: a[i * n + j],
                                                          transposeValue: a[j * n + i])
                }
            }
        }
    }

    // MARK: Principal eigenvector

    /// Principal right eigenvector (sum 1, all positive) and its eigenvalue, via `dgeev`.
    ///
    /// By Perron's theorem a positive matrix has a simple real eigenvalue of largest modulus (and real
    /// part) with a strictly positive eigenvector; LAPACK returns it with an arbitrary sign and scale,
    /// so dividing by the component sum fixes both.
    static func principalEigenvector(_ pairwise: Matrix) throws -> (weights: [Double], lambdaMax: Double) {
        let n = pairwise.rows
        if n == 1 { return ([1], 1) }
        let decomposition: GeneralEigenDecomposition
        do {
            decomposition = try pairwise.eigenGeneral()
        } catch {
            throw RiskModelError.ahpEigenFailure("\(error)")
        }
        guard let principal = decomposition.indexOfLargestReal else {
            throw RiskModelError.ahpEigenFailure("no eigenvalues returned")
        }
        let lambdaMax = decomposition.real[principal]
        guard decomposition.isReal(principal), lambdaMax.isFinite, lambdaMax > 0 else {
            throw RiskModelError.ahpEigenFailure(
                "principal eigenvalue \(lambdaMax) + \(decomposition.imaginary[principal])i is not real and positive")
        }
        let vector = decomposition.eigenvector(principal).real
        let total = vector.reduce(0, +)
        let weights = vector.map { $0 / total }
        guard total.isFinite, total != 0, weights.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw RiskModelError.ahpEigenFailure("principal eigenvector \(vector) is not of one sign")
        }
        return (weights, lambdaMax)
    }
}
