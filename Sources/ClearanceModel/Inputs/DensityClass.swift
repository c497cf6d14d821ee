// MARK: - DensityClass

/// Estimated contamination density of a hazard area. It scales productivity through
/// ``LandReleaseParameters/densityProductivityFactors`` (dense areas are slower to clear).
public enum DensityClass: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
}
