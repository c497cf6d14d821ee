import Foundation

/// A scenario file read and merged with the files it extends, before overrides and validation.
///
/// Reading it once and building many scenarios from it (a sweep, a search over team counts, a
/// sensitivity design) avoids reading and parsing the files again for each.
///
/// ```swift
/// let source = try ScenarioSource(path: "scenarios/karabakh/baseline.yaml")
/// for factor in ["*1", "*1.5", "*2"] {
///     let scenario = try source.scenario(overrides: [ScenarioOverride(path: "simulation.teams[name=mechanical].count", value: factor)])
/// }
/// ```
public struct ScenarioSource: Sendable {
    /// The merged tree, `extends:` removed.
    let tree: SourceNode
    /// The file that was read (the most derived one when it `extends:` others).
    public let file: URL
    /// Every file read, the loaded one first, then its bases.
    public let sourceFiles: [URL]

    /// Reads the scenario at `path` and the files it extends, and merges them.
    ///
    /// - Throws: `ScenarioError` for a file that cannot be read or parsed, or a merge that fails.
    public init(path: String) throws {
        file = URL(fileURLWithPath: path).standardizedFileURL
        var chain: [URL] = []
        tree = try ScenarioLoader.loadTree(file, chain: &chain)
        sourceFiles = chain
    }

    /// The validated scenario with `overrides` applied in order (a later one wins where two set the
    /// same field); they are recorded in ``Scenario/overrides``.
    ///
    /// - Throws: `ScenarioError` listing every problem: each override whose path cannot be followed
    ///   (the others still apply), then every problem in the result, each naming the override that
    ///   caused it or the file and line that wrote it.
    public func scenario(overrides: [ScenarioOverride] = []) throws -> Scenario {
        var tree = self.tree
        var pathIssues: [ScenarioIssue] = []
        for override in overrides {
            do {
                tree = try override.apply(to: tree)
            } catch let error as ScenarioError {
                pathIssues += error.issues
            }
        }
        let log = IssueLog()
        let root = FieldReader(node: tree, path: "", log: log)
        let read = ScenarioReader.read(root, file: file, sourceFiles: sourceFiles)
        guard var scenario = read, log.isEmpty, pathIssues.isEmpty else {
            throw ScenarioError(issues: pathIssues + log.issues)
        }
        scenario.overrides = overrides
        return scenario
    }
}
