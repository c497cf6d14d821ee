import _TestSupport
import ClearcastDomain
import Foundation
import Scenarios
import SensitivityAnalysis
import Testing
@testable import Reporting

/// `clearcast sensitivity` results: schema, reading back, validation, table and notebook, from real
/// designs and estimators run on a small known model of three inputs (completion falls with the
/// team count and the reduce share, with an interaction of teams and productivity; casualties follow
/// completion; cost rises with teams).
@Suite("Sensitivity results")
struct SensitivityResultTests {
    static let inputs = [
        SensitivityResult.Input(label: "manual teams", path: "simulation.teams[kind=manual].count", variation: "range",
                                low: 1, high: 4, whole: true),
        SensitivityResult.Input(label: "TS reduce share", path: "simulation.land_release.ts_reduce_share", variation: "range",
                                low: 0.1, high: 0.5, whole: false),
        SensitivityResult.Input(label: "productivity <mech>", path: "simulation.teams[name=mech].productivity.median",
                                paths: ["simulation.teams[name=mech].productivity.median", "simulation.teams[name=mech].productivity.p90"],
                                variation: "scale", low: 0.7, high: 1.3),
    ]
    static let outputs: [SensitivityOutput] = [.completionYears(.antiPersonnel), .civilianCasualties, .cost]
    static let horizon = 10

    /// The model at unit coordinates `u` (NaN: the input as written, here the middle of its range).
    /// `late` shifts completion so that most points reach the horizon (a censored output).
    static func model(_ u: [Double], late: Bool) -> [Double] {
        let x = u.map { $0.isNaN ? 0.5 : $0 }
        let years = min(Double(horizon), (late ? 14 : 8) - 4 * x[0] - 1 * x[1] + 0.5 * x[0] * x[2] + 0.2 * x[2] * x[2])
        return [years, 3 * years + 2 * x[1], 1e6 * (1 + 2 * x[0]) * years / 8]
    }

    static func result(_ method: SensitivityDesign.Method, late: Bool = false, samples: Int = 8) -> SensitivityResult {
        let d = inputs.count
        let design: SensitivityDesign = switch method {
        case .oneAtATime: .oneAtATime(baseline: [Double](repeating: .nan, count: d))
        case .morris: .morris(dimension: d, trajectories: samples, seed: 5)
        case .sobol: .sobol(dimension: d, baseSamples: samples, seed: 5)
        }
        let values = design.points.map { model($0, late: late) }
        let columns = outputs.indices.map { j in values.map { $0[j] } }
        let censored = outputs.indices.filter { j in
            j == 0 && columns[j].filter { $0 >= Double(horizon) - 1e-9 }.count * 2 > columns[j].count
        }.map { outputs[$0] }
        return SensitivityResult.make(
            provenance: ResultFixtures.provenance(command: "sensitivity", name: "Hand <case>"), scenario: "Hand <case>",
            startDate: "2026-01-01", horizonYears: horizon, replications: 500, samples: samples, currency: "USD",
            inputs: inputs, outputs: outputs, design: design, values: values,
            baseline: model([Double](repeating: .nan, count: d), late: late),
            oneAtATime: method == .oneAtATime ? columns.map { SensitivityIndices.oneAtATime(design, outputs: $0) } : nil,
            morris: method == .morris ? columns.map { SensitivityIndices.morris(design, outputs: $0) } : nil,
            sobol: method == .sobol ? columns.map { SensitivityIndices.sobol(design, outputs: $0, resamples: 100, seed: 5) } : nil,
            censored: censored)
    }

    static func all() -> [(String, SensitivityResult)] {
        [("oat", result(.oneAtATime)), ("morris", result(.morris)), ("sobol", result(.sobol)),
         ("morris-late", result(.morris, late: true))]
    }

