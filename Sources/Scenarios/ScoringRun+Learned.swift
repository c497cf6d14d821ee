import ClearcastDomain
import Foundation
import LinearAlgebra
import RiskModel

extension ScoringRun {
    /// A risk model fitted to evidence (`scoring.learned`), and its surface at the reference date.
    public struct Learned: Sendable {
        public var spec: LearnedSpec
        public var featureNames: [String]
        /// Block cross-validation of the penalty, with the refit on every training row.
        public var crossValidation: BlockCrossValidation
        public var fit: GLMFit { crossValidation.fit }
        /// The fitted surface at the reference date, as a composite (implied weights) over the study area.
        public var surface: LearnedSurface
        /// Fitted probabilities (logistic) or expected counts per label window (Poisson), one per
        /// study-area cell, at the reference date.
        public var fitted: [Double]
        /// Training rows (study-area cells with a label) and those labelled positive / their total count.
        public var trainingRows: Int
        public var positiveRows: Int
        /// With incident labels: features from evidence before `featureDate`, labels = incidents in [featureDate, labelEnd).
        public var featureDate: CivilDate?
        public var labelEnd: CivilDate?
        /// Side of the cross-validation blocks, in cells.
        public var blockCells: Int
        /// Out-of-fold predictions at the chosen penalty, by study-area cell (NaN where unlabelled):
        /// each labelled cell predicted by the model fitted without its fold. Honest validation for outcome labels.
        public var outOfFold: [Double]
        /// Per covariate, study-area cells whose missing value took the median.
        public var imputedCells: [String: Int]
    }

    /// Fits `spec` on the study area `mask`, with `reference` as "today" and `incidents` the ones known
    /// (a hold-out run passes only those before its cut-off).
    ///
    /// - Throws: `ScenarioError` at `scoring.learned` for labels the run cannot train on (no outcome
    ///   layer, no incident in the window, one class only); model and fit errors.
    static func fitLearned(_ spec: LearnedSpec, scenario: Scenario, layers: ScenarioLayers, mask: GridMask,
                           reference: CivilDate, incidents: [Incident]) throws -> Learned {
        let fail = { (message: String) in ScenarioError(file: scenario.file.path, path: "scoring.learned", message: message) }
        var builder = LearnedFeatures(scenario: scenario, layers: layers, mask: mask)
        let family: GLMFamily = spec.family == .logistic ? .logistic : .poisson
        var rows: [Int] = []            // study-area positions of the training rows
        var response: [Double] = []
        var trainingColumns: [[Double]]
        var featureDate: CivilDate?
        switch spec.labels {
        case .incidents:
            // Whole years step back by calendar years (2016-01-01 → 2013-01-01); fractions by days.
            let start = spec.windowYears == spec.windowYears.rounded()
                ? reference.adding(years: -Int(spec.windowYears)) : reference.adding(days: -Int((spec.windowYears * 365.2425).rounded()))
            featureDate = start
            var counts = [Double](repeating: 0, count: mask.includedCount)
            for incident in incidents where incident.date >= start && incident.date < reference {
                guard let cell = layers.grid.cell(containingX: incident.x, y: incident.y) else { continue }
                let position = mask.position[layers.grid.index(row: cell.row, column: cell.column)]
                if position >= 0 { counts[position] += 1 }
            }
            guard counts.contains(where: { $0 > 0 }) else {
                throw fail("no incident in the study area is dated from \(start) to before \(reference) (the label window of \(spec.windowYears) years); expected some to learn from (lengthen window_years)")
            }
            rows = Array(0..<mask.includedCount)
            response = family == .logistic ? counts.map { $0 > 0 ? 1 : 0 } : counts
            trainingColumns = try builder.columns(spec.features, at: start, incidents: incidents)
        case .outcomes:
            guard scenario.layers.outcomes != nil else {
                throw fail("labels: outcomes needs layers.outcomes (polygons of released land with outcome mines_found or nothing_found)")
            }
            var label = [Int8](repeating: -1, count: mask.includedCount)   // -1 none, 0 nothing found, 1 found (wins)
            for outcome in layers.outcomes {
                for position in mask.compactIndices(of: outcome.cells) {
                    label[position] = outcome.minesFound ? 1 : max(label[position], 0)
                }
            }
            rows = label.indices.filter { label[$0] >= 0 }
            response = rows.map { Double(label[$0]) }
            guard response.contains(1), response.contains(0) else {
                throw fail("the outcome polygons inside the study area hold \(response.contains(1) ? "only mines_found" : "only nothing_found") cells; expected both outcomes to learn from")
            }
            trainingColumns = try builder.columns(spec.features, at: reference, incidents: incidents)
        }
        let design = try matrix(trainingColumns, rows: rows)
        let blockCells = max(1, Int((spec.blockSizeMetres / layers.grid.cellSize).rounded()))
        var rowMask = [Bool](repeating: false, count: layers.grid.cellCount)
        for position in rows { rowMask[mask.cells[position]] = true }
        let blocks = try SpatialBlocks(rows: layers.grid.rows, columns: layers.grid.columns, blockCells: blockCells, include: rowMask)
        guard blocks.blockCount >= spec.folds else {
            throw fail("the training cells fall in \(blocks.blockCount) blocks of \(Int(spec.blockSizeMetres)) m, fewer than the \(spec.folds) folds; expected smaller block_size_m or fewer folds")
        }
        let folds = try blocks.folds(count: spec.folds, seed: spec.seed)
        let cv = try BlockCrossValidation.select(design: design, response: response, family: family, folds: folds,
                                                 penalties: spec.penalties)
        // Out of fold at the chosen penalty: each fold predicted by the model fitted without it.
        var outOfFold = [Double](repeating: .nan, count: mask.includedCount)
        for fold in 0..<folds.count {
            let weights = folds.foldOfCell.map { $0 == fold ? 0.0 : 1.0 }
            let partial = try PenalizedGLM.fit(design: design, response: response, family: family, penalty: cv.chosenPenalty, weights: weights)
            let predicted = try partial.predict(design)
            for (i, position) in rows.enumerated() where folds.foldOfCell[i] == fold { outOfFold[position] = predicted[i] }
        }
        // The surface at the reference date (for incident labels, rebuilt from everything known then).
        let scoringColumns = spec.labels == .incidents
            ? try builder.columns(spec.features, at: reference, incidents: incidents) : trainingColumns
        let names = spec.features.map(\.name)
        let surface = try LearnedSurface(names: names, normalizedFeatures: scoringColumns,
                                         coefficients: cv.fit.coefficients, intercept: cv.fit.intercept)
        let fitted = try cv.fit.predict(matrix(scoringColumns, rows: Array(0..<mask.includedCount)))
        return Learned(spec: spec, featureNames: names, crossValidation: cv, surface: surface, fitted: fitted,
                       trainingRows: rows.count, positiveRows: response.filter { $0 > 0 }.count,
                       featureDate: featureDate, labelEnd: spec.labels == .incidents ? reference : nil,
                       blockCells: blockCells, outOfFold: outOfFold, imputedCells: builder.imputedCells)
    }

    /// The (rows × features) design from per-feature columns.
    private static func matrix(_ columns: [[Double]], rows: [Int]) throws -> Matrix {
        var elements = [Double](repeating: 0, count: rows.count * columns.count)
        for (j, column) in columns.enumerated() {
            for (i, position) in rows.enumerated() { elements[i * columns.count + j] = column[position] }
        }
        return try Matrix(rows: rows.count, columns: columns.count, elements: elements)
    }
}
