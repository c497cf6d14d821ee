import _TestSupport
import ClearcastDomain
import Testing
@testable import RiskModel

/// Per factor of a ranked hazard: its mean normalised value and the rank that factor alone gives,
/// against a naive loop, against ranking with that factor's weight alone, and by hand.
@Suite("Hazard factor values and alone-ranks")
struct HazardFactorTests {
    static func footprint(_ id: String, _ cells: [Int]) -> HazardFootprint {
        HazardFootprint(id: id, type: .antiPersonnel, status: .confirmed, areaSquareMetres: 100, cells: cells)
    }

    /// The test's own statement of the order, written out rather than taken from `HazardRanking`:
    /// a hazard with cells before one without; then the larger mean, then the larger maximum, each
    /// rounded to 24 significant bits; then the smaller id.
    static func before(_ a: (cells: Bool, mean: Double, max: Double, id: String),
                       _ b: (cells: Bool, mean: Double, max: Double, id: String)) -> Bool {
        if a.cells != b.cells { return a.cells }
        let (meanA, meanB) = (RoundedScore(a.mean), RoundedScore(b.mean))
        if meanA != meanB { return meanA > meanB }
        let (maxA, maxB) = (RoundedScore(a.max), RoundedScore(b.max))
        if maxA != maxB { return maxA > maxB }
        return a.id < b.id
    }

