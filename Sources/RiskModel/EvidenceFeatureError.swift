// MARK: - EvidenceFeatureError

/// Errors building evidence features (distances to and counts of evidence points). Each message
/// names the evidence kind and what was expected, so the scenario author can find the bad input.
///
/// ```swift
/// do { _ = try RingCounts.counts(grid: grid, points: points, radii: [-5]) }
/// catch let error as EvidenceFeatureError { print(error) }
/// // "ring radius must be a positive finite number of metres, found -5.0"
/// ```
public enum EvidenceFeatureError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A point has a non-finite coordinate or weight, or a negative weight (0-based index).
    case invalidPoint(context: String, index: Int, x: Double, y: Double, weight: Double)
    /// A ring radius is not a positive finite number of metres.
    case invalidRadius(Double)
    /// The same radius is asked for twice (the columns would share a name).
    case duplicateRadius(Double)
    /// An evidence kind's name is not a lower-case identifier (`[a-z][a-z0-9_]*`).
    case invalidKindName(String)
    /// Two point sets have the same kind.
    case duplicateKind(String)
    /// A distance cap is not a positive number (it may be +infinity: no cap).
    case invalidDistanceCap(Double)

    public var description: String {
        switch self {
        case let .invalidPoint(context, index, x, y, weight):
            return "\(context): point \(index + 1) must have finite coordinates and a finite weight >= 0, found (\(x), \(y)) with weight \(weight)"
        case let .invalidRadius(radius):
            return "ring radius must be a positive finite number of metres, found \(radius)"
        case let .duplicateRadius(radius):
            return "ring radius \(radius) m is given twice; expected distinct radii"
        case let .invalidKindName(name):
            return "evidence kind '\(name)' must be a lower-case identifier (a letter, then letters, digits or '_')"
        case let .duplicateKind(name):
            return "evidence kind '\(name)' is given twice; expected one point set per kind"
        case let .invalidDistanceCap(cap):
            return "distance cap must be a positive number of metres (or infinity for none), found \(cap)"
        }
    }
}
