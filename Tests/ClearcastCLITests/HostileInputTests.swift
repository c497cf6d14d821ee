import _TestSupport
import Foundation
import Testing

/// Hostile and careless input that the broken corpus (one file, one message) cannot express:
/// secrets that must not be echoed, special files, generated chains, terminal escapes, floods.
/// Every case must end promptly with exit 2 (or a warning), never a signal or a hang.
@Suite("Hostile input")
struct HostileInputTests {
    static let valid = CLIRunner.fixtures.appendingPathComponent("valid.yaml").path

    private func scenario(_ scratch: ScratchDirectory, _ name: String, _ body: String) throws -> String {
        try scratch.write("extends: \(Self.valid)\n" + body, to: name)
    }

    /// `extends:` may name any readable file; a parse error must not quote it (a password file,
    /// a key): only where the problem is.
    @Test(arguments: ["token: [unclosed", "root:x:0:0:root:/root:/bin/bash\nsecret-key: AKIA1234: x"])
    func extendedNonYAMLFileIsNotEchoed(secret: String) throws {
        let scratch = try ScratchDirectory("hostile-extends")
        _ = try scratch.write("first line\n" + secret + "\n", to: "passwd")
        let path = try scratch.write("extends: passwd\nname: x\n", to: "s.yaml")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(60))
        #expect(run.status == 2 && !run.signalled, "\(run.stderr)")
        #expect(run.stderr.contains("passwd:"), "\(run.stderr)")
        for line in secret.split(separator: "\n") { #expect(!run.stderr.contains(line), "\(run.stderr)") }
    }

    /// A FIFO as the scenario (or as what it extends) would block `read` forever.
    @Test(arguments: [false, true])
    func fifoIsRefusedPromptly(viaExtends: Bool) throws {
        let scratch = try ScratchDirectory("hostile-fifo")
        #expect(mkfifo(scratch.file("pipe.yaml"), 0o600) == 0)
        let target = viaExtends ? try scratch.write("extends: pipe.yaml\n", to: "s.yaml") : scratch.file("pipe.yaml")
        let run = try CLIRunner.run(["validate", target], timeout: .seconds(60))
        #expect(!run.timedOut && run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("FIFO"), "\(run.stderr)")
    }

    /// 17 levels: the file whose `extends:` goes too deep is blamed, not the one it names.
    @Test func tooDeepAnExtendsChainBlamesTheExtendingFile() throws {
        let scratch = try ScratchDirectory("hostile-chain")
        _ = try scratch.write("name: leaf\n", to: "level17.yaml")
        for level in 0..<17 { _ = try scratch.write("extends: level\(level + 1).yaml\n", to: "level\(level).yaml") }
        let run = try CLIRunner.run(["validate", scratch.file("level0.yaml")], timeout: .seconds(60))
        #expect(run.status == 2)
        #expect(run.stderr.contains("level15.yaml: extends: more than 16 levels of extends"), "\(run.stderr)")
    }