    /// Random layers (a third of them in steps of 1/4, so means and maxima tie often) and random
    /// polygons (some empty, some listing a cell twice): each mean value is the plain average of the
    /// layer over the hazard's distinct cells, and each alone-rank is 1 + the number of hazards that
    /// come before it by that factor (an O(h²) count, not a sort).
    @Test func valuesAndAloneRanksMatchANaiveLoop() throws {
        var rng = SeededGenerator(seed: 2024)
        for round in 0..<12 {
            let k = Int.random(in: 1...4, using: &rng)
            let n = Int.random(in: 1...120, using: &rng)
            let coarse = round % 3 == 0
            let layers = (0..<k).map { _ in
                (0..<n).map { _ in coarse ? Double(Int.random(in: 0...4, using: &rng)) / 4 : Double.random(in: 0...1, using: &rng) }
            }
            let weights = try FactorWeights(names: (0..<k).map { "f\($0)" },
                                            values: (0..<k).map { _ in Double.random(in: 0.05...1, using: &rng) })
            let composite = try CompositeScore(normalizedLayers: layers, weights: weights)
            let hazards = (0..<Int.random(in: 1...25, using: &rng)).map { h in
                Self.footprint("h\(h)", (0..<Int.random(in: 0...8, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) })
            }
            let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
            // Naive: per hazard and factor, the distinct cells' sum, count and maximum in one loop.
            var naive: [String: [(cells: Bool, mean: Double, max: Double, id: String)]] = [:]
            for hazard in hazards {
                var distinct: [Int] = []
                for cell in hazard.cells where !distinct.contains(cell) { distinct.append(cell) }
                naive[hazard.id] = (0..<k).map { f in
                    var sum = 0.0, top = 0.0
                    for cell in distinct {
                        sum += layers[f][cell]
                        top = max(top, layers[f][cell])
                    }
                    return (!distinct.isEmpty, distinct.isEmpty ? 0 : sum / Double(distinct.count), top, hazard.id)
                }
            }
            for entry in ranking {
                let mine = try #require(naive[entry.id])
                #expect(entry.factors.map(\.factor) == weights.names)
                for f in 0..<k {
                    #expect(abs(entry.factors[f].meanValue - mine[f].mean) <= 1e-12, "\(entry.id) f\(f)")
                    #expect((0...1).contains(entry.factors[f].meanValue))
                    let ahead = naive.values.filter { Self.before($0[f], mine[f]) }.count
                    #expect(entry.factors[f].aloneRank == ahead + 1, "\(entry.id) f\(f)")
                }
                // The mean score is the weighted sum of the mean values.
                let weighted = (0..<k).reduce(0.0) { $0 + weights.values[$1] * entry.factors[$1].meanValue }
                #expect(abs(entry.meanScore - weighted) <= 1e-12)
            }
            // Alone-ranks of each factor are a permutation of 1...h.
            for f in 0..<k { #expect(ranking.map { $0.factors[f].aloneRank }.sorted() == Array(1...hazards.count)) }
        }
    }

    /// The alone-rank of factor f is the rank the whole ranking gives when f has all the weight.
    @Test func aloneRanksAreTheRankingWithOneFactorWeighted() throws {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<6 {
            let k = Int.random(in: 2...4, using: &rng)
            let n = 90
            let layers = (0..<k).map { _ in (0..<n).map { _ in Double(Int.random(in: 0...8, using: &rng)) / 8 } }
            let names = (0..<k).map { "f\($0)" }
            let weights = try FactorWeights(names: names, values: (0..<k).map { _ in Double.random(in: 0.1...1, using: &rng) })
            let hazards = (0..<30).map { h in
                Self.footprint("h\(h)", (0..<Int.random(in: 0...6, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) })
            }
            let ranking = try HazardRanking.rank(footprints: hazards, composite: CompositeScore(normalizedLayers: layers, weights: weights))
            for f in 0..<k {
                let alone = try FactorWeights(names: names, values: (0..<k).map { $0 == f ? 1 : 0 })
                let single = try HazardRanking.rank(footprints: hazards, composite: CompositeScore(normalizedLayers: layers, weights: alone))
                let rankAlone = Dictionary(uniqueKeysWithValues: single.map { ($0.id, $0.rank) })
                for entry in ranking { #expect(entry.factors[f].aloneRank == rankAlone[entry.id]) }
            }
        }
    }

    /// Hand case (dyadic values, exact arithmetic), weights 0.5, 0.25, 0.25:
    ///
    /// | hazard | cells: A, B, C                       | means A, B, C       | score  | shares          |
    /// |--------|--------------------------------------|---------------------|--------|-----------------|
    /// | P      | (.75, .5, .25) and (.25, .5, .75)    | .5, .5, .5          | .5     | .5, .25, .25    |
    /// | Q      | (.25, .25, .25)                      | .25, .25, .25       | .25    | .5, .25, .25    |
    /// | R      | (.125, .75, .25)                     | .125, .75, .25      | .3125  | .2, .6, .2      |
    /// | S      | (.25, .25, .25 + 1 ulp)              | .25, .25, .25⁺      | .25    | ≈ .5, .25, .25  |
    /// | E      | none                                 | 0, 0, 0             | 0      | 0, 0, 0         |
    ///
    /// P and Q have the same shares; the values say why P comes first (twice Q's on every factor).
    /// Alone, by A: P (.5), then Q and S (.25, maxima .25: by id), R (.125), E. By B: R (.75), P (.5),
    /// Q and S (.25, by id), E. By C: P (.5), then Q, R and S, all .25 with maxima .25 (S's one ulp
    /// more is a tie after rounding), by id; E last (no cells).
    @Test func equalSharesDifferentValues() throws {
        let weights = try FactorWeights(names: ["A", "B", "C"], values: [0.5, 0.25, 0.25])
        let layers: [[Double]] = [[0.75, 0.25, 0.25, 0.125, 0.25], [0.5, 0.5, 0.25, 0.75, 0.25], [0.25, 0.75, 0.25, 0.25, 0.25.nextUp]]
        let composite = try CompositeScore(normalizedLayers: layers, weights: weights)
        let hazards = [Self.footprint("S", [4]), Self.footprint("E", []), Self.footprint("R", [3]),
                       Self.footprint("Q", [2]), Self.footprint("P", [0, 1])]
        let ranking = try HazardRanking.rank(footprints: hazards, composite: composite)
        // S and Q tie on the score after rounding (S is one ulp of C above), and on the maximum: by id.
        #expect(ranking.map(\.id) == ["P", "R", "Q", "S", "E"])
        let byID = Dictionary(uniqueKeysWithValues: ranking.map { ($0.id, $0) })
        let p = try #require(byID["P"]), q = try #require(byID["Q"]), r = try #require(byID["R"])
        #expect(p.factors.map(\.share) == q.factors.map(\.share))
        #expect(p.factors.map(\.share) == [0.5, 0.25, 0.25])
        #expect(p.factors.map(\.meanValue) == [0.5, 0.5, 0.5])
        #expect(q.factors.map(\.meanValue) == [0.25, 0.25, 0.25])
        #expect(r.factors.map(\.meanValue) == [0.125, 0.75, 0.25])
        #expect(r.factors.map(\.share) == [0.2, 0.6, 0.2])
        let alone = { (id: String) in byID[id]!.factors.map(\.aloneRank) }
        #expect(alone("P") == [1, 2, 1])
        #expect(alone("Q") == [2, 3, 2])
        #expect(alone("S") == [3, 4, 4])
        #expect(alone("R") == [4, 1, 3])
        #expect(alone("E") == [5, 5, 5])
    }

    /// Floating-point noise of a few ulps (what another OpenBLAS kernel gives) changes no alone-rank:
    /// the layers nudged up or down by up to 8 ulps rank every factor the same.
    @Test func aloneRanksIgnoreLastBitNoise() throws {
        var rng = SeededGenerator(seed: 9)
        let k = 3, n = 60
        // Values on a coarse dyadic grid lie far from the 24-bit rounding boundaries.
        let layers = (0..<k).map { _ in (0..<n).map { _ in Double(Int.random(in: 1...7, using: &rng)) / 8 } }
        var noisy = layers
        for f in 0..<k {
            for cell in 0..<n {
                for _ in 0..<Int.random(in: 0...8, using: &rng) {
                    noisy[f][cell] = Bool.random(using: &rng) ? noisy[f][cell].nextUp : noisy[f][cell].nextDown
                }
            }
        }
        let weights = try FactorWeights(names: ["a", "b", "c"], values: [2, 1, 1])
        let hazards = (0..<40).map { h in Self.footprint("h\(h)", (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }) }
        let clean = try HazardRanking.rank(footprints: hazards, composite: CompositeScore(normalizedLayers: layers, weights: weights))
        let nudged = try HazardRanking.rank(footprints: hazards, composite: CompositeScore(normalizedLayers: noisy, weights: weights))
        let alone = { (ranking: [HazardRankEntry]) in
            Dictionary(uniqueKeysWithValues: ranking.map { ($0.id, $0.factors.map(\.aloneRank)) })
        }
        #expect(alone(clean) == alone(nudged))
        #expect(clean.map(\.id) == nudged.map(\.id))
    }
}
