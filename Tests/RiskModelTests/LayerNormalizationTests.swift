import Testing
@testable import RiskModel

@Suite("Layer normalisation")
struct LayerNormalizationTests {
    /// Naive O(n²) reference: fraction of positive values <= v; zeros stay 0.
    static func naivePercentile(_ values: [Double]) -> [Double] {
        let positives = values.filter { $0 > 0 }
        return values.map { v in
            v == 0 ? 0 : Double(positives.filter { $0 <= v }.count) / Double(positives.count)
        }
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
        var rng = RiskTestRNG(seed: 42)
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
