// MARK: - LandReleaseStep

/// One step of the IMAS land release sequence a hazard area goes through.
///
/// Suspected areas: NTS → technical survey → clearance (or BAC). Confirmed areas skip NTS.
/// Areas whose contamination the clearance model treats as battle area (UXO by default) finish
/// with ``battleAreaClearance`` instead of ``clearance``.
public enum LandReleaseStep: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// Non-technical survey: cancels a random share of the area without entering it.
    case nonTechnicalSurvey = "NTS"
    /// Technical survey: reduces a random share of what remains.
    case technicalSurvey = "TS"
    /// Full (mine) clearance of the remainder.
    case clearance = "clearance"
    /// Battle-area clearance (surface and sub-surface UXO search) of the remainder.
    case battleAreaClearance = "BAC"

    /// Stable index for per-step arrays (declaration order).
    package var index: Int {
        switch self {
        case .nonTechnicalSurvey: return 0
        case .technicalSurvey: return 1
        case .clearance: return 2
        case .battleAreaClearance: return 3
        }
    }

    package static let count = 4

    /// Steps that physically enter the hazard and so carry deminer accident risk.
    package var entersHazard: Bool { self != .nonTechnicalSurvey }

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}
