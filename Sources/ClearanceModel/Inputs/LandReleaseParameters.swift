import ClearcastDomain
import EventSimulation

// MARK: - LandReleaseParameters

/// How survey releases land, and which areas end with battle-area clearance.
///
/// ```swift
/// LandReleaseParameters(nonTechnicalSurveyCancelShare: .beta(alpha: 2, beta: 3),
///                       technicalSurveyReduceShare: .uniform(min: 0.1, max: 0.5))
/// ```
/// Shares are sampled once per task when the step finishes (stream `"survey"`) and clamped to
/// [0, 1]. NTS cancels `share × area`; TS reduces `share × (area left after NTS)`; the remainder is
/// cleared. NTS and TS process the whole area they start with (productivity is m² surveyed per day);
/// their releases are booked on the day the step finishes, clearance progress day by day.
public struct LandReleaseParameters: Sendable, Equatable, Codable {
    public var nonTechnicalSurveyCancelShare: Distribution
    public var technicalSurveyReduceShare: Distribution
    /// Contamination types whose final step is BAC instead of clearance (default UXO only).
    public var battleAreaClearanceTypes: Set<ContaminationType>
    /// Productivity multiplier per density class (missing classes use 1).
    public var densityProductivityFactors: [DensityClass: Double]
    /// Task splitting: when set, a team claims at most this many m² of a step and further teams
    /// may join the same step for the rest (the step ends when its last team finishes; survey
    /// shares apply to the whole area then). `nil`: one team per task step.
    public var maximumAreaPerTeam: Double?

    public init(
        nonTechnicalSurveyCancelShare: Distribution = .constant(0),
        technicalSurveyReduceShare: Distribution = .constant(0),
        battleAreaClearanceTypes: Set<ContaminationType> = [.unexplodedOrdnance],
        densityProductivityFactors: [DensityClass: Double] = [:],
        maximumAreaPerTeam: Double? = nil
    ) {
        self.maximumAreaPerTeam = maximumAreaPerTeam
        self.nonTechnicalSurveyCancelShare = nonTechnicalSurveyCancelShare
        self.technicalSurveyReduceShare = technicalSurveyReduceShare
        self.battleAreaClearanceTypes = battleAreaClearanceTypes
        self.densityProductivityFactors = densityProductivityFactors
    }

    /// The steps a task goes through, in order.
    public func steps(for status: HazardStatus, contamination: ContaminationType) -> [LandReleaseStep] {
        let last: LandReleaseStep = battleAreaClearanceTypes.contains(contamination) ? .battleAreaClearance : .clearance
        return status == .suspected ? [.nonTechnicalSurvey, .technicalSurvey, last] : [.technicalSurvey, last]
    }

    public func validate() throws {
        var c = IssueCollector()
        c.distribution(nonTechnicalSurveyCancelShare, "nonTechnicalSurveyCancelShare", unitInterval: true)
        c.distribution(technicalSurveyReduceShare, "technicalSurveyReduceShare", unitInterval: true)
        for (density, f) in densityProductivityFactors.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.finite(f, "densityProductivityFactors.\(density.rawValue)", atLeast: 0)
            if f == 0 { c.add("densityProductivityFactors.\(density.rawValue)", "must be > 0") }
        }
        if let a = maximumAreaPerTeam, !(a > 0 && a.isFinite) {
            c.add("maximumAreaPerTeam", "must be a finite area > 0 m², found \(a)")
        }
        try c.throwIfAny()
    }
}
