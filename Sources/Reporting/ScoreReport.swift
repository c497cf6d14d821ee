import ClearanceModel
import ClearcastDomain
import GeoData
import RiskModel
import Scenarios

/// Builds the `score` result from an assessment.
public enum ScoreReport {
    /// Largest side of the preview surface stored in results (for maps in notebooks).
    static let previewSide = 160

    public static func make(provenance: Provenance, scenario: Scenario, layers: ScenarioLayers,
                            run: ScoringRun.Output) -> ScoreResult {
        let assessment = run.assessment
        var validation = run.validation.map(validationSummary)
        if let v = run.validation { validation?.bootstrap = v.bootstrap.map { bootstrapSummary($0, blockMetres: blockMetres(run, grid: layers.grid)) } }
        let grid = layers.grid
        let weights = assessment.composite.weights
        let density = assessment.densitySummary
        var result = ScoreResult(
            provenance: provenance,
            grid: .init(epsg: grid.epsg, minX: grid.minX, minY: grid.minY, cellSize: grid.cellSize,
                        columns: grid.columns, rows: grid.rows),
            weights: .init(
                method: weights.ahp == nil ? "direct" : "ahp",
                factors: zip(weights.names, weights.values).map { .init(factor: $0, weight: $1) },
                ahp: weights.ahp.map {
                    .init(lambdaMax: $0.lambdaMax, consistencyIndex: $0.consistencyIndex, randomIndex: $0.randomIndex,
                          consistencyRatio: $0.consistencyRatio, acceptedInconsistent: !$0.isAcceptablyConsistent)
                }),
            layers: zip(assessment.factors, assessment.rawLayers).map { factor, values in layerSummary(factor, values) },
            incidents: .init(
                used: density?.incidentsUsed ?? 0, outsideGrid: layers.incidentsOutsideGrid,
                afterReferenceDate: density?.excludedAfterReferenceDate ?? 0, heldOut: validation?.heldOutIncidents ?? 0,
                totalWeight: density?.totalWeight ?? 0, edgeLossShare: density?.edgeLoss ?? 0),
            hazards: hazards(assessment.ranking, areas: layers.hazards,
                             model: scenario.simulation == nil ? nil : try? scenario.clearanceModel(layers: layers, ranking: assessment.ranking)),
            validation: validation,
            preview: preview(assessment.gridScores(), grid: grid, ranking: assessment.ranking, areas: layers.hazards))
        if let mask = layers.studyArea {
            result.studyArea = .init(includedCells: mask.includedCount, excludedCells: mask.excludedCount)
        }
        if let learned = run.learned {
            result.learned = learnedSummary(learned, handSet: run.weighted?.composite.weights ?? weights)
            if learned.spec.useAsPriority { result.weights.method = "learned" }
        }
        result.outcomeValidation = run.outcomeValidation.map {
            outcomeSummary($0, blockMetres: Double(run.learned?.blockCells ?? 1) * grid.cellSize)
        }
        return result
    }

    // MARK: Pieces

    static func validationSummary(_ v: ScoringRun.Validation) -> ScoreResult.ValidationSummary {
        let baseline = { (label: String) in v.comparison.baselines.first { $0.label == label }.map(metrics) }
        var summary = ScoreResult.ValidationSummary(
            holdoutAfter: v.holdoutAfter.description, trainingIncidents: v.trainingIncidents,
            heldOutIncidents: v.heldOutIncidents, model: metrics(v.comparison.model),
            uniform: metrics(v.comparison.uniform),
            contaminationOnly: baseline("contamination only") ?? metrics(v.comparison.uniform),
            densityOnly: baseline("density only"))
        summary.all = v.comparison.all.map { .init(label: $0.label, metrics: metrics($0)) }
        summary.excludedCells = v.comparison.model.excludedCellCount
        summary.heldOutOutsideStudyArea = v.comparison.model.excludedIncidentCount
        summary.reliability = v.reliability.map(reliabilitySummary)
        summary.hazardAreas = v.hazardAreas.map {
            .init(areas: $0.areaCount, positives: $0.positiveCount, auc: $0.rocAUC,
                  top: $0.top.map { .init(count: $0.count, positives: $0.positives) })
        }
        return summary
    }

