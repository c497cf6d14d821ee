import ClearcastDomain
import RiskModel
import Scenarios

extension ScoreReport {
    static func learnedSummary(_ learned: ScoringRun.Learned, handSet: FactorWeights) -> ScoreResult.LearnedSummary {
        let fit = learned.fit
        let spec = learned.spec
        let features = learned.featureNames.indices.map { j in
            ScoreResult.LearnedFeature(name: learned.featureNames[j], coefficient: fit.coefficients[j],
                                       standardError: fit.standardErrors[j],
                                       standardizedCoefficient: fit.standardizedCoefficients[j],
                                       impliedWeight: learned.surface.signedWeights[j])
        }
        return .init(
            labels: spec.labels.rawValue, family: spec.family.rawValue, usedAsPriority: spec.useAsPriority, features: features,
            intercept: fit.intercept, interceptStandardError: fit.interceptStandardError,
            penalty: learned.crossValidation.chosenPenalty, rule: learned.crossValidation.rule.rawValue, folds: spec.folds,
            blockSizeMetres: spec.blockSizeMetres,
            crossValidation: learned.crossValidation.curve.map {
                .init(penalty: $0.penalty, meanDeviance: $0.meanDeviance, standardError: $0.standardError.isFinite ? $0.standardError : nil)
            },
            trainingCells: learned.trainingRows, positiveCells: learned.positiveRows,
            featureDate: learned.featureDate?.description, labelEnd: learned.labelEnd?.description,
            converged: fit.converged, iterations: fit.iterations, solver: fit.solver.rawValue,
            handSetWeights: zip(handSet.names, handSet.values).map { .init(factor: $0, weight: $1) },
            imputed: learned.imputedCells.sorted { $0.key < $1.key }.map { .init(name: $0.key, cells: $0.value) })
    }

    static func bootstrapSummary(_ result: BlockBootstrap.Result, blockMetres: Double) -> ScoreResult.BootstrapSummary {
        .init(replicates: result.replicates, blockSizeMetres: blockMetres, blocks: result.blockCount, seed: result.seed,
              // A metric undefined on the observed data (e.g. an AUC with no negative cell) has no row.
              rows: result.rows.filter { $0.difference.isFinite && $0.shareModelBetter.isFinite }.map { row in
                  .init(baseline: row.baseline, metric: metricKey(row.metric), model: row.modelValue, baselineValue: row.baselineValue,
                        difference: row.difference, lower90: finite(row.interval90?.lower), upper90: finite(row.interval90?.upper),
                        lower95: finite(row.interval95?.lower), upper95: finite(row.interval95?.upper),
                        shareModelBetter: row.shareModelBetter)
              })
    }

    static func reliabilitySummary(_ r: Reliability) -> ScoreResult.ReliabilitySummary {
        .init(brier: r.brier, brierReference: r.brierReference, brierSkill: r.brierSkill,
              expectedCalibrationError: r.expectedCalibrationError,
              bins: r.bins.map { .init(count: $0.count, meanPredicted: $0.meanPredicted, observedFrequency: $0.observedFrequency,
                                      lower: $0.wilsonLower, upper: $0.wilsonUpper) })
    }

    static func outcomeSummary(_ v: ScoringRun.OutcomeValidation, blockMetres: Double) -> ScoreResult.OutcomeValidationSummary {
        .init(rows: v.metrics.map { m in
                  .init(label: m.label, labelledCells: m.labelledCellCount, positiveCells: m.positiveCellCount, auc: m.rocAUC,
                        hitRate5: m.hitRates.first { abs($0.areaFraction - 0.05) < 1e-9 }?.hitRate ?? 0)
              },
              bootstrap: v.bootstrap.map { bootstrapSummary($0, blockMetres: blockMetres) },
              reliability: v.reliability.map(reliabilitySummary))
    }

    /// The schema's name of a bootstrap metric.
    static func metricKey(_ metric: BlockBootstrap.Metric) -> String {
        switch metric {
        case .rocAUC: "auc"
        case .countWeightedAUC: "countWeightedAUC"
        case .hitRate(let fraction): "hitRate\(Int((fraction * 100).rounded()))"
        }
    }

    static func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }

    static func blockMetres(_ run: ScoringRun.Output, grid: Grid) -> Double {
        Double(ScoringRun.blockCells(run, grid: grid)) * grid.cellSize
    }
}
