import _TestSupport
import Foundation
import Testing
@testable import Reporting

/// `report` reads results of the previous schema, `clearcast-result/1`: a score hazard's
/// `shares[].weight` is its `factors[].share`; nothing else changed shape.
@Suite("Previous result schema")
struct PreviousSchemaTests {
    /// `result` as clearcast-result/1 wrote it: `shares` with `weight`, no factor values, alone-ranks,
    /// effort or per-file hashes.
    static func previousTree(_ result: ScoreResult) throws -> Any {
        var tree = try #require(try JSONTree.tree(result) as? [String: Any])
        tree["schema"] = "clearcast-result/1"
        tree["hazards"] = try #require(tree["hazards"] as? [[String: Any]]).map { hazard -> [String: Any] in
            var hazard = hazard
            let factors = hazard.removeValue(forKey: "factors") as? [[String: Any]] ?? []
            hazard["shares"] = factors.map { ["factor": $0["factor"]!, "weight": $0["share"]!] }
            hazard.removeValue(forKey: "effort")
            return hazard
        }
        if var provenance = tree["provenance"] as? [String: Any], var scenarios = provenance["scenarios"] as? [[String: Any]] {
            for i in scenarios.indices { scenarios[i].removeValue(forKey: "files") }
            provenance["scenarios"] = scenarios
            tree["provenance"] = provenance
        }
        return tree
    }

    @Test func previousScoreResultsReadWithSharesMapped() throws {
        let current = ResultFixtures.score(hazards: 12)
        let data = try JSONTree.data(try Self.previousTree(current))
        guard case .score(let read) = try ResultFile.read(data: data, path: "old.json") else {
            Issue.record("a score result read as another kind")
            return
        }
        #expect(read.schema == "clearcast-result/1")
        #expect(read.hazards.count == current.hazards.count)
        for (old, new) in zip(read.hazards, current.hazards) {
            #expect(old.factors.map(\.factor) == new.factors.map(\.factor))
            #expect(old.factors.map(\.share) == new.factors.map(\.share))
            #expect(old.factors.allSatisfy { $0.meanValue == nil && $0.aloneRank == nil })
        }
        // The rest is what was written.
        #expect(read.weights == current.weights && read.preview == current.preview && read.validation == current.validation)
        // Exporters show the shares and say what the old result lacks.
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: read))
        #expect(markdown.contains("clearcast-result/1 from an older clearcast, has no factor values or alone-ranks"))
        #expect(markdown.contains("| incidents: share |"))
        let table = ScoreTable.render(read, top: 3)
        let share = Int((100 * read.hazards[0].factors[0].share).rounded())
        #expect(table.contains("\(share)%") && !table.contains(" #"), "\(table)")
        #expect(table.contains("per factor: share of the mean score (clearcast-result/1 from an older clearcast"), "\(table)")
    }

    /// The old names only in old files, the new only in new ones; an unknown version names both.
    @Test func namesMustMatchTheVersion() throws {
        var old = try #require(try Self.previousTree(ResultFixtures.score(hazards: 3)) as? [String: Any])
        old["schema"] = ResultSchema.identifier
        let mislabelledNew = try #require(throws: ResultFile.ReadError.self) {
            _ = try ResultFile.read(data: JSONTree.data(old), path: "a.json")
        }
        #expect(mislabelledNew.field == "hazards[0].factors", "\(mislabelledNew)")

        var new = try #require(try JSONTree.tree(ResultFixtures.score(hazards: 3)) as? [String: Any])
        new["schema"] = ResultSchema.previous
        let mislabelledOld = try #require(throws: ResultFile.ReadError.self) {
            _ = try ResultFile.read(data: JSONTree.data(new), path: "b.json")
        }
        #expect(mislabelledOld.field == "hazards[0].shares", "\(mislabelledOld)")

        new["schema"] = "clearcast-result/3"
        let future = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(data: JSONTree.data(new), path: "c.json") }
        #expect(future.reason.contains("'clearcast-result/2' (or the previous 'clearcast-result/1')"), "\(future)")
    }

    /// Simulate and compare results of the previous version counted years from the start date: they
    /// are refused with the reason, even when their fields happen to fit the current shape.
    @Test func previousSimulationAndComparisonResultsAreRefused() throws {
        for (name, value) in [("simulation", try JSONTree.tree(ResultFixtures.simulation())),
                              ("comparison", try JSONTree.tree(ResultFixtures.comparison()))] {
            var tree = try #require(value as? [String: Any])
            tree["schema"] = ResultSchema.previous
            if var scenarios = tree["scenarios"] as? [[String: Any]] {
                for i in scenarios.indices { scenarios[i]["schema"] = ResultSchema.previous }
                tree["scenarios"] = scenarios
            }
            let error = try #require(throws: ResultFile.ReadError.self, "\(name)") {
                _ = try ResultFile.read(data: JSONTree.data(tree), path: name)
            }
            #expect(error.reason.contains("not by calendar year"), "\(error)")
        }
    }
}
