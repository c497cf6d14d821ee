// MARK: - ContaminationType

/// The kind of explosive ordnance recorded for a hazard area.
///
/// The raw values are the codes used in scenario and hazard files (IMSMA-style abbreviations):
///
/// | code  | case                   | meaning                                             |
/// |-------|------------------------|-----------------------------------------------------|
/// | `AP`  | ``antiPersonnel``      | anti-personnel mines                                |
/// | `AV`  | ``antiVehicle``        | anti-vehicle (anti-tank) mines                      |
/// | `CM`  | ``clusterMunition``    | cluster munition remnants (submunitions)            |
/// | `UXO` | ``unexplodedOrdnance`` | other unexploded / abandoned explosive ordnance     |
///
/// ```swift
/// ContaminationType(rawValue: "AP")   // .antiPersonnel
/// ```
public enum ContaminationType: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Comparable {
    /// Anti-personnel mines (`AP`).
    case antiPersonnel = "AP"
    /// Anti-vehicle mines (`AV`).
    case antiVehicle = "AV"
    /// Cluster munition remnants (`CM`).
    case clusterMunition = "CM"
    /// Other unexploded ordnance (`UXO`).
    case unexplodedOrdnance = "UXO"

    /// Declaration order: AP, AV, CM, UXO (the order reports list them in).
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
