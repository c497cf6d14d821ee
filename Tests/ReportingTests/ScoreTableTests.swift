import _TestSupport
import Testing
@testable import Reporting

/// The ranked table `clearcast score` prints: per factor, share, mean value and alone-rank.
@Suite("Score table")
struct ScoreTableTests {
    @Test func factorColumnsShowShareValueAndAloneRank() throws {
        let result = ResultFixtures.score(hazards: 12)
        let text = ScoreTable.render(result, top: 5)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("rank") })
        for weight in result.weights.factors { #expect(header.contains(" \(weight.factor)")) }
        for hazard in result.hazards.prefix(5) {
            let row = try #require(lines.first { $0.hasPrefix("\(hazard.rank) ") && $0.contains(" \(hazard.id) ") })
            for weight in result.weights.factors {
                let share = try #require(hazard.factors.first { $0.factor == weight.factor })
                let cell = "\(TextFormat.number(100 * share.share, 0))% \(TextFormat.number(share.meanValue!, 2)) #\(share.aloneRank!)"
                #expect(row.contains(cell), "\(row) lacks \(cell)")
            }
        }
        #expect(text.contains("per factor: share of the mean score, mean normalised value (0 to 1), #rank by that factor alone"))
        #expect(text.contains("(7 more hazard areas in the JSON result)"))
    }

    /// A result without values and alone-ranks (an older one, read by `report`) shows the shares alone.
    @Test func sharesAloneWithoutValues() {
        #expect(ScoreTable.factorCell(.init(factor: "incidents", share: 0.484)) == "48%")
        #expect(ScoreTable.factorCell(.init(factor: "incidents", share: 0.484, meanValue: 0.755, aloneRank: 3)) == "48% 0.76 #3")
    }
}
