import ClearcastDomain
import Foundation
import RiskModel

extension ScoringRun {
    /// Blocks of the bootstrap when the scenario has no learned model: 10 km, about a municipality or
    /// a district's village cluster, so that neighbouring cells (which share kernels) resample together.
    static let defaultBlockMetres = 10_000.0
    static let bootstrapReplicates = 1000

    /// The surface against held-out incidents, inside the study area, beside the baselines.
    static func validate(_ output: Output, scenario: Scenario, layers: ScenarioLayers, parameters: PriorityParameters,
                         cutoff: CivilDate, known: [Incident], heldOut: [Incident]) throws -> Validation {
        let grid = layers.grid
        let include = layers.studyArea?.included
        let heldOutCells = TemporalSplit.cells(of: heldOut, in: grid).indices
        let model = output.assessment.gridScores(fill: 0)
        let baselines = try baselineScores(output, layers: layers, parameters: parameters, known: known)
        let comparison = try ValidationComparison(modelScores: model, baselines: baselines, heldOutIncidentCells: heldOutCells,
                                                  include: include)
        let blocks = try BlockBootstrap.squareBlocks(rows: grid.rows, columns: grid.columns, size: blockCells(output, grid: grid))
        // Uniform joins the bootstrap (model − uniform is the model's own AUC − 0.5, with its interval).
        let bootstrap = try? BlockBootstrap.compare(model: model, baselines: [("uniform", [Double](repeating: 0, count: model.count))] + baselines,
                                                    heldOutIncidentCells: heldOutCells,
                                                    blockOfCell: blocks, include: include, replicates: bootstrapReplicates,
                                                    seed: output.learned?.spec.seed ?? 1)
        var reliability: Reliability?
        if let learned = output.learned, learned.spec.family == .logistic, learned.spec.labels == .incidents {
            let mask = layers.studyArea ?? GridMask.all(grid.cellCount)
            reliability = try Reliability(probabilities: mask.expand(learned.fitted, fill: 0), heldOutIncidentCells: heldOutCells,
                                          include: include)
        }
        let areas = layers.hazards.map(\.footprint.cells)
        let heldOutSet = Set(heldOutCells)
        let hazardAreas = try? HazardAreaValidation.evaluate(
            areaScores: HazardAreaValidation.meanScores(areas: areas, scores: model, include: include),
            positive: areas.map { $0.contains(where: heldOutSet.contains) })
        return Validation(holdoutAfter: cutoff, trainingIncidents: known.count, heldOutIncidents: heldOut.count,
                          comparison: comparison, bootstrap: bootstrap, reliability: reliability, hazardAreas: hazardAreas)
    }

    /// A model trained on outcome labels, judged on its out-of-fold predictions (each labelled cell
    /// predicted by the fit that did not see its fold) against the baselines on the same cells.
    static func validateOutcomes(_ learned: Learned, output: Output, scenario: Scenario, layers: ScenarioLayers,
                                 parameters: PriorityParameters, known: [Incident]) throws -> OutcomeValidation {
        let grid = layers.grid
        let mask = layers.studyArea ?? GridMask.all(grid.cellCount)
        // The same rule as training: a cell in any mines-found polygon is positive.
        let found = Set(layers.outcomes.filter(\.minesFound).flatMap(\.cells))
        var positive: [Int] = [], negative: [Int] = []
        for (position, value) in learned.outOfFold.enumerated() where !value.isNaN {
            let cell = mask.cells[position]
            if found.contains(cell) { positive.append(cell) } else { negative.append(cell) }
        }
        let labels = try CellLabels(cellCount: grid.cellCount, positiveCells: positive, negativeCells: negative)
        let model = mask.expand(learned.outOfFold.map { $0.isNaN ? 0 : $0 }, fill: 0)
        var baselines = try baselineScores(output, layers: layers, parameters: parameters, known: known)
            .filter { $0.label != "learned" }
        if output.weighted == nil, !baselines.contains(where: { $0.label == "hand-set weights" }) {
            baselines.append(("hand-set weights", output.assessment.gridScores(fill: 0)))
        }
        let include = layers.studyArea?.included
        let metrics = try [LabelledValidation.evaluate(label: "learned (out of fold)", scores: model, labels: labels, include: include)]
            + baselines.map { try LabelledValidation.evaluate(label: $0.label, scores: $0.scores, labels: labels, include: include) }
        let blocks = try BlockBootstrap.squareBlocks(rows: grid.rows, columns: grid.columns, size: learned.blockCells)
        let bootstrap = try? BlockBootstrap.compare(model: model, baselines: [("uniform", [Double](repeating: 0, count: model.count))] + baselines,
                                                    labels: labels, blockOfCell: blocks,
                                                    include: include, replicates: bootstrapReplicates, seed: learned.spec.seed)
        let reliability = learned.spec.family == .logistic
            ? try Reliability(probabilities: model, labels: labels, include: include) : nil
        return OutcomeValidation(metrics: metrics, bootstrap: bootstrap, reliability: reliability)
    }

    /// The score maps the model is compared with, whole-grid: contamination alone, density alone
    /// (when used), distance to the nearest earlier incident (nearer = higher),
    /// and the other of hand-set weights / learned surface.
    static func baselineScores(_ output: Output, layers: ScenarioLayers, parameters: PriorityParameters,
                               known: [Incident]) throws -> [(label: String, scores: [Double])] {
        let grid = layers.grid
        let assessment = output.weighted ?? output.assessment
        var baselines: [(label: String, scores: [Double])] = []
        let contamination = try assessment.rawLayer(.contamination)
            ?? ContaminationLayer.build(footprints: layers.hazards.map(\.footprint), cellCount: grid.cellCount,
                                        weights: parameters.contamination)
        baselines.append(("contamination only", contamination))
        if let density = assessment.rawLayer(.incidents) { baselines.append(("density only", density)) }
        // Evidence = the incidents known before the cut-off: hazard cells would make the baseline
        // constant on outcome labels (released land lies inside hazard areas by definition).
        let toIncidents = try DistanceTransform.distances(grid: grid, points: known.map { (x: $0.x, y: $0.y) })
        if let farthest = toIncidents.filter(\.isFinite).max() {
            baselines.append(("distance to evidence", toIncidents.map { $0.isFinite ? farthest - $0 : 0 }))
        }
        if let weighted = output.weighted {
            baselines.append(("hand-set weights", weighted.gridScores(fill: 0)))
        } else if let learned = output.learned {
            let mask = layers.studyArea ?? GridMask.all(grid.cellCount)
            baselines.append(("learned", mask.expand(learned.surface.composite.scores, fill: 0)))
        }
        return baselines
    }

    /// Side of the bootstrap (and cross-validation) blocks in cells.
    public static func blockCells(_ output: Output, grid: Grid) -> Int {
        output.learned?.blockCells ?? max(1, Int((defaultBlockMetres / grid.cellSize).rounded()))
    }
}
