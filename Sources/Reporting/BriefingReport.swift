// MARK: - BriefingReport

/// A self-contained HTML briefing from clearcast results, for people who decide on a plan rather
/// than run the tools: one file that opens in any browser without a network, prints cleanly, and
/// answers the question on its first screen.
///
/// It reads top to bottom: the question and the answer (completion dates per contamination type
/// with their ranges; what it would take, from a plan result; which assumptions decide it, from a
/// sensitivity result), then the evidence: a map of the hazard areas, remaining area over time,
/// area released per calendar year by method, casualties by scenario, the scenario comparison, the
/// plan and sensitivity charts, the ranked hazard table and the score's validation, and last the
/// provenance and assumptions. Sections whose result was not given are left out.
///
/// The charts are the notebook's (``NotebookExporter``'s chart builders), inline as SVG. The bytes
/// depend only on the inputs.
///
/// ```swift
/// let html = BriefingReport(title: "Karabakh", score: score, comparison: comparison, map: layers).html()
/// ```
public struct BriefingReport: Sendable {
    public var title: String
    public var score: ScoreResult?
    public var simulation: SimulationResult?
    public var comparison: CompareResult?
    public var plan: PlanResult?
    public var sensitivity: SensitivityResult?
    /// Hazard geometry for the map (results carry none); nil leaves the map out, with ``mapNote``.
    public var map: BriefingMapLayers?
    /// Why there is no map, or a caveat on it (e.g. the scenario changed since the results were made).
    public var mapNote: String?
    /// The scenario's parameters with the citation or assumption tag its file gives them.
    public var assumptions: [ScenarioAssumption]
    /// Where ``assumptions`` were read from (the scenario file), for the report's text.
    public var assumptionsSource: String?

    /// How many ranked hazard areas the table lists (the map and the result JSON have all).
    public static let rankedRows = 50

    public init(title: String, score: ScoreResult? = nil, simulation: SimulationResult? = nil,
                comparison: CompareResult? = nil, plan: PlanResult? = nil, sensitivity: SensitivityResult? = nil,
                map: BriefingMapLayers? = nil, mapNote: String? = nil, assumptions: [ScenarioAssumption] = [],
                assumptionsSource: String? = nil) {
        self.title = title
        self.score = score
        self.simulation = simulation
        self.comparison = comparison
        self.plan = plan
        self.sensitivity = sensitivity
        self.map = map
        self.mapNote = mapNote
        self.assumptions = assumptions
        self.assumptionsSource = assumptionsSource
    }

    /// The forecast the answer is about: the simulation, or the comparison's base scenario.
    var forecast: SimulationResult? {
        simulation ?? comparison.flatMap { c in c.scenarios.first { $0.scenario == c.base } ?? c.scenarios.first }
    }

    /// The scenario names the results are about, for the question.
    var scenarioName: String {
        forecast?.scenario ?? plan?.scenario ?? sensitivity?.scenario ?? score?.provenance.scenarios.first?.name ?? "the scenario"
    }

    /// The complete page.
    public func html() -> String {
        var page = HTMLDocument(title: title)
        appendAnswer(to: &page)
        appendMap(to: &page)
        appendForecast(to: &page)
        appendComparison(to: &page)
        appendPlan(to: &page)
        appendSensitivity(to: &page)
        appendPriorities(to: &page)
        appendProvenance(to: &page)
        return page.render()
    }

    /// Every provenance given, in section order, with the kind of result it belongs to.
    var provenances: [(kind: String, provenance: Provenance)] {
        [("score", score?.provenance), ("simulate", simulation?.provenance), ("compare", comparison?.provenance),
         ("plan", plan?.provenance), ("sensitivity", sensitivity?.provenance)]
            .compactMap { entry in entry.1.map { (entry.0, $0) } }
    }
}
