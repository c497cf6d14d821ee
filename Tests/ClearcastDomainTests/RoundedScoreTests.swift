import ClearcastDomain
import Foundation
import Testing

/// The rounding every ranked order compares by, against an independent `frexp` rounding.
@Suite struct RoundedScoreTests {
    /// `v` rounded half up to 24 significant bits through `frexp`/`scalbn` (normal positive doubles).
    static func rounded24(_ v: Double) -> Double {
        let (mantissa, exponent) = frexp(v)
        return scalbn((mantissa * 0x1p24).rounded(.toNearestOrAwayFromZero), exponent - 24)
    }

    @Test func keyIsTheValueRoundedTo24Bits() {
        // Random positive normal doubles over every binade (a fixed 64-bit LCG, so every run is the same).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        while checked < 100_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = Double(bitPattern: state >> 1)
            guard v.isNormal, v < Double.greatestFiniteMagnitude.nextDown else { continue }
            checked += 1
            #expect(Double(bitPattern: RoundedScore(v).key) == Self.rounded24(v), "\(v)")
        }
        #expect(RoundedScore(0).key == 0 && RoundedScore(-0.0) == RoundedScore(0))
    }

    @Test func orderIsKeptAndLastBitsAreTies() {
        let v = 0.7
        #expect(RoundedScore(v) == RoundedScore(v.nextUp) && RoundedScore(v) == RoundedScore(v.nextDown))
        #expect(RoundedScore(v) < RoundedScore(v * (1 + 1e-6)))
        let sorted = (0..<1_000).map { Double($0) / 997 }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { RoundedScore($0) <= RoundedScore($1) })
    }
}