    /// Integers are read as integers: 2⁵³ + 1 and Int.max are kept exactly (the result records the seed).
    @Test(arguments: ["9007199254740993", "9223372036854775807", "1_000"])
    func seedIsReadExactly(seed: String) throws {
        let scratch = try ScratchDirectory("hostile-seed")
        let path = try scenario(scratch, "s.yaml", "simulation:\n  seed: \(seed)\n  replications: 2\n")
        let out = scratch.file("r.json")
        let run = try CLIRunner.run(["simulate", path, "--quiet", "--out", out], timeout: .seconds(300))
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("\"seed\" : \(seed.replacingOccurrences(of: "_", with: ""))"), "seed not recorded exactly")
    }

    /// Names and ids from a file reach the terminal with their control characters escaped.
    @Test func controlCharactersInNamesAreEscaped() throws {
        let scratch = try ScratchDirectory("hostile-escape")
        let path = try scenario(scratch, "s.yaml", "name: \"Evil\\e]0;owned\\a\\e[2J name\\u202E\"\n")
        let run = try CLIRunner.run(["score", path], timeout: .seconds(300))
        #expect(run.status == 0, "\(run.stderr)")
        let everything = run.stdout + run.stderr
        #expect(!everything.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(run.stdout.contains("Evil\\u{1B}]0;owned\\u{7}\\u{1B}[2J name\\u{202E}"), "\(run.stdout)")
    }

    /// 5,000 unknown keys: every one is an error, but the message is a screenful with counts.
    @Test func floodsOfProblemsAreCounted() throws {
        let scratch = try ScratchDirectory("hostile-flood")
        let keys = (0..<5_000).map { "unknown_key_\($0): 1" }.joined(separator: "\n")
        let path = try scenario(scratch, "s.yaml", keys + "\n")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 2)
        #expect(run.stderr.contains("5000 problems in scenario"), "\(run.stderr.prefix(300))")
        #expect(run.stderr.contains("… and 4950 more:"))
        #expect(run.stderr.split(separator: "\n").count < 80, "\(run.stderr.split(separator: "\n").count) lines")
    }

    /// 360 features with the same fault: one line naming the first, with the count of the rest.
    @Test func repeatedLayerProblemsAreOneLineWithACount() throws {
        let scratch = try ScratchDirectory("hostile-layer-flood")
        let features = (0..<360).map { i in
            "{\"type\": \"Feature\", \"properties\": {\"casualties\": 1}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [\(45.9 + Double(i) * 1e-4), 39.6]}}"
        }
        _ = try scratch.write("{\"type\": \"FeatureCollection\", \"features\": [\(features.joined(separator: ","))]}", to: "i.geojson")
        let path = try scenario(scratch, "s.yaml", "layers:\n  incidents: \(scratch.file("i.geojson"))\n")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 2)
        #expect(run.stderr.contains("incidents[feature 0].date: missing"), "\(run.stderr)")
        #expect(run.stderr.contains("(and 359 more like it in this layer)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count < 6, "\(run.stderr)")
    }

    /// Device words outside the documented ones are counted in a warning (the device changes nothing).
    @Test func unknownDevicesAreAWarning() throws {
        let scratch = try ScratchDirectory("hostile-device")
        let source = CLIRunner.fixtures.appendingPathComponent("layers/incidents.geojson")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"device\": \"AP\"", with: "\"device\": \"Mortar\"")
        _ = try scratch.write(text, to: "i.geojson")
        let path = try scenario(scratch, "s.yaml", "layers:\n  incidents: \(scratch.file("i.geojson"))\n")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("layers.incidents.device: found 'Mortar' ("), "\(run.stderr)")
    }

    /// Closed or full standard streams: no trap; a lost result table is an error, not exit 0.
    @Test func fullOrClosedStandardStreams() throws {
        func shell(_ command: String) throws -> ProcessRunner.Output {
            try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command, CLIRunner.binary.path, Self.valid],
                                  in: CLIRunner.fixtures, timeout: .seconds(120))
        }
        let full = try shell("exec \"$0\" validate \"$1\" >/dev/full")
        #expect(full.status == 1 && !full.signalled && full.stderr.contains("standard output could not be written"), "\(full.stderr)")
        let closedError = try shell("exec \"$0\" score \"$1\" 2>&-")
        #expect(closedError.status == 0 && !closedError.signalled, "\(closedError.stdout)")
        let fullError = try shell("exec \"$0\" validate /nonexistent.yaml 2>/dev/full")
        #expect(fullError.status == 2 && !fullError.signalled)
    }

    /// Negative numbers after an option are its value, not another option ("Missing value").
    @Test(arguments: [["--replications", "-5"], ["--seed", "-1"], ["--threads", "-2"]])
    func negativeOptionValuesAreNamed(arguments: [String]) throws {
        let run = try CLIRunner.run(["simulate", Self.valid] + arguments, timeout: .seconds(60))
        #expect(run.status == 2)
        #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
        #expect(run.stderr.contains(arguments[1]), "\(run.stderr)")
    }

    /// A reference date before every incident empties the density layer: legal, but said out loud.
    @Test(arguments: ["0001-01-01", "2019-12-31"])
    func referenceDateBeforeEveryIncidentIsAWarning(date: String) throws {
        let scratch = try ScratchDirectory("hostile-reference")
        let path = try scenario(scratch, "s.yaml", "reference_date: \(date)\n")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("reference_date: \(date) is before every incident"), "\(run.stderr)")
    }

    /// A claim cap below a day's work throttles a team to the cap: legal, but warned.
    @Test(arguments: [500, 2_000])
    func claimCapBelowADaysWorkIsAWarning(cap: Int) throws {
        let scratch = try ScratchDirectory("hostile-cap")
        let path = try scenario(scratch, "s.yaml", "simulation:\n  land_release:\n    max_area_per_team_m2: \(cap)\n")
        let run = try CLIRunner.run(["validate", path], timeout: .seconds(120))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("maximumAreaPerTeam (\(cap) m²) is below a day's work of group"), "\(run.stderr)")
    }
}

/// Outputs are checked before the run and never replace an input, a link, a device or a
/// read-only file; a run publishes all its outputs or none.
@Suite("Hostile output paths")
struct HostileOutputTests {
    static let valid = HostileInputTests.valid

