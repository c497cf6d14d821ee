import Foundation
import Testing

/// Every number in a bundled scenario cites its source (scenarios/README.md): a line that sets a
/// number carries a comment, and in the `scoring:` and `simulation:` sections that comment has a
/// confidence tag — [S] solid, [R] reported, [D] derived, [G] guess or modelling assumption.
@Suite struct ScenarioCitationTests {
    static let scenarios: [URL] = {
        let root = CLIRunner.packageRoot.appendingPathComponent("scenarios")
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
        return paths.filter { $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent($0) }
    }()

    /// Keys whose numbers are identifiers or places, not facts: they need a comment, not a tag.
    static let untaggedKeys: Set<String> = ["seed", "base", "clearcast", "bbox", "crs", "cell_size", "reference_date", "name"]

    @Test func bundledScenariosExist() {
        #expect(Self.scenarios.count >= 10)
    }

    @Test(arguments: scenarios.map(\.lastPathComponent))
    func everyNumberCitesItsSource(_ name: String) throws {
        let url = try #require(Self.scenarios.first { $0.lastPathComponent == name })
        var section = ""
        var inBlockText = false
        for (index, line) in try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").enumerated() {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let indent = line.prefix { $0 == " " }.count
            if indent == 0, let key = code.split(separator: ":").first, !code.trimmingCharacters(in: .whitespaces).isEmpty {
                section = String(key)
                // `description: >` starts prose, which is not checked.
                inBlockText = code.contains(": >") || code.contains(": |")
                if inBlockText || section == "name" { continue }
            } else if inBlockText {
                continue
            }
            guard let colon = code.firstIndex(of: ":") ?? (code.trimmingCharacters(in: .whitespaces).hasPrefix("-") ? code.startIndex : nil) else { continue }
            let key = code[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            let value = code[code.index(after: colon)...]
            guard value.contains(where: \.isNumber) else { continue }
            // Field paths, labels and output names of the uncertainty section hold digits (p90,
            // max_area_per_team_m2) but no numbers; its ranges are checked like any other value.
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            if section == "uncertainty",
               ["path", "label", "outputs"].contains(key) || trimmed.hasPrefix("- simulation.") || trimmed.hasPrefix("- scoring.") {
                continue
            }
            let location = "\(name):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))"
            #expect(line.contains("#"), "a number without a comment citing its source: \(location)")
            if ["scoring", "simulation"].contains(section), !Self.untaggedKeys.contains(key), line.contains("#") {
                let comment = String(line[line.firstIndex(of: "#")!...])
                let tagged = ["[S", "[R", "[D", "[G"].contains { comment.contains($0) }
                #expect(tagged, "no confidence tag ([S]/[R]/[D]/[G]) on: \(location)")
            }
        }
    }
}
