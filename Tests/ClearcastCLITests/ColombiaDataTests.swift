import Foundation
import Testing

/// The Colombian victims file has known defects (swapped columns, "2,006" years, an incomplete 2023,
/// several victims per incident); `scenarios/colombia/prepare.py` handles each explicitly. These tests
/// run it as a planner would regenerate the layers.
@Suite struct ColombiaDataTests {
    static let script = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/prepare.py")

    func prepare(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The excerpt holds every defect; the counts were established by reading its 56 rows by hand
    /// (see scenarios/colombia/README.md, "Excerpt check values").
    @Test func excerptDefectsAreHandledAndCounted() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("colombia-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let excerpt = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/raw-excerpt.csv").path
        let run = try prepare(["--input", excerpt, "--output", out.path, "--provenance", out.appendingPathComponent("P.md").path])
        #expect(run.status == 0, "\(run.output)")
        for line in [
            "rows read (victims): 56", "estado/genero swapped back: 56", "years written with a thousands separator (fixed): 56",
            "rows dropped: outside Antioquia (DANE department 5): 10", "rows dropped: year 2023 (incomplete in the source): 6",
            "victims kept (Antioquia, 1990-2022): 40", "municipalities: 15",
            "incidents (groups of municipality, year, month, coordinate): 33", "incidents with more than one victim: 3",
            "incidents with a civilian/military tie (victim set to military): 1",
        ] {
            #expect(run.output.contains(line), "missing «\(line)» in:\n\(run.output)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("incidents-antioquia.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 34)  // header + 33 incidents
        #expect(!csv.contains("2,0"), "no year keeps its thousands separator")
        #expect(!csv.contains("2023-"), "the incomplete year 2023 is left out")
    }

    /// When the shared data is present (as in CI), the committed layers are exactly what the script makes.
    @Test func committedLayersAreCurrent() throws {
        let raw = CLIRunner.packageRoot.appendingPathComponent("../shared/data/colombia-victims/SituacionVictimas.csv")
        guard FileManager.default.fileExists(atPath: raw.path) else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("colombia-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try prepare(["--input", raw.path, "--output", out.path, "--provenance", out.appendingPathComponent("P.md").path])
        #expect(run.status == 0, "\(run.output)")
        let committed = CLIRunner.packageRoot.appendingPathComponent("scenarios/colombia/layers")
        for name in ["incidents-antioquia.csv", "settlements-antioquia.geojson", "hazards-proxy-2010.geojson", "hazards-proxy-2015.geojson"] {
            let made = try Data(contentsOf: out.appendingPathComponent(name))
            let kept = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(made == kept, "\(name) differs from what prepare.py makes: regenerate it")
        }
    }
}
