// MARK: - ContaminationType

/// The dominant explosive-ordnance type of a hazard area (IMAS reporting codes).
///
/// ```swift
/// let c = ContaminationType(rawValue: "UXO")   // .unexplodedOrdnance
/// ```
public enum ContaminationType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Anti-personnel mines.
    case antiPersonnel = "AP"
    /// Anti-vehicle mines.
    case antiVehicle = "AV"
    /// Cluster munitions.
    case clusterMunitions = "CM"
    /// Unexploded ordnance only (no mines): released by battle-area clearance by default.
    case unexplodedOrdnance = "UXO"

    /// Stable index used for per-class arrays (declaration order).
    var index: Int {
        switch self {
        case .antiPersonnel: return 0
        case .antiVehicle: return 1
        case .clusterMunitions: return 2
        case .unexplodedOrdnance: return 3
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}
