// MARK: - RandomIndexTable

/// Random consistency indices RI(n): the mean consistency index of large samples of random reciprocal
/// matrices on Saaty's 1–9 scale. The consistency ratio is CR = CI / RI(n).
///
/// ```swift
/// RandomIndexTable.saaty1980.randomIndex(n: 4)   // 0.90
/// ```
public enum RandomIndexTable: String, CaseIterable, Codable, Sendable {
    /// Saaty, T.L. (1980) *The Analytic Hierarchy Process*, McGraw-Hill (n = 1…10), extended to n = 15 as
    /// tabulated in Saaty's later texts: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
    /// 1.56, 1.57, 1.59. The table most GIS multi-criteria studies cite; the default.
    case saaty1980
    /// Alonso, J.A. & Lamata, M.T. (2006) "Consistency in the analytic hierarchy process: a new approach",
    /// *Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems* 14(4):445–459, from 100,000 random
    /// matrices per size (n = 3…15).
    case alonsoLamata2006

    /// Largest matrix size the tables cover.
    public static let maximumSize = 15

    /// RI for an `n` x `n` matrix, or nil when `n` is outside 1…15. RI(1) = RI(2) = 0: such matrices
    /// are always consistent.
    public func randomIndex(n: Int) -> Double? {
        guard n >= 1, n <= Self.maximumSize else { return nil }
        switch self {
        case .saaty1980:
            return [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59][n - 1]
        case .alonsoLamata2006:
            return [0, 0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.5140, 1.5365,
                    1.5551, 1.5713, 1.5838][n - 1]
        }
    }
}
