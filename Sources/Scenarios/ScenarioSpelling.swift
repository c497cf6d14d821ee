import ClearanceModel
import ClearcastDomain
import RiskModel

// MARK: - ScenarioSpelling

/// A model enum as scenario files spell its cases. The scenario reader turns text into the model's
/// own types here, once, so no layer above it handles these names as strings.
///
/// ```swift
/// LandReleaseStep.nonTechnicalSurvey.scenarioName          // "non_technical_survey"
/// field.choice(LandReleaseStep.self)                       // .technicalSurvey for "technical_survey"
/// ```
protocol ScenarioSpelling: CaseIterable, Hashable {
    /// The word a scenario file uses for the case.
    var scenarioName: String { get }
}

extension ScenarioSpelling {
    /// Every case's scenario word, in declaration order (for messages and did-you-mean).
    static var scenarioNames: [String] { allCases.map(\.scenarioName) }

    /// The case a scenario word names, or nil.
    init?(scenarioName: String) {
        guard let match = Self.allCases.first(where: { $0.scenarioName == scenarioName }) else { return nil }
        self = match
    }
}

extension PriorityFactor: ScenarioSpelling {
    var scenarioName: String { rawValue }
}

extension TeamKind: ScenarioSpelling {
    var scenarioName: String { rawValue }
}

extension ContaminationType: ScenarioSpelling {
    var scenarioName: String { rawValue }
}

extension LayerNormalization.Method: ScenarioSpelling {
    var scenarioName: String {
        switch self {
        case .percentileRank: "percentile"
        case .maxScaling: "max"
        }
    }
}

extension LandReleaseStep: ScenarioSpelling {
    var scenarioName: String {
        switch self {
        case .nonTechnicalSurvey: "non_technical_survey"
        case .technicalSurvey: "technical_survey"
        case .clearance: "clearance"
        case .battleAreaClearance: "battle_area_clearance"
        }
    }
}

/// The `policy:` words; `region_sequence` takes its regions from `region_sequence:`.
enum PolicyName: String, CaseIterable, ScenarioSpelling {
    case riskPriority = "risk_priority"
    case riskPerEffort = "risk_per_effort"
    case nearestFirst = "nearest_first"
    case largestFirst = "largest_first"
    case smallestFirst = "smallest_first"
    case asListed = "as_listed"
    case regionSequence = "region_sequence"

    var scenarioName: String { rawValue }

    /// The model's policy, with the regions for `region_sequence`.
    func policy(regions: [String]) -> TaskSelectionPolicy {
        switch self {
        case .riskPriority: .riskPriority
        case .riskPerEffort: .riskPerEffort
        case .nearestFirst: .nearestFirst
        case .largestFirst: .largestFirst
        case .smallestFirst: .smallestFirst
        case .asListed: .asListed
        case .regionSequence: .regionSequence(regions)
        }
    }
}

extension TaskSelectionPolicy {
    /// The word a scenario file and a result use for the policy.
    public var scenarioName: String {
        switch self {
        case .riskPriority: PolicyName.riskPriority.rawValue
        case .riskPerEffort: PolicyName.riskPerEffort.rawValue
        case .nearestFirst: PolicyName.nearestFirst.rawValue
        case .largestFirst: PolicyName.largestFirst.rawValue
        case .smallestFirst: PolicyName.smallestFirst.rawValue
        case .asListed: PolicyName.asListed.rawValue
        case .regionSequence: PolicyName.regionSequence.rawValue
        }
    }
}

extension FieldReader {
    /// One of `T`'s scenario words, as the model's case; a wrong word fails with the list and a
    /// did-you-mean.
    func choice<T: ScenarioSpelling>(_ type: T.Type) -> T? {
        choice(T.scenarioNames).flatMap(T.init(scenarioName:))
    }
}
