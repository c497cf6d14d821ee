// MARK: - HazardStatus

/// The evidence status of a hazard area, as in IMAS 08.10 land release.
///
/// Codes in files: `CHA` (confirmed hazardous area: direct evidence of explosive ordnance) and
/// `SHA` (suspected hazardous area: indirect evidence only).
///
/// ```swift
/// HazardStatus(rawValue: "SHA")   // .suspected
/// ```
public enum HazardStatus: String, CaseIterable, Sendable, Codable {
    /// Confirmed hazardous area (`CHA`).
    case confirmed = "CHA"
    /// Suspected hazardous area (`SHA`).
    case suspected = "SHA"
}
