import _TestSupport
import Foundation
import Testing
@testable import Reporting

/// The shipped JSON Schema against what the Swift types actually encode, validated by Python's
/// `jsonschema` through `schemas/validate.py` (one process per call, so files are batched).
/// Without Python's `jsonschema` the validating tests are skipped, saying so.
@Suite("Result schema")
struct SchemaTests {
    static let validator = TestEnvironment.packageURL("schemas/validate.py").path
    /// This test's files, removed when the test ends.
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("schema")
    }

    /// Writes each (name, bytes) into the scratch directory and returns the paths.
    private func write(_ files: [(String, Data)]) throws -> [String] {
        try files.map { name, data in try scratch.write(data, to: name) }
    }

    private static func samples() throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        for seed in [UInt64(1), 2, 3] {
            files.append(("score-\(seed).json", try ResultEncoding.encode(ResultFixtures.score(seed: seed))))
            files.append(("simulation-\(seed).json", try ResultEncoding.encode(ResultFixtures.simulation(seed: seed))))
        }
        files.append(("score-empty.json", try ResultEncoding.encode(
            ResultFixtures.score(hazards: 0, validation: false, ahp: false))))
        files.append(("simulation-empty.json", try ResultEncoding.encode(ResultFixtures.emptySimulation())))
        files.append(("simulation-discovery.json", try ResultEncoding.encode(ResultFixtures.simulationWithDiscoveries())))
        files.append(("comparison.json", try ResultEncoding.encode(ResultFixtures.comparison())))
        files.append(("comparison-single.json", try ResultEncoding.encode(
            CompareResult(provenance: ResultFixtures.provenance(command: "compare", full: false), base: "only",
                                       scenarios: [ResultFixtures.emptySimulation()], differences: []))))
        files.append(("plan-budget.json", try ResultEncoding.encode(PlanResultTests.result(budget: 365 * 100 * 7))))
        files.append(("plan-unreachable.json", try ResultEncoding.encode(PlanResultTests.result(maximum: 2))))
        files.append(("plan-mix.json", try ResultEncoding.encode(PlanResultTests.mixResult())))
        for (name, result) in SensitivityResultTests.all() {
            files.append(("sensitivity-\(name).json", try ResultEncoding.encode(result)))
        }
        files.append(("calibration.json", try ResultEncoding.encode(CalibrationResultTests.result())))
        files += try PartialResultTests.samples()
        // Learned models, study areas and honest validation, as the bundled scenarios write them.
        for committed in ["demo/learned.json", "colombia/antioquia-2010-learned.json"] {
            files.append((committed, try Data(contentsOf: TestEnvironment.packageURL("notebooks-export/" + committed))))
        }
        return files
    }

    @Test("Realistic and edge-case results validate",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]),
                   "needs python3 with jsonschema: pip install jsonschema (Debian: apt-get install python3-jsonschema)"))
    func samplesValidate() throws {
        let paths = try write(Self.samples())
        let run = try TestEnvironment.runPython([Self.validator] + paths)
        #expect(run.status == 0, "schemas/validate.py rejected a result the Swift types encode:\n\(run.stderr)")
        #expect(run.stdout.components(separatedBy: ": valid").count - 1 == paths.count)
    }

    @Test("Absent optionals are omitted, not written as null")
    func optionalsAreAbsent() throws {
        let text = String(decoding: try ResultEncoding.encode(ResultFixtures.emptySimulation()), as: UTF8.self)
        #expect(!text.contains("null"))
        #expect(!text.contains("p50Date"))
        #expect(!text.contains("\"cost\""))
        #expect(!text.contains("\"seed\""))
    }

    /// Each mutation of a valid result must be rejected, with an error naming the offending place.
    @Test("Wrong types, extra fields, missing fields and out-of-range values fail validation",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]),
                   "needs python3 with jsonschema: pip install jsonschema (Debian: apt-get install python3-jsonschema)"))
    func invalidResultsFail() throws {
        typealias Mutation = (String, String, (inout [String: Any]) -> Void)
        let mutations: [Mutation] = [
            ("wrong-type", "replications", { $0["replications"] = "500" }),
            ("extra-top", "unexpected", { $0["unexpected"] = 1 }),
            ("extra-nested", "colour", { object in
                var casualties = object["casualties"] as! [String: Any]
                casualties["colour"] = "red"
                object["casualties"] = casualties
            }),
            ("missing", "startDate", { $0.removeValue(forKey: "startDate") }),
            ("share-above-one", "finishedShare", { object in
                var completion = object["completion"] as! [String: Any]
                var overall = completion["overall"] as! [String: Any]
                overall["finishedShare"] = 1.5
                completion["overall"] = overall
                object["completion"] = completion
            }),
            ("negative-count", "eventsSimulated", { $0["eventsSimulated"] = -1 }),
            ("null-optional", "cost", { $0["cost"] = NSNull() }),
            ("bad-date", "startDate", { $0["startDate"] = "1 March 2026" }),
            ("wrong-kind", "kind", { $0["kind"] = "forecast" }),
            ("wrong-schema", "schema", { $0["schema"] = "clearcast-result/1" }),
        ]
        let base = try JSONSerialization.jsonObject(with: ResultEncoding.encode(ResultFixtures.simulation())) as! [String: Any]
        var files: [(String, Data)] = []
        for (name, _, mutate) in mutations {
            var object = base
            mutate(&object)
            files.append(("\(name).json", try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
        }
        let paths = try write(files)
        // One Python process for all files (interpreter start-up dominates); errors are prefixed by path.
        let run = try TestEnvironment.runPython([Self.validator] + paths)
        #expect(run.status == 1, "invalid files should give status 1, got \(run.status): \(run.stderr)")
        #expect(!run.stdout.contains(": valid"), "a mutated file passed: \(run.stdout)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        for ((name, field, _), path) in zip(mutations, paths) {
            let mine = lines.filter { $0.hasPrefix(path + ": invalid") }
            #expect(!mine.isEmpty, "\(name) should be invalid: \(run.stderr)")
            #expect(mine.contains { $0.contains(field) }, "\(name): the error should name '\(field)': \(mine)")
        }
    }

    @Test("A score result with a hazard share of a wrong type fails",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]),
                   "needs python3 with jsonschema: pip install jsonschema (Debian: apt-get install python3-jsonschema)"))
    func invalidScoreFails() throws {
        var object = try JSONSerialization.jsonObject(with: ResultEncoding.encode(ResultFixtures.score())) as! [String: Any]
        var hazards = object["hazards"] as! [[String: Any]]
        hazards[3]["type"] = "landmine"
        object["hazards"] = hazards
        let paths = try write([("score-bad.json", try JSONSerialization.data(withJSONObject: object))])
        let run = try TestEnvironment.runPython([Self.validator, paths[0]])
        #expect(run.status == 1)
        #expect(run.stderr.contains("hazards/3/type"), "\(run.stderr)")
    }

    /// Guards against a stale schema: every property the schema names is produced by some sample.
    @Test("Every schema property is written by the Swift types")
    func schemaHasNoStaleProperties() throws {
        let schemaData = try Data(contentsOf: TestEnvironment.packageURL("schemas/result.schema.json"))
        let schema = try JSONSerialization.jsonObject(with: schemaData)
        var declared = Set<String>()
        func collectDeclared(_ node: Any) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { declared.formUnion(properties.keys) }
                object.values.forEach(collectDeclared)
            } else if let array = node as? [Any] {
                array.forEach(collectDeclared)
            }
        }
        collectDeclared(schema)
        var written = Set<String>()
        func collectWritten(_ node: Any) {
            if let object = node as? [String: Any] {
                written.formUnion(object.keys)
                object.values.forEach(collectWritten)
            } else if let array = node as? [Any] {
                array.forEach(collectWritten)
            }
        }
        for (_, data) in try Self.samples() { collectWritten(try JSONSerialization.jsonObject(with: data)) }
        #expect(declared.subtracting(written).isEmpty, "declared but never written: \(declared.subtracting(written).sorted())")
    }

    @Test("The validator reports a missing file with status 2",
          .enabled(if: TestEnvironment.hasPythonModules(["jsonschema"]),
                   "needs python3 with jsonschema: pip install jsonschema (Debian: apt-get install python3-jsonschema)"))
    func unreadableFile() throws {
        let run = try TestEnvironment.runPython([Self.validator, "/nonexistent/result.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read JSON"))
    }
}
