// MARK: - HazardStatus

/// IMAS evidence status of a hazard area.
public enum HazardStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Suspected hazardous area (SHA): starts with non-technical survey.
    case suspected = "SHA"
    /// Confirmed hazardous area (CHA): starts with technical survey.
    case confirmed = "CHA"
}
