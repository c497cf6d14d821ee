import _TestSupport
import Foundation
import SensitivityAnalysis
import Testing
@testable import Reporting

/// Random corruptions of valid results: `ResultFile.read` either refuses them with a `ReadError`
/// or returns a result that every exporter renders without trapping, with finite numbers in every
/// SVG coordinate. A trap here takes the test process down, which is the failure this guards against.
@Suite("Result mutations")
struct ResultMutationTests {
    /// Small valid results of each kind (the score fixture's preview is 60 × 80).
    static func bases() throws -> [(name: String, tree: Any)] {
        [("score", try JSONTree.tree(ResultFixtures.score(hazards: 8))),
         ("score-direct", try JSONTree.tree(ResultFixtures.score(seed: 3, hazards: 3, validation: false, ahp: false))),
         ("simulation", try JSONTree.tree(ResultFixtures.simulation(years: 4))),
         ("simulation-empty", try JSONTree.tree(ResultFixtures.emptySimulation())),
         ("comparison", try JSONTree.tree(ResultFixtures.comparison(names: ["Base", "Other"]))),
         ("plan", try JSONTree.tree(PlanResultTests.result(budget: 365 * 100 * 7))),
         ("sensitivity-oat", try JSONTree.tree(SensitivityResultTests.result(.oneAtATime))),
         ("sensitivity-morris", try JSONTree.tree(SensitivityResultTests.result(.morris, late: true, samples: 3))),
         ("sensitivity-sobol", try JSONTree.tree(SensitivityResultTests.result(.sobol, samples: 3))),
         ("calibration", try JSONTree.tree(CalibrationResultTests.result(points: 12)))]
    }

    @Test("Unmutated trees read back (the mutation baseline is valid)")
    func baselineIsValid() throws {
        for (name, tree) in try Self.bases() {
            #expect(throws: Never.self, "\(name)") { _ = try ResultFile.read(data: JSONTree.data(tree), path: name) }
        }
    }

    @Test("Random corruptions are refused with a ReadError or exported without a trap", arguments: [UInt64(1), 2, 3, 4])
    func randomCorruptions(seed: UInt64) throws {
        let bases = try Self.bases()
        var mutator = ResultMutator(random: SeededGenerator(seed: seed))
        var accepted = 0, refused = 0
        for round in 0..<150 {
            let base = bases[round % bases.count]
            let (tree, notes) = mutator.mutate(base.tree)
            let data = try JSONTree.data(tree)
            let file: ResultFile
            do {
                file = try ResultFile.read(data: data, path: "mutated.json")
            } catch let error as ResultFile.ReadError {
                refused += 1
                #expect(error.description.hasPrefix("mutated.json: "), "\(error)")
                continue
            } catch {
                Issue.record("\(base.name) \(notes): not a ReadError: \(error)")
                continue
            }
            accepted += 1
            try Self.exportEverything(file, context: "\(base.name) \(notes)")
        }
        #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
    }

    /// Every exporter `report` and the commands use, with checks on the SVG charts.
    static func exportEverything(_ file: ResultFile, context: String) throws {
        let notebook: Data
        switch file {
        case .score(let result):
            notebook = NotebookExporter.notebook(for: result)
            _ = ScoreTable.render(result, top: 20)
        case .simulation(let result):
            let observed = "period_start,period_end,metric,value\n2026-03-01,2027-02-28,released_area,120\n"
            let backtest = try? Backtest.compare(result, observedCSV: observed, path: "observed.csv")
            notebook = NotebookExporter.notebook(score: nil, simulation: result, comparison: nil, title: "t", backtest: backtest)
            _ = SimulationTable.render(result)
        case .comparison(let result):
            notebook = NotebookExporter.notebook(for: result)
            _ = CompareTable.render(result)
        case .plan(let result):
            notebook = NotebookExporter.notebook(for: result)
            _ = PlanTable.render(result)
        case .sensitivity(let result):
            notebook = NotebookExporter.notebook(for: result)
            _ = SensitivityTable.render(result)
        case .calibration(let result):
            notebook = NotebookExporter.notebook(for: result)
            _ = CalibrationTable.render(result)
        }
        for svg in try NotebookJSON.svgs(notebook) {
            let xml = XMLElements(svg)
            #expect(xml.wellFormed, "\(context): \(xml.error ?? "")")
            #expect(Self.nonFiniteCoordinates(xml).isEmpty, "\(context): \(Self.nonFiniteCoordinates(xml).prefix(3))")
        }
    }

    static let numericAttributes: Set<String> = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2",
                                                 "font-size", "stroke-width", "fill-opacity"]

    /// Numeric attributes (and polyline/polygon points) that are not finite numbers, e.g. "n/a" from NaN.
    static func nonFiniteCoordinates(_ xml: XMLElements) -> [String] {
        var bad: [String] = []
        for element in xml.elements {
            // (The white background is the one percentage: width="100%".)
            for (name, value) in element.attributes where numericAttributes.contains(name) && !value.hasSuffix("%") {
                if !(Double(value)?.isFinite ?? false) { bad.append("\(element.name) \(name)=\(value)") }
            }
            if let points = element.attributes["points"] {
                let numbers = points.split(whereSeparator: { $0 == " " || $0 == "," })
                if numbers.contains(where: { !(Double($0)?.isFinite ?? false) }) { bad.append("\(element.name) points=\(points.prefix(80))") }
            }
        }
        return bad
    }
}