    @Test("Sensitivity results validate against the schema",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]), "needs python3 with jsonschema"))
    func schemaValidates() throws {
        let scratch = try ScratchDirectory("sensitivity-schema")
        let paths = try Self.all().map { name, result in try scratch.write(try ResultEncoding.encode(result), to: name + ".json") }
        let run = try TestEnvironment.runPython([TestEnvironment.packageURL("schemas/validate.py").path] + paths)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func designShapeAndUnits() {
        let oat = Self.result(.oneAtATime)
        #expect(oat.points.count == 6 && oat.samples == nil && oat.levels == nil)
        #expect(oat.points.map(\.input) == [0, 0, 1, 1, 2, 2] && oat.points.map(\.end) == ["low", "high", "low", "high", "low", "high"])
        // The OAT point of input 0 at its low end is the model there, the others as written.
        #expect(oat.points[0].outputs == Self.model([0, .nan, .nan], late: false))
        #expect(oat.outputs.map(\.units) == ["years", "casualties", "USD"])
        #expect(oat.outputs[0].oneAtATime?[0].swing == abs(Self.model([1, .nan, .nan], late: false)[0] - Self.model([0, .nan, .nan], late: false)[0]))
        let morris = Self.result(.morris)
        #expect(morris.points.count == 8 * 4 && morris.levels == 4 && morris.samples == 8)
        #expect(morris.outputs.allSatisfy { $0.morris?.count == 3 && $0.oneAtATime == nil && $0.sobol == nil })
        let sobol = Self.result(.sobol)
        #expect(sobol.points.count == 8 * 5 && sobol.levels == nil)
        #expect(sobol.points.allSatisfy { $0.coordinates?.count == 3 && $0.input == nil })
        let late = Self.result(.morris, late: true)
        #expect(late.outputs.map(\.censored) == [true, false, false])
        #expect(late.notes.count == 1 && late.notes[0].contains("completion_years.AP") && late.notes[0].contains("horizon_years"))
        #expect(Self.result(.morris).notes.isEmpty)
    }

    @Test(arguments: ["oat", "morris", "sobol", "morris-late"])
    func readsBackEqual(name: String) throws {
        let result = try #require(Self.all().first { $0.0 == name }?.1)
        guard case .sensitivity(let read) = try ResultFile.read(data: try ResultEncoding.encode(result), path: "s.json") else {
            Issue.record("not read as a sensitivity result")
            return
        }
        #expect(read == result)
    }

    /// Tampered values the schema alone would let through are refused, naming the field.
    @Test func validationRefusesTamperedValues() throws {
        func refused(_ result: SensitivityResult, _ field: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                try result.validate()
                Issue.record("accepted a result with a bad \(field)", sourceLocation: sourceLocation)
            } catch let error as ResultValidationError {
                #expect(error.issues.contains { $0.field.hasPrefix(field) }, "\(error)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(error)", sourceLocation: sourceLocation)
            }
        }
        let oat = Self.result(.oneAtATime), morris = Self.result(.morris), sobol = Self.result(.sobol)
        var r = oat
        r.outputs[0].oneAtATime?[1].swing += 1
        refused(r, "outputs[0].oneAtATime[1].swing")
        r = oat
        r.points[3].end = "low"
        refused(r, "points[3].end")
        r = oat
        r.points.removeLast()
        refused(r, "points")
        r = morris
        let muStar = r.outputs[1].morris?[0].muStar ?? 0
        r.outputs[1].morris?[0].mu = muStar + 1
        refused(r, "outputs[1].morris[0].mu")
        r = morris
        r.outputs[0].oneAtATime = oat.outputs[0].oneAtATime
        refused(r, "outputs[0].oneAtATime")
        r = morris
        r.points[5].coordinates?[2] = 1.5
        refused(r, "points[5].coordinates[2]")
        r = morris
        r.points[2].outputs.removeLast()
        refused(r, "points[2].outputs")
        r = morris
        r.samples = 9
        refused(r, "points")
        r = sobol
        r.outputs[2].sobol?[1].totalLower = 2
        refused(r, "outputs[2].sobol[1].totalUpper")
        r = sobol
        r.outputs[1].sobol?.removeLast()
        refused(r, "outputs[1].sobol")
        r = sobol
        r.inputs[1].high = 0.05
        refused(r, "inputs[1].high")
        r = sobol
        r.inputs[2].low = 0
        refused(r, "inputs[2].low")
        r = sobol
        r.outputs[1].censored = true
        refused(r, "outputs[1].censored")
        r = sobol
        r.outputs[0].name = "completion_years.IED"
        refused(r, "outputs[0].name")
        r = sobol
        r.method = "fast"
        refused(r, "method")
        r = sobol
        r.outputs[0].baseline = .infinity
        refused(r, "outputs[0].baseline")
        r = sobol
        r.provenance.replications = 20
        refused(r, "provenance.replications")
    }

    /// Under each output's heading, the inputs come in decreasing order of the method's measure,
    /// computed here from the indices directly.
    @Test(arguments: ["oat", "morris", "sobol", "morris-late"])
    func tableRanksByTheMeasure(name: String) throws {
        let result = try #require(Self.all().first { $0.0 == name }?.1)
        let text = SensitivityTable.render(result)
        if ProcessInfo.processInfo.environment["SHOW_TABLE"] != nil { print(text) }
        let lines = text.components(separatedBy: "\n")
        for (j, output) in result.outputs.enumerated() {
            let measures: [Double] = switch result.method {
            case "oat": output.oneAtATime!.map { abs($0.high - $0.low) }
            case "morris": output.morris!.map(\.muStar)
            default: output.sobol!.map(\.total)
            }
            let expected = result.inputs.indices.sorted { measures[$0] > measures[$1] }.map { result.inputs[$0].label }
            let heading = try #require(lines.firstIndex { $0.hasPrefix(SensitivityTable.title(output)) }, "\(j): \(text)")
            #expect(lines[heading + 1].hasPrefix("input"))
            let rows = lines[(heading + 2)...].prefix(result.inputs.count)
            #expect(rows.map { row in expected.first { row.hasPrefix($0) } ?? "?" } == expected, "\(name) output \(j): \(text)")
            let censoredLine = lines.indices.contains(heading + 2 + result.inputs.count) ? lines[heading + 2 + result.inputs.count] : ""
            #expect(censoredLine.hasPrefix("Note: completion is the horizon") == output.censored, "\(text)")
        }
        #expect(text.hasPrefix("Sensitivity of Hand <case>: "))
        #expect(text.contains("range 1 to 4 (whole)") && text.contains("scale ×0.7 to ×1.3") && text.contains("range 0.1 to 0.5"), "\(text)")
    }

    /// An output no input moves says so; a completion that is the horizon everywhere is called
    /// censored instead (the inputs may move it beyond the horizon), whatever its flag says.
    @Test func constantOutputsAreExplained() throws {
        var r = Self.result(.oneAtATime)
        for k in r.points.indices { r.points[k].outputs[0] = Double(Self.horizon) - 0.002; r.points[k].outputs[1] = 4 }
        let late = Double(Self.horizon) - 0.002
        r.outputs[0].baseline = late
        r.outputs[1].baseline = 4
        r.outputs[0].oneAtATime = r.inputs.map { _ in .init(low: late, high: late, swing: 0) }
        r.outputs[1].oneAtATime = r.inputs.map { _ in .init(low: 4, high: 4, swing: 0) }
        try r.validate()
        let text = SensitivityTable.render(r)
        let notes = text.components(separatedBy: "\n").filter { $0.hasPrefix("Note: ") }
        #expect(notes == [SensitivityTable.censoredNote, SensitivityTable.constantNote], "\(text)")
        let markdown = try NotebookJSON.markdown(NotebookExporter.notebook(for: r))
        #expect(markdown.contains("Completion is the horizon at every design point") && markdown.contains("**Censored:**"))
        #expect(markdown.contains("This output is the same at every design point (4.00 casualties)"), "\(markdown)")
    }
}
