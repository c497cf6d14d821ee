// MARK: - DensityClass

/// Estimated contamination density of a hazard area. The clearance model scales productivity by
/// it (dense areas are slower to clear).
public enum DensityClass: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
}
