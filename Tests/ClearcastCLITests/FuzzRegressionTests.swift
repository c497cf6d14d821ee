import _TestSupport
import Foundation
import Testing

/// Inputs that once crashed, hung or tripped a sanitizer in the fuzz targets (Fuzz/), kept so the
/// bug stays fixed: `clearcast validate` must answer each with exit code 0 or 2 and a message,
/// never a signal, a Swift runtime trap or a sanitizer report.
///
/// `Fixtures/fuzz-regressions/` holds scenario inputs (`.yaml`, from FuzzScenarioLoader), layer
/// inputs (`.geojson`, `.csv`, from FuzzLayerReader) and result inputs (`result-*.json`, from
/// FuzzResultReader). A scenario is validated as it is; a layer is validated in every role
/// (incidents, settlements, hazards) of a scenario extending the valid CLI fixture; a result goes
/// through `clearcast report` (read, validate, export a notebook). See Fuzz/README.md for how an
/// input gets here.
@Suite struct FuzzRegressionTests {
    static let directory = CLIRunner.fixtures.appendingPathComponent("fuzz-regressions")

    static func inputs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
    }

    @Test func corpusIsNotEmpty() throws {
        #expect(try !Self.inputs().isEmpty, "fuzz-regressions/ lost its inputs")
    }

    @Test(arguments: try inputs())
    func inputIsRejectedOrAcceptedWithoutCrashing(_ name: String) throws {
        let ext = (name as NSString).pathExtension.lowercased()
        if name.hasPrefix("result-") {
            let scratch = try ScratchDirectory("fuzzreg-result")
            defer { scratch.remove() }
            try Self.expectOrderlyExit(["report", Self.directory.appendingPathComponent(name).path,
                                        "--notebook", scratch.file("report.ipynb")], in: scratch.url, input: name)
            return
        }
        if ext == "yaml" || ext == "json" {
            try Self.expectOrderlyExit(["validate", name], in: Self.directory, input: name)
            return
        }
        let scratch = try ScratchDirectory("fuzzreg")
        defer { scratch.remove() }
        let layer = Self.directory.appendingPathComponent(name).path
        let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path
        for role in ["incidents", "settlements", "hazards"] {
            let scenario = try scratch.write("extends: \(valid)\nlayers:\n  \(role): \(layer)\n", to: "\(role).yaml")
            try Self.expectOrderlyExit(["validate", scenario], in: scratch.url, input: "\(name) as \(role)")
        }
    }

    /// Exit code 0 (accepted) or 2 (rejected with a message); anything else is a crash or a bug.
    static func expectOrderlyExit(_ arguments: [String], in directory: URL, input: String) throws {
        let run = try CLIRunner.run(arguments, in: directory)
        #expect(!run.signalled, "\(input): killed by signal \(run.status)\n\(run.stderr)")
        #expect(run.status == 0 || run.status == 2, "\(input): exit \(run.status)\n\(run.stderr)")
        for marker in ["Fatal error", "AddressSanitizer", "ThreadSanitizer", "runtime error", "Stack dump"] {
            #expect(!run.stderr.contains(marker), "\(input): \(marker) in «\(run.stderr)»")
        }
        if run.status == 2 { #expect(!run.stderr.isEmpty, "\(input): rejected without a message") }
    }
}
