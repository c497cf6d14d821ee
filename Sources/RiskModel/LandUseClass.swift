// MARK: - LandUseClass

/// Land-use classes of the optional land value / exposure layer. Raw values are the codes used in
/// scenario files.
///
/// ```swift
/// LandUseClass(rawValue: "school")   // .school
/// ```
public enum LandUseClass: String, CaseIterable, Sendable, Codable {
    /// Cropland, orchards.
    case agriculture
    /// Pasture and grazing land.
    case grazing
    /// Roads and tracks.
    case road
    /// Water points, wells, canals, river access.
    case water
    /// Schools and their grounds.
    case school
    /// Houses, villages.
    case residential
    /// Any other land with some use.
    case other
}
