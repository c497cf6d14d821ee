import ClearcastDomain

// MARK: - EvidenceKind

/// A kind of evidence point set, named by a lower-case identifier that becomes part of the feature
/// column names (`distance_to_incidents`). The kinds the issue names are constants; others can be made
/// with ``init(_:)``, which checks the name, so no column name is ever parsed back.
///
/// ```swift
/// EvidenceKind.incidents.name                 // "incidents"
/// let uxo = try EvidenceKind("uxo_reports")   // any lower-case identifier
/// ```
public struct EvidenceKind: Hashable, Sendable, CustomStringConvertible {
    /// The identifier used in column names.
    public let name: String

    /// Earlier mine or ERW incidents (casualties, accidents).
    public static let incidents = EvidenceKind(checked: "incidents")
    /// Confirmed hazardous areas (their cells or centroids).
    public static let confirmedHazards = EvidenceKind(checked: "confirmed_hazards")
    /// Suspected hazardous areas.
    public static let suspectedHazards = EvidenceKind(checked: "suspected_hazards")
    /// Items found by clearance or survey.
    public static let deminingFinds = EvidenceKind(checked: "demining_finds")

    /// A kind with a custom name.
    ///
    /// - Throws: ``EvidenceFeatureError/invalidKindName(_:)`` unless `name` matches `[a-z][a-z0-9_]*`.
    public init(_ name: String) throws {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw EvidenceFeatureError.invalidKindName(name) }
        self.name = name
    }

    private init(checked name: String) { self.name = name }

    public var description: String { name }
}

// MARK: - EvidencePoint

/// One evidence point in the grid's CRS, with a weight for ring sums (1 for a plain count).
public struct EvidencePoint: Hashable, Sendable {
    public var x: Double, y: Double, weight: Double

    public init(x: Double, y: Double, weight: Double = 1) {
        self.x = x
        self.y = y
        self.weight = weight
    }
}

// MARK: - EvidenceFeature

/// One feature column computed from an evidence kind.
public enum EvidenceFeature: Hashable, Sendable {
    /// Metres from the cell centre to the nearest point of the kind (``DistanceTransform``).
    case distance(to: EvidenceKind)
    /// Summed weight (count, for unit weights) of the kind's points within `radius` metres of the
    /// cell centre, boundary included (``RingCounts``).
    case count(within: Double, of: EvidenceKind)

    /// The kind the feature is computed from.
    public var kind: EvidenceKind {
        switch self {
        case .distance(let kind), .count(_, let kind): kind
        }
    }

    /// `distance_to_<kind>` or `count_within_<r>m_<kind>` (a radius of 2.5 m is written `2p5`).
    public var columnName: String {
        switch self {
        case .distance(let kind):
            return "distance_to_\(kind.name)"
        case let .count(radius, kind):
            let metres = radius == radius.rounded() && abs(radius) < 1e15
                ? String(Int(radius)) : String(radius).replacingAll(".", with: "p")
            return "count_within_\(metres)m_\(kind.name)"
        }
    }
}

extension String {
    /// `self` with every `target` character replaced (ClearcastDomain and RiskModel use no Foundation).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
