import ClearcastDomain

// MARK: - IncidentDensityParameters

/// Settings of the incident density layer.
///
/// ```swift
/// let parameters = IncidentDensityParameters(bandwidth: 2_000, halfLifeYears: 5, referenceDate: try CivilDate(iso: "2025-01-01"))
/// try parameters.validate()
/// ```
public struct IncidentDensityParameters: Sendable, Equatable, Codable {
    /// Gaussian bandwidth σ, metres. Positive and finite.
    public var bandwidth: Double
    /// Half-life of an incident's weight, years (365.25 days). Positive; `.infinity` means no decay.
    public var halfLifeYears: Double
    /// Extra weight per casualty: `w = 1 + casualtyWeight · casualties` before decay. Finite, ≥ 0.
    public var casualtyWeight: Double
    /// Kernel truncation radius in bandwidths (entries beyond are exactly zero). Positive; values above
    /// ``GaussianKernel/maximumTruncationSigmas`` (37, where the Gaussian is below 1e-297) act as 37,
    /// so `.infinity` means "no truncation".
    public var truncationSigmas: Double
    /// Day ages are measured to. Incidents after it are excluded and counted.
    public var referenceDate: CivilDate

    /// Length of the year used for ages, in days.
    public static let daysPerYear = 365.25

    /// Creates parameters; call ``validate()`` (``IncidentDensity/init(grid:parameters:)`` does).
    public init(
        bandwidth: Double, halfLifeYears: Double, casualtyWeight: Double = 1, truncationSigmas: Double = 4,
        referenceDate: CivilDate
    ) {
        self.bandwidth = bandwidth
        self.halfLifeYears = halfLifeYears
        self.casualtyWeight = casualtyWeight
        self.truncationSigmas = truncationSigmas
        self.referenceDate = referenceDate
    }

    /// Throws ``IncidentDensityError/invalidParameter(name:value:expected:)`` for the first bad value.
    public func validate() throws {
        guard bandwidth.isFinite, bandwidth > 0 else {
            throw IncidentDensityError.invalidParameter(
                name: "bandwidth", value: bandwidth, expected: "a positive, finite number of metres")
        }
        guard halfLifeYears > 0, !halfLifeYears.isNaN else {
            throw IncidentDensityError.invalidParameter(
                name: "halfLifeYears", value: halfLifeYears, expected: "a positive number of years (or infinity for no decay)")
        }
        guard casualtyWeight.isFinite, casualtyWeight >= 0 else {
            throw IncidentDensityError.invalidParameter(
                name: "casualtyWeight", value: casualtyWeight, expected: "a finite number >= 0")
        }
        guard truncationSigmas > 0, !truncationSigmas.isNaN else {
            throw IncidentDensityError.invalidParameter(
                name: "truncationSigmas", value: truncationSigmas, expected: "a positive number of bandwidths (about 4)")
        }
    }
}
