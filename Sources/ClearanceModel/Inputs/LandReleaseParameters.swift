import ClearcastDomain
import EventSimulation
import Foundation

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
    /// Cancellation shares for particular contamination types (override the general one).
    public var nonTechnicalSurveyCancelShareByType: [ContaminationType: Distribution] = [:]
    /// Reduction shares for a type, an evidence class (CHA/SHA), or both (most specific wins).
    public var technicalSurveyReduceShareByClass: [ShareClass: Distribution] = [:]
    /// Share of the area technical survey actually works (samples), in (0, 1]: TS days are
    /// `area × share / (productivity × TS speed factor)`. Default 1 (the whole area).
    public var technicalSurveySampledShare: Double = 1
    /// Calendar days from the end of clearance to the land's release (post-clearance inspection,
    /// QA sampling, handover). It delays the release (completion) dates only: cleared land no
    /// longer counts as hazardous. A release that would fall after the horizon is not within it.
    public var handoverDays: Int = 0
    /// Cancellation and reduction shares for areas of a recorded evidence strength
    /// (``HazardArea/evidence``): when the area has a strength and the table lists it, it wins
    /// over the type and class shares (it is the most specific knowledge of that area).
    public var nonTechnicalSurveyCancelShareByEvidence: [EvidenceStrength: Distribution] = [:]
    public var technicalSurveyReduceShareByEvidence: [EvidenceStrength: Distribution] = [:]
    /// Ageing suspicion: each year between an area's last survey (``HazardArea/lastSurvey``, the
    /// start date when absent; a discovered area's discovery day) and the end of its NTS cancels
    /// this further share of what NTS would have kept: `c' = 1 − (1 − c)(1 − r)^age`. 0: off.
    public var cancelShareRisePerYear: Double = 0

    /// A contamination type, an evidence class, or both: what a survey share is specific to.
    public struct ShareClass: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
        public var type: ContaminationType?
        public var status: HazardStatus?
        public init(type: ContaminationType? = nil, status: HazardStatus? = nil) {
            self.type = type
            self.status = status
        }
        public var description: String { [type?.rawValue, status?.rawValue].compactMap { $0 }.joined(separator: "/") }
        public static func < (a: ShareClass, b: ShareClass) -> Bool { a.description < b.description }
    }

    /// The NTS cancellation share for an area of `type`.
    public func cancelShare(for type: ContaminationType, evidence: EvidenceStrength? = nil) -> Distribution {
        if let evidence, let d = nonTechnicalSurveyCancelShareByEvidence[evidence] { return d }
        return nonTechnicalSurveyCancelShareByType[type] ?? nonTechnicalSurveyCancelShare
    }

    /// The cancellation share `c` raised for an area whose last survey is `ageYears` old when its
    /// NTS finishes (``cancelShareRisePerYear``); `c` itself when the rule is off or the age ≤ 0.
    public func agedCancelShare(_ c: Double, ageYears: Double) -> Double {
        guard cancelShareRisePerYear > 0, ageYears > 0 else { return c }
        return 1 - (1 - c) * pow(1 - cancelShareRisePerYear, ageYears)
    }

    /// The TS reduction share for an area: type and status, then type, then status, then general.
    public func reduceShare(for type: ContaminationType, status: HazardStatus, evidence: EvidenceStrength? = nil) -> Distribution {
        if let evidence, let d = technicalSurveyReduceShareByEvidence[evidence] { return d }
        let table = technicalSurveyReduceShareByClass
        return table[ShareClass(type: type, status: status)] ?? table[ShareClass(type: type)]
            ?? table[ShareClass(status: status)] ?? technicalSurveyReduceShare
    }

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
        for (type, d) in nonTechnicalSurveyCancelShareByType.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.distribution(d, "nonTechnicalSurveyCancelShareByType.\(type.rawValue)", unitInterval: true)
        }
        for (key, d) in technicalSurveyReduceShareByClass.sorted(by: { $0.key < $1.key }) {
            if key.type == nil && key.status == nil { c.add("technicalSurveyReduceShareByClass", "a key must name a type, a status or both") }
            c.distribution(d, "technicalSurveyReduceShareByClass.\(key)", unitInterval: true)
        }
        for (e, d) in nonTechnicalSurveyCancelShareByEvidence.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.distribution(d, "nonTechnicalSurveyCancelShareByEvidence.\(e.rawValue)", unitInterval: true)
        }
        for (e, d) in technicalSurveyReduceShareByEvidence.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            c.distribution(d, "technicalSurveyReduceShareByEvidence.\(e.rawValue)", unitInterval: true)
        }
        if !(cancelShareRisePerYear >= 0 && cancelShareRisePerYear < 1) {
            c.add("cancelShareRisePerYear", "must be in [0, 1), found \(cancelShareRisePerYear)")
        }
        if handoverDays < 0 || handoverDays > 3_650 { c.add("handoverDays", "must be in 0...3650, found \(handoverDays)") }
        if !(technicalSurveySampledShare > 0 && technicalSurveySampledShare <= 1) {
            c.add("technicalSurveySampledShare", "must be in (0, 1], found \(technicalSurveySampledShare)")
        }
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
