import _TestSupport
import ClearcastDomain
import EventSimulation
import Testing
import LinearAlgebra
@testable import RiskModel

@Suite("Composite score and hazard ranking")
struct HazardRankingTests {
    static func footprint(_ id: String, _ cells: [Int], area: Double = 100) -> HazardFootprint {
        HazardFootprint(id: id, type: .antiPersonnel, status: .confirmed, areaSquareMetres: area, cells: cells)
    }

    @Test func compositeMatchesNaiveWeightedSum() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<10 {
            let k = Int.random(in: 1...5, using: &rng)
            let n = Int.random(in: 1...200, using: &rng)
            let layers = (0..<k).map { _ in (0..<n).map { _ in Double.random(in: 0...1, using: &rng) } }
            let weights = try FactorWeights(names: (0..<k).map { "f\($0)" },
                                            values: (0..<k).map { _ in Double.random(in: 0...1, using: &rng) })
            let composite = try CompositeScore(normalizedLayers: layers, weights: weights)
            for cell in 0..<n {
                let naive = (0..<k).reduce(0.0) { $0 + weights.values[$1] * layers[$1][cell] }
                #expect(abs(composite.scores[cell] - naive) < 1e-12)
                #expect(composite.scores[cell] >= 0 && composite.scores[cell] <= 1)
            }
        }
    }

    @Test func compositeRejectsBadLayers() throws {
        let w = try FactorWeights(names: ["a", "b"], values: [1, 1])
        #expect(throws: RiskModelError.factorCountMismatch(layers: 1, weights: 2)) {
            _ = try CompositeScore(normalizedLayers: [[0.5]], weights: w)
        }
        #expect(throws: RiskModelError.self) { _ = try CompositeScore(normalizedLayers: [[0.5], [0.5, 1]], weights: w) }
        #expect(throws: RiskModelError.invalidLayerValue(layer: "b", index: 0, value: 2)) {
            _ = try CompositeScore(normalizedLayers: [[0.5], [2]], weights: w)
        }
        let raw = try CompositeScore(rawLayers: [[0, 4, 2], [1, 1, 0]], methods: [.maxScaling, .percentileRank], weights: w)
        #expect(raw.scores == [0.5, 1, 0.25])
    }

    /// Hand-built scenario (all values dyadic, so the arithmetic is exact):
    /// cell:     0     1     2     3     4     5   6     7
    /// layer A:  1     0.5   0     0.25  0.25  0   0.5   0
    /// layer B:  0     0.5   1     0.25  0.25  0   0     0
    /// score:    0.5   0.5   0.5   0.25  0.25  0   0.25  0      (weights 0.5, 0.5)
    /// Expected order: M, Z (mean .5, max .5, tie -> id); C, D (mean .25, max .5, tie -> id);
    /// F (mean .25, max .25); H (mean .1875); E (mean .125); A (no cells) last.
    @Test func handScenarioRanksInTheKnownOrder() throws {
        let weights = try FactorWeights(names: ["A", "B"], values: [1, 1])
        let composite = try CompositeScore(
            normalizedLayers: [[1, 0.5, 0, 0.25, 0.25, 0, 0.5, 0], [0, 0.5, 1, 0.25, 0.25, 0, 0, 0]], weights: weights)
        let hazards = [
            Self.footprint("A", []), Self.footprint("E", [3, 5]), Self.footprint("H", [1, 5, 6, 7]),
            Self.footprint("F", [3, 4]), Self.footprint("D", [0, 5, 5]), Self.footprint("C", [2, 5]),
            Self.footprint("Z", [0], area: 50), Self.footprint("M", [1, 2], area: 200),
        ]
        let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
        #expect(ranking.map(\.id) == ["M", "Z", "C", "D", "F", "H", "E", "A"])
        #expect(ranking.map(\.rank) == Array(1...8))
        #expect(ranking.map(\.meanScore) == [0.5, 0.5, 0.25, 0.25, 0.25, 0.1875, 0.125, 0])
        #expect(ranking.map(\.maxScore) == [0.5, 0.5, 0.5, 0.5, 0.25, 0.5, 0.25, 0])
        #expect(ranking.map(\.benefitPerSquareMetre) == ranking.map(\.meanScore))
        #expect(ranking[0].expectedBenefit == 100)
        #expect(ranking[0].areaSquareMetres == 200)
        #expect(ranking[3].cellCount == 2)   // D's duplicate cell counted once
        // M: A contributes 0.5·0.25 = 0.125, B 0.5·0.75 = 0.375 of a mean 0.5.
        #expect(ranking[0].factors.map(\.share) == [0.25, 0.75])
        #expect(ranking[0].factors.map(\.factor) == ["A", "B"])
        #expect(ranking[1].factors.map(\.share) == [1, 0])
        #expect(!ranking[7].hasCells && ranking[7].factors.map(\.share) == [0, 0])
        // Same input in another order gives the same ranking.
        let shuffled = try HazardRanking.rank(footprints: hazards.reversed(), composite: composite)
        #expect(shuffled == ranking)
    }

    @Test func sharesSumToOneAndMeansMatchNaive() throws {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<10 {
            let k = Int.random(in: 1...4, using: &rng)
            let n = 150
            let layers = (0..<k).map { _ in
                (0..<n).map { _ in Bool.random(using: &rng) ? 0 : Double.random(in: 0...1, using: &rng) }
            }
            let weights = try FactorWeights(names: (0..<k).map { "f\($0)" },
                                            values: (0..<k).map { _ in Double.random(in: 0.1...1, using: &rng) })
            let composite = try CompositeScore(normalizedLayers: layers, weights: weights)
            let hazards = (0..<20).map { h in
                Self.footprint("h\(h)", (0..<Int.random(in: 1...15, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) })
            }
            let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
            for entry in ranking {
                let cells = Array(Set(hazards.first { $0.id == entry.id }?.cells ?? []))
                let naiveMean = cells.reduce(0.0) { $0 + composite.scores[$1] } / Double(cells.count)
                let naiveMax = cells.map { composite.scores[$0] }.max() ?? 0
                #expect(abs(entry.meanScore - naiveMean) < 1e-12)
                #expect(entry.maxScore == naiveMax)
                let shareSum = entry.factors.reduce(0.0) { $0 + $1.share }
                #expect(entry.meanScore == 0 ? shareSum == 0 : abs(shareSum - 1) < 1e-12)
            }
            for (a, b) in zip(ranking, ranking.dropFirst()) {
                #expect(a.benefitPerSquareMetre > b.benefitPerSquareMetre
                    || (a.benefitPerSquareMetre == b.benefitPerSquareMetre && a.maxScore >= b.maxScore))
            }
        }
    }

    @Test func invalidHazardsThrow() throws {
        let weights = try FactorWeights(names: ["A"], values: [1])
        let composite = try CompositeScore(normalizedLayers: [[0.5, 1]], weights: weights)
        #expect(throws: RiskModelError.duplicateHazardID("x")) {
            _ = try HazardRanking.rank(footprints: [Self.footprint("x", [0]), Self.footprint("x", [1])], composite: composite)
        }
        #expect(throws: RiskModelError.invalidHazardArea(id: "x", value: 0)) {
            _ = try HazardRanking.rank(footprints: [Self.footprint("x", [0], area: 0)], composite: composite)
        }
        #expect(throws: RiskModelError.cellIndexOutOfRange(context: "hazard 'x'", index: 2, cellCount: 2)) {
            _ = try HazardRanking.rank(footprints: [Self.footprint("x", [2])], composite: composite)
        }
    }

    /// Constructed near-ties: areas whose scores differ only in the last bits (as the same area's do
    /// between OpenBLAS kernels) are ordered by the next key, whichever is a few ulps larger; areas
    /// 1e-6 apart (relative) keep their order.
    @Test func nearTiesAreOrderedTheSameWhicheverIsAFewUlpsLarger() {
        func entry(_ id: String, mean: Double, max: Double) -> HazardRankEntry {
            HazardRankEntry(rank: 0, id: id, name: nil, type: .antiPersonnel, status: .confirmed, areaSquareMetres: 1,
                            cellCount: 1, hasCells: true, meanScore: mean, maxScore: max, benefitPerSquareMetre: mean,
                            expectedBenefit: mean, factors: [])
        }
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let mean = Double.random(in: 0.01...1, using: &rng), top = Double.random(in: mean...1, using: &rng)
            let ulps = Int.random(in: 1...16, using: &rng)
            var nudged = mean
            for _ in 0..<ulps { nudged = nudged.nextUp }
            // "b" is a few ulps ahead on one machine, "a" on another: "a" first both times (by id).
            #expect(HazardRanking.precedes(entry("a", mean: mean, max: top), entry("b", mean: nudged, max: top)))
            #expect(HazardRanking.precedes(entry("a", mean: nudged, max: top), entry("b", mean: mean, max: top)))
            // Tied means: the larger maximum first, unless the maxima are near-tied too.
            var topNudged = top
            for _ in 0..<ulps { topNudged = topNudged.nextDown }
            #expect(HazardRanking.precedes(entry("a", mean: mean, max: topNudged), entry("b", mean: nudged, max: top)))
            // Really different scores keep their order.
            let apart = mean * (1 + 1e-6)
            #expect(HazardRanking.precedes(entry("z", mean: apart, max: top), entry("a", mean: mean, max: top)))
        }
    }
}
