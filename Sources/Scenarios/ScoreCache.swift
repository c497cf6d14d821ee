import ParallelWork
import RiskModel

// MARK: - ScoreCache

/// Priority assessments already computed in this run, by their exact inputs and parameters, so that
/// scenarios sharing their layers and scoring section (a comparison's variants usually change only
/// teams, money or policy) are scored once.
///
/// The key is the whole of what ``PriorityScorer/assess(_:parameters:)`` reads, compared for
/// equality (layers feature by feature, parameters field by field), not a hash of file names: two
/// scenarios that load different files with the same content share a score, and two that differ in
/// any input never do.
///
/// ```swift
/// let scores = ScoreCache()
/// for scenario in variants { _ = try SimulationRun.run(scenario: scenario, layers: layers, options: o, scores: scores) }
/// scores.computed   // 1 when all variants share their layers and scoring
/// ```
public final class ScoreCache: Sendable {
    private struct Entry: Sendable {
        var inputs: PriorityInputs
        var parameters: PriorityParameters
        /// The learned model whose surface is the priority score, if any (`use_as_priority`).
        var learned: LearnedSpec? = nil
        var assessment: PriorityAssessment
    }

    private let entries = Locked<[Entry]>([])

    public init() {}

    /// Assessments computed so far (the rest were found in the cache).
    public var computed: Int { entries.withLock { $0.count } }

    /// The assessment of `inputs` under `parameters`, computed on first request.
    ///
    /// - Throws: as ``PriorityScorer/assess(_:parameters:)``.
    /// - Complexity: O(entries · size of the inputs) to look up; a scoring on a miss.
    public func assessment(_ inputs: PriorityInputs, parameters: PriorityParameters) throws -> PriorityAssessment {
        if let hit = entries.withLock({ $0.first { $0.learned == nil && $0.parameters == parameters && $0.inputs == inputs } }) {
            return hit.assessment
        }
        let assessment = try PriorityScorer.assess(inputs, parameters: parameters)
        entries.withLock { $0.append(Entry(inputs: inputs, parameters: parameters, assessment: assessment)) }
        return assessment
    }

    /// The priority assessment a simulation of `scenario` ranks by: the hand-set weights' (cached as
    /// above), or, with `scoring.learned.use_as_priority`, the fitted surface's (fitted once per
    /// inputs, parameters and model spec; no validation is run for it).
    ///
    /// - Throws: as ``ScoringRun/run(scenario:layers:holdoutAfter:validate:)``.
    public func assessment(scenario: Scenario, layers: ScenarioLayers) throws -> PriorityAssessment {
        let inputs = layers.priorityInputs(), parameters = try scenario.priorityParameters()
        guard let learned = scenario.scoring.learned, learned.useAsPriority else {
            return try assessment(inputs, parameters: parameters)
        }
        if let hit = entries.withLock({ $0.first { $0.learned == learned && $0.parameters == parameters && $0.inputs == inputs } }) {
            return hit.assessment
        }
        let assessment = try ScoringRun.run(scenario: scenario, layers: layers, holdoutAfter: nil, validate: false).assessment
        entries.withLock { $0.append(Entry(inputs: inputs, parameters: parameters, learned: learned, assessment: assessment)) }
        return assessment
    }
}
