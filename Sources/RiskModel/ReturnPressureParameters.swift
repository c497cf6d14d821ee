// MARK: - ReturnPressureParameters

/// Settings of the return-of-residents pressure layer.
///
/// ```swift
/// let parameters = ReturnPressureParameters(decayDistance: 3_000)
/// ```
public struct ReturnPressureParameters: Sendable, Equatable, Codable {
    /// Decay distance σ of `exp(−d² / (2σ²))`, metres. Positive and finite.
    public var decayDistance: Double

    /// Creates parameters; ``ReturnPressure/init(grid:parameters:)`` validates them.
    public init(decayDistance: Double) {
        self.decayDistance = decayDistance
    }

    /// Throws ``ReturnPressureError/invalidParameter(name:value:expected:)`` for a bad value.
    public func validate() throws {
        guard decayDistance.isFinite, decayDistance > 0 else {
            throw ReturnPressureError.invalidParameter(
                name: "decayDistance", value: decayDistance, expected: "a positive, finite number of metres")
        }
    }
}
