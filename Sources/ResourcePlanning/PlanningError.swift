// MARK: - PlanningError

/// Why a plan could not be made; each message names the setting at fault and what was expected.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target does not fit the model (see ``TargetEvaluator/init(_:model:)``).
    case invalidTarget([String])
    /// The search settings are out of range (groups, bounds, resolution, replications).
    case invalidSearch([String])

    public var description: String {
        switch self {
        case .invalidTarget(let problems): "target: " + problems.joined(separator: "; ")
        case .invalidSearch(let problems): "plan: " + problems.joined(separator: "; ")
        }
    }
}
