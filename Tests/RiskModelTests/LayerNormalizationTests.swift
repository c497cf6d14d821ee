import _TestSupport
import EventSimulation
import Foundation
import Testing
@testable import RiskModel

@Suite("Layer normalisation")
struct LayerNormalizationTests {
    /// Naive O(n²) reference: fraction of positive values <= v; zeros stay 0. The rule by counting, with values rounded to 24 significant bits through `frexp` (independent
    /// of the bit-pattern rounding in ``RoundedScore``).
    static func naivePercentile(_ values: [Double]) -> [Double] {
        let positives = values.filter { $0 > 0 }.map(rounded24)
        return values.map { v in
            v == 0 ? 0 : Double(positives.filter { $0 <= rounded24(v) }.count) / Double(positives.count)
        }
    }

    /// `v` rounded half up to 24 significant bits (normal positive doubles).
    static func rounded24(_ v: Double) -> Double {
        let (mantissa, exponent) = frexp(v)   // v = mantissa · 2^exponent, mantissa in [0.5, 1)
        return scalbn((mantissa * 0x1p24).rounded(.toNearestOrAwayFromZero), exponent - 24)
    }

    /// Values that differ only in the last bits (as results of two OpenBLAS kernels do) are ties;
    /// values 1e-6 apart (relative) are not.
    @Test func nearTiesShareARankOnRandomLayers() throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<20 {
            let values = (0..<2_000).map { _ in Double.random(in: 0...1, using: &rng) < 0.2 ? 0 : Double.random(in: 1e-3...50, using: &rng) }
            // Every value moved by up to 8 ulps, as another kernel's sum would be.
            let perturbed = values.map { v -> Double in
                var w = v
                for _ in 0..<Int.random(in: 0...8, using: &rng) { w = Bool.random(using: &rng) ? w.nextUp : w.nextDown }
                return v == 0 ? 0 : w
            }
            #expect(try LayerNormalization.normalize(values, layer: "x") == LayerNormalization.normalize(perturbed, layer: "x"))
            #expect(try LayerNormalization.normalize(values, layer: "x") == Self.naivePercentile(values))
        }
        let v = 0.3, apart = 0.3 * (1 + 1e-6)
        #expect(try LayerNormalization.normalize([v, v.nextUp, v.nextDown], layer: "x") == [1, 1, 1])
        #expect(try LayerNormalization.normalize([v, apart], layer: "x") == [0.5, 1])
    }

    @Test func percentileRankHandExample() throws {
        let n = try LayerNormalization.normalize([0, 5, 1, 5, 100], method: .percentileRank, layer: "x")
        #expect(n == [0, 0.75, 0.25, 0.75, 1])
    }

    @Test func zerosStayZeroAndTiesAreEqual() throws {
        let values: [Double] = [0, 0, 2, 2, 2, 0, 7]
        let n = try LayerNormalization.normalize(values, layer: "x")
        #expect(n[0] == 0 && n[1] == 0 && n[5] == 0)
        #expect(n[2] == n[3] && n[3] == n[4])
        #expect(n[2] == 0.75)
        #expect(n[6] == 1)
    }

    @Test func allEqualPositiveMapsToOneAndAllZeroToZero() throws {
        #expect(try LayerNormalization.normalize([3, 3, 3], method: .percentileRank, layer: "x") == [1, 1, 1])
        #expect(try LayerNormalization.normalize([3, 3, 3], method: .maxScaling, layer: "x") == [1, 1, 1])
        for method in LayerNormalization.Method.allCases {
            let n = try LayerNormalization.normalize([0, 0, 0, 0], method: method, layer: "x")
            #expect(n == [0, 0, 0, 0])
        }
        #expect(try LayerNormalization.normalize([], layer: "x") == [])
    }

    @Test func maxScaling() throws {
        let n = try LayerNormalization.normalize([0, 2, 4, 8], method: .maxScaling, layer: "x")
        #expect(n == [0, 0.25, 0.5, 1])
    }

    @Test func percentileIsRobustToAnOutlier() throws {
        let base: [Double] = [1, 2, 3, 4]
        let a = try LayerNormalization.normalize(base + [5], layer: "x")
        let b = try LayerNormalization.normalize(base + [5e9], layer: "x")
        #expect(a == b)
    }

    @Test func randomAgainstNaiveReference() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            let n = Int.random(in: 1...300, using: &rng)
            // Few distinct values so ties are common, plus many zeros.
            let values = (0..<n).map { _ in Bool.random(using: &rng) ? 0 : Double(Int.random(in: 1...12, using: &rng)) * 0.5 }
            let fast = try LayerNormalization.normalize(values, method: .percentileRank, layer: "x")
            let slow = Self.naivePercentile(values)
            #expect(fast == slow)
            #expect(fast.allSatisfy { $0 >= 0 && $0 <= 1 })
            let scaled = try LayerNormalization.normalize(values, method: .maxScaling, layer: "x")
            let maximum = values.max() ?? 0
            #expect(scaled == values.map { maximum > 0 ? $0 / maximum : 0 })
        }
    }

    @Test func invalidValuesThrowNamingTheCell() {
        #expect(throws: RiskModelError.invalidLayerValue(layer: "density", index: 2, value: -1)) {
            _ = try LayerNormalization.normalize([0, 1, -1], layer: "density")
        }
        // Validation runs in parallel chunks of 2¹⁸ cells: the first bad cell is named, not the first
        // one a thread happened to find.
        var large = [Double](repeating: 1, count: 900_000)
        large[800_000] = -3
        large[300_001] = .nan
        large[600_000] = -2
        #expect(throws: RiskModelError.invalidLayerValue(layer: "big", index: 600_000, value: -2)) {
            var withoutNaN = large
            withoutNaN[300_001] = 1
            _ = try LayerNormalization.normalize(withoutNaN, layer: "big")
        }
        do {
            _ = try LayerNormalization.normalize(large, layer: "big")
            Issue.record("a NaN layer was accepted")
        } catch let RiskModelError.invalidLayerValue(layer, index, value) {
            #expect(layer == "big" && index == 300_001 && value.isNaN)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: RiskModelError.self) {
            _ = try LayerNormalization.normalize([0, .nan], method: .maxScaling, layer: "density")
        }
        #expect(throws: RiskModelError.self) {
            _ = try LayerNormalization.normalize([.infinity], layer: "density")
        }
    }
}
