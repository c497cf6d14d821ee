import _TestSupport
import Foundation
import Testing
@testable import Reporting

/// `ResultFile.read` checks results against the schema's ranges and what the exporters assume,
/// and names the file and the field of each violation.
@Suite("Result validation")
struct ResultValidationTests {
    enum Base: String, Sendable { case simulation, score, comparison }

    enum Value: Sendable {
        case number(Double), integer(Int), string(String), removed
        var json: Any? {
            switch self {
            case .number(let x): x
            case .integer(let n): n
            case .string(let s): s
            case .removed: nil
            }
        }
    }

    /// One field corrupted in a valid result, and the field path the error must name.
    struct Corruption: Sendable, CustomStringConvertible {
        var base: Base
        var path: [JSONKey]
        var value: Value
        var field: String
        var description: String { "\(base.rawValue): \(path.map(\.description).joined(separator: ".")) → \(value)" }
    }

    static func tree(_ base: Base) throws -> Any {
        switch base {
        case .simulation: try JSONTree.tree(ResultFixtures.simulation())
        case .score: try JSONTree.tree(ResultFixtures.score(hazards: 12))
        case .comparison: try JSONTree.tree(ResultFixtures.comparison())
        }
    }

    static let corruptions: [Corruption] = [
        // The issue: a negative horizon made the completion chart's range trap.
        .init(base: .simulation, path: ["horizonYears"], value: .number(-1), field: "horizonYears"),
        .init(base: .simulation, path: ["horizonYears"], value: .number(0), field: "horizonYears"),
        .init(base: .simulation, path: ["horizonYears"], value: .number(1e300), field: "horizonYears"),
        .init(base: .simulation, path: ["replications"], value: .integer(0), field: "replications"),
        .init(base: .simulation, path: ["replications"], value: .string("500"), field: "replications"),
        .init(base: .simulation, path: ["startDate"], value: .string("2023-02-30"), field: "startDate"),
        .init(base: .simulation, path: ["startDate"], value: .string("+202-03-01"), field: "startDate"),
        .init(base: .simulation, path: ["startDate"], value: .string("9995-03-01"), field: "startDate"),
        .init(base: .simulation, path: ["yearly", 3, "remaining", "p50"], value: .number(-5), field: "yearly[3].remaining.p50"),
        .init(base: .simulation, path: ["yearly", 3, "remaining", "p90"], value: .number(0), field: "yearly[3].remaining"),
        .init(base: .simulation, path: ["yearly", 0, "cleared", "p90"], value: .number(1e300), field: "yearly[0].cleared.p90"),
        .init(base: .simulation, path: ["yearly", 2, "year"], value: .integer(7), field: "yearly[2].year"),
        .init(base: .simulation, path: ["yearly", 1, "firstDate"], value: .string("2027-01-02"), field: "yearly[1].firstDate"),
        .init(base: .simulation, path: ["yearly", 0, "firstDate"], value: .string("2026-01-01"), field: "yearly[0].firstDate"),
        .init(base: .simulation, path: ["yearly", 1, "lastDate"], value: .string("2027-12-30"), field: "yearly[1].lastDate"),
        .init(base: .simulation, path: ["yearly", 1, "lastDate"], value: .string("2027-02-30"), field: "yearly[1].lastDate"),
        .init(base: .simulation, path: ["yearly", 9, "lastDate"], value: .string("2036-03-01"), field: "yearly[9].lastDate"),
        .init(base: .simulation, path: ["yearly", 2, "days"], value: .integer(364), field: "yearly[2].days"),
        .init(base: .simulation, path: ["yearly", 0, "partial"], value: .removed, field: "yearly[0].partial"),
        .init(base: .simulation, path: ["initialArea", "total"], value: .number(-1), field: "initialArea.total"),
        .init(base: .simulation, path: ["initialArea", "byType", "XX"], value: .number(1), field: "initialArea.byType.XX"),
        .init(base: .simulation, path: ["yearly", 2, "remaining", "p50"], value: .removed, field: "yearly[2].remaining.p50"),
        .init(base: .simulation, path: ["yearly", 4, "remainingByType", "XX"], value: .number(1), field: "yearly[4].remainingByType.XX"),
        .init(base: .simulation, path: ["completion", "overall", "p50Days"], value: .number(1e9), field: "completion.overall.p50Days"),
        .init(base: .simulation, path: ["completion", "overall", "p10Date"], value: .string("2026-13-01"), field: "completion.overall.p10Date"),
        .init(base: .simulation, path: ["completion", "overall", "p50Date"], value: .string("2026-03-02"), field: "completion.overall.p50Date"),
        .init(base: .simulation, path: ["completion", "overall", "p90Days"], value: .number(1), field: "completion.overall.p90Days"),
        .init(base: .simulation, path: ["completion", "overall", "finishedShare"], value: .number(1.5), field: "completion.overall.finishedShare"),
        .init(base: .simulation, path: ["completion", "byType", "AP", "p10Days"], value: .removed, field: "completion.byType.AP.p10Date"),
        .init(base: .simulation, path: ["casualties", "civilianExpected", "p10"], value: .number(-1), field: "casualties.civilianExpected.p10"),
        .init(base: .simulation, path: ["utilisation", "manual"], value: .number(2), field: "utilisation.manual"),
        .init(base: .simulation, path: ["unfinishedReplications"], value: .integer(501), field: "unfinishedReplications"),
        .init(base: .simulation, path: ["tasks", 0, "release", "p90Days"], value: .removed, field: "tasks[0].release.p90Date"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "contentHash"], value: .string("xyz"),
              field: "provenance.scenarios[0].contentHash"),
        .init(base: .simulation, path: ["provenance", "replications"], value: .integer(3), field: "provenance.replications"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "overrides", 0], value: .string("count"),
              field: "provenance.scenarios[0].overrides[0]"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files"], value: .removed, field: "provenance.scenarios[0].files"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files", 1, "sha256"], value: .string(String(repeating: "0", count: 64)),
              field: "provenance.scenarios[0].files"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files", 1, "path"], value: .string("../other.yaml"),
              field: "provenance.scenarios[0].files"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files", 2, "sha256"], value: .string("XYZ"),
              field: "provenance.scenarios[0].files[2].sha256"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files", 2, "role"], value: .string("map"),
              field: "provenance.scenarios[0].files[2].role"),
        .init(base: .simulation, path: ["provenance", "scenarios", 0, "files", 0, "role"], value: .string("layer"),
              field: "provenance.scenarios[0].files"),
        .init(base: .comparison, path: ["provenance", "scenarios", 1, "files", 3, "sha256"], value: .string(String(repeating: "f", count: 64)),
              field: "provenance.scenarios[1].files"),
        .init(base: .score, path: ["grid", "cellSize"], value: .number(0), field: "grid.cellSize"),
        .init(base: .score, path: ["grid", "rows"], value: .integer(0), field: "grid.rows"),
        .init(base: .score, path: ["grid", "columns"], value: .integer(1_000_000_000), field: "grid"),
        .init(base: .score, path: ["preview", "values", 17], value: .removed, field: "preview.values"),
        .init(base: .score, path: ["preview", "values", 17], value: .number(1.5), field: "preview.values[17]"),
        .init(base: .score, path: ["preview", "rows"], value: .integer(161), field: "preview.rows"),
        .init(base: .score, path: ["preview", "factor"], value: .integer(0), field: "preview.factor"),
        .init(base: .score, path: ["preview", "labels", 0, "rank"], value: .integer(999), field: "preview.labels[0].rank"),
        .init(base: .score, path: ["hazards", 3, "rank"], value: .integer(1), field: "hazards[3].rank"),
        .init(base: .score, path: ["hazards", 3, "rank"], value: .integer(0), field: "hazards[3].rank"),
        .init(base: .score, path: ["hazards", 2, "type"], value: .string("landmine"), field: "hazards[2].type"),
        .init(base: .score, path: ["hazards", 1, "factors", 0, "share"], value: .number(-0.1), field: "hazards[1].factors[0].share"),
        .init(base: .score, path: ["hazards", 1, "cells"], value: .integer(-4), field: "hazards[1].cells"),
        .init(base: .score, path: ["hazards", 1, "factors", 2, "meanValue"], value: .number(1.5), field: "hazards[1].factors[2].meanValue"),
        .init(base: .score, path: ["hazards", 1, "factors", 2, "meanValue"], value: .removed, field: "hazards[1].factors[2].meanValue"),
        .init(base: .score, path: ["hazards", 2, "factors", 1, "aloneRank"], value: .integer(13), field: "hazards[2].factors[1].aloneRank"),
        .init(base: .score, path: ["hazards", 2, "factors", 1, "aloneRank"], value: .integer(0), field: "hazards[2].factors[1].aloneRank"),
        .init(base: .score, path: ["hazards", 2, "factors", 1, "aloneRank"], value: .removed, field: "hazards[2].factors[1].aloneRank"),
        .init(base: .score, path: ["weights", "factors", 0, "weight"], value: .number(0.9), field: "weights.factors"),
        .init(base: .score, path: ["weights", "method"], value: .string("direct"), field: "weights.ahp"),
        .init(base: .score, path: ["validation", "holdoutAfter"], value: .string("2024-02-30"), field: "validation.holdoutAfter"),
        .init(base: .score, path: ["validation", "model", "auc"], value: .number(1.2), field: "validation.model.auc"),
        .init(base: .score, path: ["incidents", "edgeLossShare"], value: .number(-0.5), field: "incidents.edgeLossShare"),
        .init(base: .score, path: ["layers", 0, "minimum"], value: .number(10), field: "layers[0]"),
        .init(base: .comparison, path: ["base"], value: .string("Other"), field: "base"),
        .init(base: .comparison, path: ["scenarios", 1, "horizonYears"], value: .number(-1), field: "scenarios[1].horizonYears"),
        .init(base: .comparison, path: ["scenarios", 2, "replications"], value: .integer(7), field: "scenarios[2].replications"),
        .init(base: .comparison, path: ["scenarios", 2, "yearly", 3, "remaining", "p50"], value: .number(-1),
              field: "scenarios[2].yearly[3].remaining.p50"),
        .init(base: .comparison, path: ["differences", 0, "p5"], value: .number(100), field: "differences[0]"),
        .init(base: .comparison, path: ["differences", 0, "scenario"], value: .string("Nope"), field: "differences[0].scenario"),
    ]

    @Test("Valid results read back unchanged")
    func validResultsRead() throws {
        let samples: [(String, Data)] = [
            ("score", try ResultEncoding.encode(ResultFixtures.score())),
            ("score-empty", try ResultEncoding.encode(ResultFixtures.score(hazards: 0, validation: false, ahp: false))),
            ("simulation", try ResultEncoding.encode(ResultFixtures.simulation())),
            ("simulation-to-horizon", try ResultEncoding.encode(ResultFixtures.simulation(years: 11))),
            ("simulation-empty", try ResultEncoding.encode(ResultFixtures.emptySimulation())),
            ("comparison", try ResultEncoding.encode(ResultFixtures.comparison())),
        ]
        for (name, data) in samples {
            #expect(throws: Never.self, "\(name)") { _ = try ResultFile.read(data: data, path: name) }
        }
        guard case .simulation(let simulation) = try ResultFile.read(data: samples[2].1, path: "s") else {
            Issue.record("a simulate result read as another kind")
            return
        }
        #expect(simulation == ResultFixtures.simulation())
    }

    @Test("Each corrupted field is refused with the file and the field named", arguments: corruptions)
    func corruptedFieldIsNamed(_ corruption: Corruption) throws {
        let tree = JSONTree.setting(try Self.tree(corruption.base), corruption.path, to: corruption.value.json)
        let error = try #require(throws: ResultFile.ReadError.self) {
            _ = try ResultFile.read(data: JSONTree.data(tree), path: "runs/bad.json")
        }
        #expect(error.field == corruption.field, "\(error)")
        #expect(error.description.hasPrefix("runs/bad.json: "))
        #expect(error.description.contains(corruption.field), "\(error)")
        #expect(error.description.contains("expected"), "\(error)")
    }

    /// Two hazards with one alone-rank for the same factor: the second is named, with the first.
    @Test("A repeated alone-rank is refused")
    func repeatedAloneRank() throws {
        var tree = try Self.tree(.score)
        let rank = try #require(JSONTree.value(tree, at: ["hazards", 3, "factors", 0, "aloneRank"]) as? Int)
        tree = JSONTree.setting(tree, ["hazards", 4, "factors", 0, "aloneRank"], to: rank)
        let error = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(data: JSONTree.data(tree), path: "s") }
        #expect(error.field == "hazards[4].factors[0].aloneRank", "\(error)")
        #expect(error.reason.contains("hazards[3].factors[0]") && error.reason.contains("each once per factor"), "\(error)")
    }

    @Test("A year more than the horizon, inconsistent lengths and an empty comparison are refused")
    func lengths() throws {
        var tree = try Self.tree(.simulation)
        let years = try #require(JSONTree.value(tree, at: ["yearly"]) as? [Any])
        // A 10-year horizon from 1 March covers 11 calendar years (the first and last partial).
        tree = JSONTree.setting(tree, ["yearly"], to: years + [years[9], years[9]])
        let tooMany = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(data: JSONTree.data(tree), path: "s") }
        #expect(tooMany.field == "yearly" && tooMany.reason.contains("expected at most 11"), "\(tooMany)")

        let empty = JSONTree.setting(try Self.tree(.comparison), ["scenarios"], to: [Any]())
        let none = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(data: JSONTree.data(empty), path: "c") }
        #expect(none.field == "scenarios", "\(none)")
    }

    @Test("Every problem is counted; hostile text in a message is escaped")
    func messages() throws {
        var tree = try Self.tree(.simulation)
        for i in 0..<10 { tree = JSONTree.setting(tree, ["yearly", .index(i), "year"], to: 99) }
        tree = JSONTree.setting(tree, ["yearly", 0, "remainingByType", "\u{1B}[2J"], to: ["p10": 1, "p50": 1, "p90": 1, "mean": 1])
        let error = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(data: JSONTree.data(tree), path: "s") }
        #expect(error.reason.contains("(and 8 more problems)"), "\(error)")
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(error)")
    }

    @Test("Files: missing, a directory, empty, not JSON, another kind")
    func files() throws {
        let scratch = try ScratchDirectory("result-read")
        defer { scratch.remove() }
        let cases: [(String, String)] = [
            (scratch.file("missing.json"), "cannot be read"),
            (scratch.path, "cannot be read"),
            (try scratch.write("", to: "empty.json"), "is empty"),
            (try scratch.write("[1, 2", to: "truncated.json"), "is not a JSON object"),
            (try scratch.write(#"{"schema": "clearcast-result/2", "kind": "\u001b[2J"}"#, to: "kind.json"), "has kind '\\u{1b}[2J'"),
        ]
        for (path, reason) in cases {
            let error = try #require(throws: ResultFile.ReadError.self) { _ = try ResultFile.read(path) }
            #expect(error.path == path && error.reason.contains(reason), "\(error)")
        }
        let path = try scratch.write(ResultEncoding.encode(ResultFixtures.simulation()), to: "ok.json")
        #expect(throws: Never.self) { _ = try ResultFile.read(path) }
    }

    /// The committed results (`make notebooks`) are what `clearcast report` reads most: all valid.
    @Test("Committed results in notebooks-export read and validate",
          arguments: ["demo/score.json", "demo/simulation.json", "karabakh/score.json", "karabakh/backtest.json",
                      "karabakh/comparison.json", "colombia/antioquia-2010.json", "colombia/antioquia-2015.json"])
    func committedResultsValidate(_ name: String) throws {
        let path = TestEnvironment.packageURL("notebooks-export/" + name).path
        #expect(throws: Never.self) { _ = try ResultFile.read(path) }
    }
}