    private func run(_ arguments: [String], in scratch: ScratchDirectory) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments, in: scratch.url, timeout: .seconds(300))
    }

    /// Each refused before any work: exit 2, the option named, nothing written or replaced.
    @Test(arguments: [
        (["--out", "scenario.json"], "is an input of this run"),
        (["--hazards", "LAYER"], "is an input of this run"),
        (["--hazards", "r.shp"], "'.shp' is not a format this option writes"),
        (["--raster", "r.png"], "'.png' is not a format this option writes"),
        (["--out", "."], "is a directory"),
        (["--out", "link.json"], "is a symbolic link"),
        (["--out", "ro.json"], "read-only"),
        (["--out", "same.json", "--hazards", "same.json"], "is the same file as --out"),
        (["--out", "a.json", "--hazards", "a.geojson", "--raster", "a.json"], "'.json' is not a format"),
        (["--out", "fifo.json"], "is a device, FIFO or socket"),
    ])
    func badOutputPathsAreRefusedBeforeTheRun(arguments: [String], message: String) throws {
        let scratch = try ScratchDirectory("hostile-out")
        let layer = URL(fileURLWithPath: Self.valid).deletingLastPathComponent().appendingPathComponent("layers/hazards.geojson").path
        let before = try Data(contentsOf: URL(fileURLWithPath: layer))
        _ = try scratch.write("{}", to: "ro.json")
        chmod(scratch.file("ro.json"), 0o444)
        symlink(scratch.file("target.json"), scratch.file("link.json"))
        mkfifo(scratch.file("fifo.json"), 0o600)
        let scenario = try scratch.write("{\"extends\": \"\(Self.valid)\"}", to: "scenario.json")
        let resolved = arguments.map { $0 == "LAYER" ? layer : $0 }
        let result = try run(["score", scenario] + resolved, in: scratch)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "no table is printed for a run that was refused")
        #expect(try Data(contentsOf: URL(fileURLWithPath: layer)) == before)
        #expect(try String(contentsOfFile: scratch.file("ro.json"), encoding: .utf8) == "{}")
        #expect(try String(contentsOfFile: scenario, encoding: .utf8).hasPrefix("{\"extends\""))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("target.json")))
    }

    /// A result replacing an earlier one keeps its mode (0600 stays private).
    @Test func replacedResultKeepsItsMode() throws {
        let scratch = try ScratchDirectory("hostile-mode")
        _ = try scratch.write("{}", to: "r.json")
        chmod(scratch.file("r.json"), 0o600)
        let result = try run(["score", Self.valid, "--out", "r.json"], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.file("r.json"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: scratch.file("r.json"), encoding: .utf8).count > 100)
    }

    /// A long name that fits the file system fits its temporary names too.
    @Test func longOutputNamesWork() throws {
        let scratch = try ScratchDirectory("hostile-long")
        let name = String(repeating: "n", count: 195) + ".json"
        let result = try run(["score", Self.valid, "--out", name], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.file(name)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// When one output fails to write, none is published and earlier results stay.
    @Test func oneFailedOutputPublishesNone() throws {
        let scratch = try ScratchDirectory("hostile-all-or-none")
        _ = try scratch.write("earlier", to: "r.json")
        // A directory where GDAL's GeoPackage needs to create its file: writing fails late.
        try FileManager.default.createDirectory(atPath: scratch.file(".h.tmp-staged.gpkg"), withIntermediateDirectories: false)
        _ = try scratch.write("x", to: ".h.tmp-staged.gpkg/keep")
        let result = try run(["score", Self.valid, "--out", "r.json", "--hazards", "h.gpkg"], in: scratch)
        #expect(result.status != 0 && !result.signalled, "\(result.stderr)")
        #expect(try String(contentsOfFile: scratch.file("r.json"), encoding: .utf8) == "earlier")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("h.gpkg")))
    }
}

/// Under `ulimit -v` the process must end promptly with a message, never spin in OpenBLAS.
@Suite("Address-space limit", .disabled(if: TestEnvironment.isSanitized,
                                        "sanitizer runtimes reserve terabytes of address space: ulimit -v cannot be tested under them"))
struct AddressSpaceLimitTests {
    private func underLimit(_ kilobytes: Int, _ arguments: [String]) throws -> CLIRunner.Output {
        let command = "ulimit -v \(kilobytes) && exec \"$0\" \"$@\""
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command, CLIRunner.binary.path] + arguments,
                                        in: CLIRunner.fixtures, timeout: .seconds(120))
        return CLIRunner.Output(status: run.status, stdout: run.stdout, stderr: run.stderr,
                                signalled: run.signalled, timedOut: run.timedOut)
    }

    @Test(arguments: [["validate", "valid.yaml"], ["score", "valid.yaml"], ["simulate", "valid.yaml", "--quiet"]])
    func tooLowALimitIsRefusedAtOnce(arguments: [String]) throws {
        let run = try underLimit(400_000, arguments)
        #expect(!run.timedOut && !run.signalled && run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("the address-space limit (ulimit -v) is 410 MB"), "\(run.stderr)")
    }

    /// A limit the libraries fit in caps the memory estimate: a run too large for it is refused
    /// before it allocates, naming both figures.
    @Test func theLimitCapsTheMemoryEstimate() throws {
        let run = try underLimit(1_200_000, ["simulate", "valid.yaml", "--replications", "1000000", "--yes", "--quiet"])
        #expect(!run.timedOut && run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("of memory, over the limit of"), "\(run.stderr)")
    }
}
