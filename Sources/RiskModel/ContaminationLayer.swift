// MARK: - ContaminationLayer

/// Builds the contamination-evidence layer: each grid cell gets the **maximum** of
/// `typeWeight × statusWeight` over the hazard footprints covering it, and 0 elsewhere.
///
/// Maximum, not sum: hazard polygons are often re-surveyed and overlap (an SHA later partly confirmed
/// as a CHA), and summing would double count the same ordnance. A cell covered by a CHA and an older
/// SHA therefore carries the CHA's weight.
///
/// ```swift
/// let layer = try ContaminationLayer.build(footprints: hazards, cellCount: grid.cellCount)
/// ```
public enum ContaminationLayer {
    /// The raw (un-normalised) contamination layer, one value per cell.
    ///
    /// - Throws: ``RiskModelError/invalidWeight(name:value:)`` / ``RiskModelError/allWeightsZero(context:)``
    ///   for bad weights, ``RiskModelError/cellIndexOutOfRange(context:index:cellCount:)`` for a footprint
    ///   cell outside the grid.
    /// - Complexity: O(cellCount + total footprint cells).
    public static func build(footprints: [HazardFootprint], cellCount: Int,
                             weights: ContaminationWeights = .default) throws -> [Double] {
        try weights.validate()
        return try CellMaximumLayer.build(cellCount: cellCount, features: footprints.lazy.map { footprint in
            (weight: weights.weight(type: footprint.type, status: footprint.status), cells: footprint.cells,
             label: { "hazard '\(footprint.id)'" })
        })
    }
}
