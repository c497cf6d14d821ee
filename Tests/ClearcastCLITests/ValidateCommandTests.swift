import _TestSupport
import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func bundledDemoScenarioIsValid() throws {
        let result = try CLIRunner.run(["validate", "scenarios/demo/demo.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid scenario"))
        #expect(result.stderr.contains("2 of 302 incidents lie outside the grid"))
    }

    @Test func fixtureScenarioIsValid() throws {
        let result = try CLIRunner.run(["validate", "valid.yaml"], in: CLIRunner.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("12 incidents (0 outside the grid), 2 settlements, 3 hazard areas"))
    }

    /// Every file in the broken corpus fails with exit code 2 and the documented message.
    @Test(arguments: try BrokenCorpus.cases())
    func brokenScenarioGivesPreciseError(_ entry: BrokenCorpus.Case) throws {
        let result = try CLIRunner.run(["validate", entry.file], in: BrokenCorpus.directory)
        #expect(result.status == entry.status, "\(entry.file): \(result.stderr)")
        #expect(result.stderr.contains(entry.message), "\(entry.file): expected «\(entry.message)» in «\(result.stderr)»")
        let namesLayer = result.stderr.contains("Fixtures/layers/")
        #expect(result.stderr.contains(entry.file) || namesLayer, "the message must name the file at fault")
        #expect(result.stdout.isEmpty)
    }

    @Test func badOptionsExitTwo() throws {
        let result = try CLIRunner.run(["validate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument"))
        let unknown = try CLIRunner.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
        let sub = try CLIRunner.run(["validate", "--help"])
        #expect(sub.status == 0 && sub.stdout.contains("SCENARIO") || sub.stdout.contains("scenario"))
    }

    /// The help's discussion is wrapped by the parser (80 columns off a terminal), not by hard line
    /// breaks in the source, which printed ragged half-empty lines: no line of it is wider than 80
    /// columns, and no prose line could have taken the next line's first word (the parser keeps lines
    /// under 80 columns).
    @Test(arguments: ["", "validate", "score", "simulate", "compare", "report"])
    func helpDiscussionIsWrappedNotRagged(command: String) throws {
        let result = try CLIRunner.run(command.isEmpty ? ["--help"] : ["help", command])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        let discussion = lines.prefix { !$0.hasPrefix("USAGE:") }.drop { !$0.isEmpty }
        #expect(!discussion.isEmpty)
        for (line, next) in zip(discussion, discussion.dropFirst()) {
            #expect(line.count <= 80, "too wide: \(line)")
            let prose = !line.isEmpty && !line.hasPrefix(" ") && !line.hasSuffix("\\")
            guard prose, let word = next.split(separator: " ").first, !next.hasPrefix(" ") else { continue }
            #expect(line.count + 1 + word.count >= 80, "hard line break before '\(word)': \(line)")
        }
    }
}

/// `Fixtures/broken/EXPECTED.tsv`: file, exit code, expected message.
enum BrokenCorpus {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var status: Int32
        var message: String
        var testDescription: String { file }
    }

    static let directory = CLIRunner.fixtures.appendingPathComponent("broken")

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3, let status = Int32(parts[1]) else { return nil }
            return Case(file: parts[0], status: status, message: parts[2])
        }
    }
}
