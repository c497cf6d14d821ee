import EventSimulation

/// Seeded SplitMix64 (EventSimulation's), so random test inputs are the same on every run.
typealias RiskTestRNG = SplitMix64

/// Rounds to `digits` decimals, for comparing with published figures.
func riskRounded(_ value: Double, _ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (value * scale).rounded() / scale
}
