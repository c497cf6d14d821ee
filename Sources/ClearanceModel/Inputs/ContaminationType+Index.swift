import ClearcastDomain

// The contamination vocabulary (AP, AV, CM, UXO; CHA, SHA) is the risk model's, so that a hazard
// means the same thing when it is scored and when it is cleared.

extension ContaminationType {
    /// Stable index used for per-class arrays (declaration order).
    var index: Int {
        switch self {
        case .antiPersonnel: 0
        case .antiVehicle: 1
        case .clusterMunition: 2
        case .unexplodedOrdnance: 3
        }
    }
}
