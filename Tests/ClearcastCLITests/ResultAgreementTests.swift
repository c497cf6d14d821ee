import _TestSupport
import Foundation
import Testing

/// The cross-kernel comparison rule itself, on hand-made results.
@Suite struct ResultAgreementTests {
    static func agreement(_ a: String, _ b: String) throws -> ResultAgreement {
        try ResultAgreement(Data(a.utf8), Data(b.utf8))
    }

    static func hazards(_ entries: [(id: String, score: Double)]) -> String {
        let items = entries.enumerated().map { #"{"id": "\#($1.id)", "rank": \#($0 + 1), "meanScore": \#($1.score)}"# }
        return #"{"hazards": [\#(items.joined(separator: ", "))]}"#
    }

    @Test func numbersAgreeWithinTheRelativeTolerance() throws {
        let close = try Self.agreement(#"{"a": 1.0, "b": [2.0, 0]}"#, #"{"a": 1.0000000000002, "b": [2.0, 1e-16]}"#)
        #expect(close.disagreements.isEmpty)
        #expect(abs(close.largestRelativeDifference - 2e-13) < 1e-15 && close.largestAt == "a")
        // Near zero the ratio is taken against 1e-3, not against the tiny values themselves.
        #expect(try Self.agreement(#"{"a": 0}"#, #"{"a": 1e-13}"#).largestRelativeDifference == 1e-10)
        let far = try Self.agreement(#"{"a": 1.0}"#, #"{"a": 1.000001}"#)
        #expect(far.disagreements == ["a: 1.0 vs 1.000001"])
    }

    @Test func stringsStructureAndKindsMustMatch() throws {
        #expect(try Self.agreement(#"{"a": "x"}"#, #"{"a": "y"}"#).disagreements.count == 1)
        #expect(try Self.agreement(#"{"a": 1}"#, #"{"b": 1}"#).disagreements.count == 2)
        #expect(try Self.agreement(#"{"a": [1, 2]}"#, #"{"a": [1]}"#).disagreements.count == 1)
        #expect(try Self.agreement(#"{"a": true}"#, #"{"a": 1}"#).disagreements.count == 1)
        #expect(try Self.agreement(#"{"a": true}"#, #"{"a": false}"#).disagreements.count == 1)
    }

    @Test func runFieldsOfEveryProvenanceAreSkipped() throws {
        let a = #"{"provenance": {"blas": {"core": "Haswell"}, "seed": 1}, "scenarios": [{"provenance": {"blas": {"core": "Haswell"}, "threads": 2}}]}"#
        let b = #"{"provenance": {"blas": {"core": "Prescott"}, "seed": 1}, "scenarios": [{"provenance": {"runDate": "today"}}]}"#
        #expect(try Self.agreement(a, b).disagreements.isEmpty)
        let seed = #"{"provenance": {"blas": {"core": "Prescott"}, "seed": 2}, "scenarios": [{"provenance": {}}]}"#
        #expect(try Self.agreement(a, seed).disagreements == ["provenance.seed: 1.0 vs 2.0"])
    }

    @Test func rankedEntriesMayTradePlacesOnlyAsNearTies() throws {
        let base = Self.hazards([("A", 0.9), ("B", 0.8), ("C", 0.8)])
        let nearTie = try Self.agreement(base, Self.hazards([("A", 0.9), ("C", 0.8 + 1e-15), ("B", 0.8)]))
        #expect(nearTie.disagreements.isEmpty && nearTie.nearTieSwaps.sorted() == ["B", "C"])
        let swapped = try Self.agreement(base, Self.hazards([("B", 0.8), ("A", 0.9), ("C", 0.8)]))
        #expect(swapped.disagreements.filter { $0.hasSuffix("(order differs beyond a near-tie)") }.count == 2)
        #expect(swapped.nearTieSwaps.isEmpty)
        #expect(try Self.agreement(base, Self.hazards([("A", 0.9), ("B", 0.8), ("D", 0.8)])).disagreements == ["hazards: different ids"])
    }
}
