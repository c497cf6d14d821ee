import ClearanceModel
import Foundation
import Reporting
import Scenarios
import Testing

/// Parts of sharded runs: the outcome encoding is exact, and a set of parts is checked before a merge.
@Suite("Partial results")
struct PartialResultTests {
    static let model = ClearanceModel.syntheticNationalScale(tasks: 30, teams: 6, seed: 3, horizonYears: 4)

    /// Part `k` of `n` of a 5-replication run of ``model``.
    static func part(_ k: Int, of n: Int, seed: UInt64 = 11) throws -> PartialResult {
        let shard = try Shard(index: k, count: n)
        let range = try shard.range(of: 5, items: "replications")
        let outcomes = try MonteCarloRunner.outcomes(try PreparedClearanceModel(model), replications: range, seed: seed)
        let provenance = ResultFixtures.provenance(command: "simulate", full: false)
        return PartialResult(
            command: "simulate", provenance: provenance,
            run: .init(scenarios: ["north.yaml"], overrides: ["simulation.horizon_years=4"], replications: 5, seed: seed,
                       reproducible: true),
            shard: .init(shard: shard, total: 5, range: range),
            scenarios: [.init(name: "North", contentHash: provenance.scenarios[0].contentHash,
                              taskOrder: try SimulationRun.taskOrder(of: model), outcomes: outcomes)])
    }

    /// Schema samples: a simulate part and a sensitivity part.
    static func samples() throws -> [(String, Data)] {
        var sensitivity = try part(2, of: 3)
        sensitivity.command = "sensitivity"
        sensitivity.scenarios = nil
        sensitivity.run.method = "morris"
        sensitivity.run.samples = 4
        sensitivity.points = [[1.5, 0.25], [2, 0]]
        return [("partial-simulate.json", try ResultEncoding.encode(try part(1, of: 2))),
                ("partial-sensitivity.json", try ResultEncoding.encode(sensitivity))]
    }

    @Test func outcomesRoundTripBitForBit() throws {
        let prepared = try PreparedClearanceModel(Self.model)
        let outcomes = try MonteCarloRunner.outcomes(prepared, replications: 0..<4, seed: 2)
        let part = try Self.part(1, of: 1)
        let decoded = try ResultEncoding.decode(PartialResult.self, from: ResultEncoding.encode(part))
        #expect(decoded == part)
        let set = try PartialSet([(path: "p.json", part: decoded)])
        let back = try set.outcomes(scenario: 0)
        #expect(back.count == 5)
        // Against a direct run of the same replications, compared field by field (doubles by bit pattern).
        let direct = try MonteCarloRunner.outcomes(prepared, replications: 0..<5, seed: 11)
        #expect(back == direct)
        #expect(back[0].cancelledByTask.map(\.bitPattern) == direct[0].cancelledByTask.map(\.bitPattern))
        #expect(outcomes.count == 4)
    }

    @Test func damagedTaskColumnsAreNamed() throws {
        var part = try Self.part(1, of: 1)
        part.scenarios?[0].outcomes[2].tasks = "AAAA"
        let set = try PartialSet([(path: "p.json", part: part)])
        let error = #expect(throws: ResultFile.ReadError.self) { try set.outcomes(scenario: 0) }
        #expect(error?.field == "scenarios[0].outcomes[2].tasks", "\(String(describing: error))")
    }

    @Test func setsAreCheckedAndOrdered() throws {
        let parts = try (1...3).map { try Self.part($0, of: 3) }
        let set = try PartialSet([("c", parts[2]), ("a", parts[0]), ("b", parts[1])])
        #expect(set.paths == ["a", "b", "c"])
        #expect(try set.outcomes(scenario: 0).map(\.summary.replication) == Array(0..<5))
        func message(_ given: [(String, PartialResult)]) -> String {
            do { _ = try PartialSet(given.map { (path: $0.0, part: $0.1) }); return "" } catch { return "\(error)" }
        }
        #expect(message([("a", parts[0]), ("c", parts[2])]).contains("shard 2/3 is missing"))
        #expect(message([("a", parts[0]), ("b", parts[1]), ("b2", parts[1]), ("c", parts[2])]).contains("shard 2/3 is given twice: b and b2"))
        #expect(message([("a", parts[0]), ("b", try Self.part(2, of: 3, seed: 12)), ("c", parts[2])]).contains("seed (12 against 11)"))
        var rehashed = parts[1]
        rehashed.provenance.scenarios[0].contentHash = String(repeating: "f", count: 64)
        #expect(message([("a", parts[0]), ("b", rehashed), ("c", parts[2])]).contains("content hash"))
        var reordered = parts[1]
        reordered.scenarios?[0].taskOrder = String(repeating: "e", count: 64)
        #expect(message([("a", parts[0]), ("b", reordered), ("c", parts[2])]).contains("order of hazard areas"))
        var kernel = parts[1]
        kernel.provenance.blas = .init(core: "Prescott", threads: nil, advisory: nil)
        #expect(message([("a", parts[0]), ("b", kernel), ("c", parts[2])]).contains("OpenBLAS kernel"))
        #expect(message([]).contains("no parts given"))
        let missingMany = message([("a", parts[0])])
        #expect(missingMany.contains("shards 2/3, 3/3 are missing"), "\(missingMany)")
    }
}
