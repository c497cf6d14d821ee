// MARK: - PriorityFactor

/// The factors of the composite score, by the names scenario files and results use.
public enum PriorityFactor: String, CaseIterable, Sendable {
    case incidents
    case returnPressure = "return_pressure"
    case contamination
    case landValue = "land_value"

    /// Units of the raw layer, for reports.
    public var units: String {
        switch self {
        case .incidents: "weighted incidents per km²"
        case .returnPressure: "expected returnees, distance-weighted"
        case .contamination: "contamination weight (type × status)"
        case .landValue: "land-use weight"
        }
    }
}
