import _TestSupport
import ClearanceModel
import ClearcastDomain
import EventSimulation
import Foundation
import ResourcePlanning
import Testing
@testable import Reporting

/// `clearcast plan` results: schema, reading back, validation, table and notebook, from real plans
/// of a small hand model (10 areas of 20 team-days each; 10 teams release all by day 19).
@Suite("Plan results")
struct PlanResultTests {
    static func model() -> ClearanceModel {
        let areas = (0..<10).map {
            HazardArea(id: "T\($0)", area: 1000, contamination: .antiPersonnel, status: .confirmed, region: "A",
                       priorityBenefit: Double(10 - $0))
        }
        let team = TeamGroup(id: "manual-1", kind: .manual, count: 4, productivity: ["*": ["*": .constant(100)]],
                             stepSpeedFactors: [.technicalSurvey: 1], baseX: 0, baseY: 0, travelSpeedKmPerDay: 1e9)
        return ClearanceModel(startDate: CivilDate(year: 2026, month: 1, day: 1), horizonYears: 1, tasks: areas, teams: [team],
                              calendar: .continuous, landRelease: LandReleaseParameters(technicalSurveyReduceShare: .constant(0)))
    }

    static func result(maximum: Double = 8, budget: Double? = nil) throws -> PlanResult {
        var planner = MultiplierPlanner(model: model(), groups: ["manual-1"], seed: 4, costPerTeamDay: [.manual: 100])
        planner.maximumMultiplier = maximum
        // The budget case also names the types and regions counted (all there are), so the schema sees them.
        let target = PlanTarget(contaminationTypes: budget == nil ? nil : [.antiPersonnel], regions: budget == nil ? nil : ["A"],
                                deadline: CivilDate(year: 2026, month: 1, day: 20), probability: 0.9)
        let plan = try planner.plan(for: target, budgetPerYear: budget)
        return PlanResult.make(provenance: ResultFixtures.provenance(command: "plan"), scenario: "Hand <case>",
                               startDate: planner.model.startDate, horizonYears: 1, plan: plan, resolution: planner.resolution,
                               batch: planner.batch, maximumReplications: planner.maximumReplications, currency: "USD")
    }

    /// A cheapest-mix result of the same model (one kind, bounds 0 to 12: the answer is 10 teams).
    static func mixResult() throws -> PlanResult {
        let planner = MixPlanner(model: model(), bounds: [.manual: 0...12], costPerTeamDay: [.manual: 100], seed: 4)
        let plan = try planner.plan(for: PlanTarget(deadline: CivilDate(year: 2026, month: 1, day: 20), probability: 0.9))
        return PlanResult.make(provenance: ResultFixtures.provenance(command: "plan"), scenario: "Hand <case>",
                               startDate: planner.model.startDate, horizonYears: 1, mixPlan: plan, resolution: planner.resolution,
                               batch: planner.batch, maximumReplications: planner.maximumReplications, currency: "USD")
    }

    @Test func mixResultReadsBackAndSaysItsAnswer() throws {
        let result = try Self.mixResult()
        #expect(result.mix?.answer?.teams == ["manual": 10])
        guard case .plan(let read) = try ResultFile.read(data: try ResultEncoding.encode(result), path: "mix.json") else {
            Issue.record("not read as a plan")
            return
        }
        #expect(read == result)
        #expect(PlanTable.render(result).contains("Answer: manual 10 (365000 USD a year)"), "\(PlanTable.render(result))")
        var stray = result
        stray.mode = nil
        #expect(throws: ResultValidationError.self) { try stray.validate() }
    }

    @Test("Plans validate against the schema",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]), "needs python3 with jsonschema"))
    func schemaValidates() throws {
        let scratch = try ScratchDirectory("plan-schema")
        let paths = try [("reachable.json", try Self.result()), ("unreachable.json", try Self.result(maximum: 2)),
                         ("budget.json", try Self.result(budget: 365 * 100 * 7)), ("mix.json", try Self.mixResult())].map { name, result in
            try scratch.write(try ResultEncoding.encode(result), to: name)
        }
        let run = try TestEnvironment.runPython([TestEnvironment.packageURL("schemas/validate.py").path] + paths)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func readBackAndValidation() throws {
        let result = try Self.result(budget: 365 * 100 * 7)
        let data = try ResultEncoding.encode(result)
        guard case .plan(let read) = try ResultFile.read(data: data, path: "plan.json") else {
            Issue.record("not read as a plan")
            return
        }
        #expect(read == result)
        var outside = result
        outside.frontier[0].probability = 1
        outside.frontier[0].upper = 0.5
        #expect(throws: ResultValidationError.self) { try outside.validate() }
        var unsorted = result
        unsorted.frontier.reverse()
        #expect(throws: ResultValidationError.self) { try unsorted.validate() }
        var stray = result
        stray.answer?.multiplier = 7.77
        #expect(throws: ResultValidationError.self) { try stray.validate() }
        var late = result
        late.target.deadline = "2027-06-01"
        #expect(throws: ResultValidationError.self) { try late.validate() }
    }

    @Test func tableSaysTheAnswerOrThatNoneExists() throws {
        let text = PlanTable.render(try Self.result())
        #expect(text.hasPrefix("Plan for Hand <case>: all hazardous land released by 2026-01-20 with probability ≥ 0.9"), "\(text)")
        #expect(text.contains("Answer: 2.40× (manual-1 10) the scaled groups meets the target"), "\(text)")
        #expect(text.contains("One step less, 2.35× (manual-1 9), does not"))
        let unreachable = PlanTable.render(try Self.result(maximum: 2))
        #expect(unreachable.contains("Unreachable within 2.00× the scaled groups") && unreachable.contains("releases 80% of the target area"))
        let budget = PlanTable.render(try Self.result(budget: 365 * 100 * 7))
        // 1.85 × 4 = 7.4: the largest multiplier that still fields 7 teams.
        #expect(budget.contains("A budget of 255500 USD a year affords 1.85× (manual-1 7) (255500 USD a year)"), "\(budget)")
    }

    @Test("The notebook has the frontier chart and valid cells",
          .enabled(if: TestEnvironment.hasPythonModules(["nbformat"]), "needs python3 with nbformat"))
    func notebookHasTheFrontier() throws {
        let result = try Self.result()
        let svg = NotebookExporter.frontierChart(result).render()
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == result.frontier.count)
        #expect(svg.components(separatedBy: "class=\"interval\"").count - 1 == result.frontier.count)
        #expect(svg.components(separatedBy: "class=\"required\"").count - 1 == 1)
        let scratch = try ScratchDirectory("plan-notebook")
        let path = try scratch.write(NotebookExporter.notebook(for: result), to: "plan.ipynb")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Hand &lt;case&gt;") || text.contains("Hand \\\\<case\\\\>") || text.contains("Hand <case>"))
        let run = try TestEnvironment.runPython(["-c", NotebookTests.nbformatScript, path])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
