// MARK: - TeamKind

/// The kind of an operator team; it determines the default steps the team may do.
public enum TeamKind: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    case manual, mechanical
    /// Mine detection dog teams (MDD).
    case dogs
    /// Battle-area clearance / EOD teams.
    case bac
    /// Non-technical survey teams.
    case survey

    /// Defaults: survey → NTS; manual, dogs, mechanical → TS and clearance; bac → BAC
    /// (which is the clearance step of UXO areas).
    public var defaultSteps: Set<LandReleaseStep> {
        switch self {
        case .survey: return [.nonTechnicalSurvey]
        case .manual, .dogs, .mechanical: return [.technicalSurvey, .clearance]
        case .bac: return [.battleAreaClearance]
        }
    }

    package var index: Int {
        switch self {
        case .manual: return 0
        case .mechanical: return 1
        case .dogs: return 2
        case .bac: return 3
        case .survey: return 4
        }
    }

    package static let count = 5

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}
