// MARK: - LandValueWeights

/// Exposure weight of each ``LandUseClass``: how much clearing land of that class is worth to people.
///
/// The defaults are **modelling assumptions** (to be replaced by the authority's priorities):
/// school 1.0, residential 1.0, water 0.9, agriculture 0.8, road 0.7, grazing 0.6, other 0.3 —
/// places children and households use daily first, then livelihoods and access.
///
/// ```swift
/// let w = try LandValueWeights([.agriculture: 1.0, .grazing: 0.4])   // others keep their defaults
/// w[.school]   // 1.0
/// ```
public struct LandValueWeights: Sendable, Equatable, Codable {
    /// Weights in ``LandUseClass/allCases`` order.
    private var storage: [Double]

    /// The documented defaults.
    public static let `default` = LandValueWeights(uncheckedDefaults: ())

    private init(uncheckedDefaults: Void) {
        storage = LandUseClass.allCases.map(Self.defaultWeight)
    }

    /// The defaults with `overrides` applied.
    ///
    /// - Throws: ``RiskModelError/invalidWeight(name:value:)`` for a NaN, infinite or negative weight and
    ///   ``RiskModelError/allWeightsZero(context:)`` when every class ends up at 0.
    public init(_ overrides: [LandUseClass: Double] = [:]) throws {
        self.init(uncheckedDefaults: ())
        for (landUse, value) in overrides {
            guard value.isFinite, value >= 0 else {
                throw RiskModelError.invalidWeight(name: "land use \(landUse.rawValue)", value: value)
            }
            storage[Self.position(landUse)] = value
        }
        guard storage.contains(where: { $0 > 0 }) else {
            throw RiskModelError.allWeightsZero(context: "land value weights")
        }
    }

    /// Weight of `landUse`.
    public subscript(landUse: LandUseClass) -> Double { storage[Self.position(landUse)] }

    /// Documented default of `landUse`.
    public static func defaultWeight(_ landUse: LandUseClass) -> Double {
        switch landUse {
        case .school, .residential: return 1.0
        case .water: return 0.9
        case .agriculture: return 0.8
        case .road: return 0.7
        case .grazing: return 0.6
        case .other: return 0.3
        }
    }

    private static func position(_ landUse: LandUseClass) -> Int {
        // allCases is a fixed, small array; a linear scan keeps the order in one place.
        LandUseClass.allCases.firstIndex(of: landUse) ?? 0
    }

    // MARK: Codable (as a dictionary keyed by class code)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: Double].self)
        var overrides: [LandUseClass: Double] = [:]
        for (key, value) in raw {
            guard let landUse = LandUseClass(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "unknown land use class '\(key)'; expected one of "
                        + LandUseClass.allCases.map(\.rawValue).joined(separator: ", "))
            }
            overrides[landUse] = value
        }
        try self.init(overrides)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var raw: [String: Double] = [:]
        for landUse in LandUseClass.allCases { raw[landUse.rawValue] = self[landUse] }
        try container.encode(raw)
    }
}
