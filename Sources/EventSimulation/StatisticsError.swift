// MARK: - StatisticsError

/// Why a statistic could not be computed.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sample is empty (`statistic` names what was asked for).
    case emptySample(statistic: String)
    /// The sample contains NaN or an infinity at `index`.
    case nonFiniteValue(index: Int, value: Double)
    /// A probability outside [0, 1] (or NaN) was requested.
    case probabilityOutOfRange(Double)

    public var description: String {
        switch self {
        case let .emptySample(statistic):
            return "cannot compute the \(statistic) of an empty sample"
        case let .nonFiniteValue(index, value):
            return "sample value \(value) at index \(index) is not finite"
        case let .probabilityOutOfRange(p):
            return "quantile probability \(p) is outside [0, 1]"
        }
    }
}
