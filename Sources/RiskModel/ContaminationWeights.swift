import ClearcastDomain

// MARK: - ContaminationWeights

/// How much contamination evidence one hazard puts on its cells: `typeWeight × statusWeight`.
///
/// The defaults are **modelling assumptions**, not measured constants; scenarios should override them
/// with the national authority's own judgement:
///
/// | type | weight | why                                                                 |
/// |------|--------|---------------------------------------------------------------------|
/// | AP   | 1.0    | victim-activated, designed to injure people on foot                 |
/// | CM   | 0.8    | sensitive submunitions, often in large numbers, attractive to children |
/// | AV   | 0.7    | need a heavy load, but vehicles and tampering still cause casualties |
/// | UXO  | 0.5    | mostly dangerous when handled                                        |
///
/// | status | weight | why                                              |
/// |--------|--------|--------------------------------------------------|
/// | CHA    | 1.0    | direct evidence of ordnance                      |
/// | SHA    | 0.6    | indirect evidence; part of the area is often clear |
///
/// ```swift
/// var w = ContaminationWeights.default
/// w.suspected = 0.4
/// try w.validate()
/// w.weight(type: .antiVehicle, status: .suspected)   // 0.28
/// ```
public struct ContaminationWeights: Sendable, Equatable, Codable {
    /// Weight of anti-personnel mine areas (default 1.0).
    public var antiPersonnel: Double
    /// Weight of anti-vehicle mine areas (default 0.7).
    public var antiVehicle: Double
    /// Weight of cluster munition areas (default 0.8).
    public var clusterMunition: Double
    /// Weight of other UXO areas (default 0.5).
    public var unexplodedOrdnance: Double
    /// Weight of confirmed hazardous areas (default 1.0).
    public var confirmed: Double
    /// Weight of suspected hazardous areas (default 0.6).
    public var suspected: Double

    /// The documented defaults.
    public static let `default` = ContaminationWeights(
        antiPersonnel: 1.0, antiVehicle: 0.7, clusterMunition: 0.8, unexplodedOrdnance: 0.5,
        confirmed: 1.0, suspected: 0.6)

    /// Creates a weight set (check it with ``validate()`` before use).
    public init(antiPersonnel: Double, antiVehicle: Double, clusterMunition: Double, unexplodedOrdnance: Double,
                confirmed: Double, suspected: Double) {
        self.antiPersonnel = antiPersonnel
        self.antiVehicle = antiVehicle
        self.clusterMunition = clusterMunition
        self.unexplodedOrdnance = unexplodedOrdnance
        self.confirmed = confirmed
        self.suspected = suspected
    }

    // MARK: Lookup

    /// Weight of `type`.
    public func weight(for type: ContaminationType) -> Double {
        switch type {
        case .antiPersonnel: return antiPersonnel
        case .antiVehicle: return antiVehicle
        case .clusterMunition: return clusterMunition
        case .unexplodedOrdnance: return unexplodedOrdnance
        }
    }

    /// Weight of `status`.
    public func weight(for status: HazardStatus) -> Double {
        switch status {
        case .confirmed: return confirmed
        case .suspected: return suspected
        }
    }

    /// Evidence a hazard of `type` and `status` puts on each of its cells.
    public func weight(type: ContaminationType, status: HazardStatus) -> Double {
        weight(for: type) * weight(for: status)
    }

    // MARK: Validation

    /// Throws unless every weight is finite and >= 0, at least one type weight is > 0 and at least
    /// one status weight is > 0 (otherwise every hazard would score 0).
    public func validate() throws {
        let named: [(String, Double)] = [
            ("AP", antiPersonnel), ("AV", antiVehicle), ("CM", clusterMunition), ("UXO", unexplodedOrdnance),
            ("CHA", confirmed), ("SHA", suspected),
        ]
        for (name, value) in named where !(value.isFinite && value >= 0) {
            throw RiskModelError.invalidWeight(name: "contamination \(name)", value: value)
        }
        if ContaminationType.allCases.allSatisfy({ weight(for: $0) == 0 }) {
            throw RiskModelError.allWeightsZero(context: "contamination type weights (AP, AV, CM, UXO)")
        }
        if HazardStatus.allCases.allSatisfy({ weight(for: $0) == 0 }) {
            throw RiskModelError.allWeightsZero(context: "contamination status weights (CHA, SHA)")
        }
    }
}