    static func metrics(_ m: ValidationMetrics) -> ScoreResult.Metrics {
        let at = { (fraction: Double) in m.hitRates.first { abs($0.areaFraction - fraction) < 1e-9 } }
        return .init(hitRate5: at(0.05)?.hitRate ?? 0, hitRate10: at(0.10)?.hitRate ?? 0, hitRate20: at(0.20)?.hitRate ?? 0,
                     pai5: at(0.05)?.predictiveAccuracyIndex ?? 0, pai10: at(0.10)?.predictiveAccuracyIndex ?? 0,
                     pai20: at(0.20)?.predictiveAccuracyIndex ?? 0, auc: m.rocAUC, countWeightedAUC: m.countWeightedAUC)
    }

    static func layerSummary(_ factor: PriorityFactor, _ values: [Double]) -> ScoreResult.LayerSummary {
        var minimum = Double.infinity, maximum = -Double.infinity, sum = 0.0, nonZero = 0
        for v in values {
            minimum = min(minimum, v)
            maximum = max(maximum, v)
            sum += v
            if v != 0 { nonZero += 1 }
        }
        return .init(factor: factor.rawValue, units: factor.units, minimum: values.isEmpty ? 0 : minimum,
                     maximum: values.isEmpty ? 0 : maximum, mean: values.isEmpty ? 0 : sum / Double(values.count),
                     nonZeroCells: nonZero)
    }

    /// The ranked hazards; with `model` (a scenario with teams), each with its expected effort.
    static func hazards(_ ranking: [HazardRankEntry], areas: [ScenarioHazard], model: ClearanceModel? = nil) -> [ScoreResult.RankedHazard] {
        let regions = Dictionary(areas.map { ($0.footprint.id, $0.region) }, uniquingKeysWith: { a, _ in a })
        let effort = model.map(effortByID) ?? [:]
        return ranking.map { entry in
            ScoreResult.RankedHazard(
                rank: entry.rank, id: entry.id, name: entry.name, type: entry.type.rawValue, status: entry.status.rawValue,
                region: regions[entry.id].flatMap { $0.isEmpty ? nil : $0 }, areaSquareMetres: entry.areaSquareMetres,
                cells: entry.cellCount, meanScore: entry.meanScore, maxScore: entry.maxScore,
                benefitPerSquareMetre: entry.benefitPerSquareMetre,
                factors: entry.factors.map {
                    .init(factor: $0.factor, share: $0.share, meanValue: $0.meanValue, aloneRank: $0.aloneRank)
                },
                effort: effort[entry.id])
        }
    }

    /// Each task's effort with its rank in the `risk_per_effort` order, by id.
    static func effortByID(_ model: ClearanceModel) -> [String: ScoreResult.HazardEffort] {
        let efforts = model.expectedEffort()
        var out: [String: ScoreResult.HazardEffort] = [:]
        for (position, i) in model.riskPerEffortOrder(efforts).enumerated() {
            let e = efforts[i]
            out[e.id] = .init(teamDays: e.teamDays, cost: e.cost, casualtiesPerYear: e.casualtiesPerYear,
                              casualtiesPerYearPerTeamDay: e.casualtiesPerYearPerTeamDay,
                              casualtiesPerYearPerMillion: e.casualtiesPerYearPerMillion, effortRank: position + 1)
        }
        return out
    }

    /// Block means of the composite surface, at most `previewSide` cells a side.
    static func preview(_ scores: [Double], grid: Grid, ranking: [HazardRankEntry], areas: [ScenarioHazard]) -> ScoreResult.SurfacePreview {
        let factor = max(1, (max(grid.rows, grid.columns) + previewSide - 1) / previewSide)
        let rows = (grid.rows + factor - 1) / factor, columns = (grid.columns + factor - 1) / factor
        var sums = [Double](repeating: 0, count: rows * columns), counts = [Int](repeating: 0, count: rows * columns)
        for r in 0..<grid.rows {
            for c in 0..<grid.columns where !scores[r * grid.columns + c].isNaN {  // NaN: outside the study area
                let p = (r / factor) * columns + c / factor
                sums[p] += scores[r * grid.columns + c]
                counts[p] += 1
            }
        }
        // A preview block wholly outside the study area is -1 (the schema's "no data"), never NaN in JSON.
        let values = zip(sums, counts).map { sum, count in count == 0 ? -1 : ((sum / Double(count)) * 10_000).rounded() / 10_000 }
        let centres = Dictionary(areas.map { ($0.footprint.id, ($0.centerX, $0.centerY)) }, uniquingKeysWith: { a, _ in a })
        let labels = ranking.prefix(10).compactMap { entry -> ScoreResult.Label? in
            guard entry.hasCells, let (x, y) = centres[entry.id] else { return nil }
            return .init(rank: entry.rank, id: entry.id, x: x, y: y)
        }
        return .init(rows: rows, columns: columns, factor: factor, values: values, labels: labels)
    }
}
