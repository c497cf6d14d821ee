import Foundation

/// Loads and validates scenario files.
///
/// ```swift
/// do {
///     let scenario = try ScenarioLoader.load(path: "scenarios/karabakh/more-survey.yaml")
/// } catch let error as ScenarioError {
///     print(error)   // every problem, each with file, line, field and what was expected
/// }
/// ```
public enum ScenarioLoader {
    /// Deepest `extends:` chain accepted; deeper chains are almost certainly a mistake.
    static let maximumExtendsDepth = 16
    /// Largest scenario file read (layers are separate files); guards against a wrong path.
    static let maximumFileBytes = 8 << 20

    /// Loads the scenario at `path`, following `extends:`, applies `overrides` (`--set`) in order,
    /// and validates every field. To build many scenarios from one file, read it once with
    /// ``ScenarioSource``.
    ///
    /// - Throws: `ScenarioError` listing every problem, each naming the file and line, or the
    ///   override, that caused it.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioSource(path: path).scenario(overrides: overrides)
    }

    /// Reads `url` and everything it extends, merged, with `extends:` itself removed.
    static func loadTree(_ url: URL, chain: inout [URL]) throws -> SourceNode {
        if let index = chain.firstIndex(of: url) {
            let cycle = (chain[index...] + [url]).map(\.lastPathComponent).joined(separator: " -> ")
            throw ScenarioError(file: chain.last?.path ?? url.path, path: "extends", message: "extends cycle: \(cycle)")
        }
        guard chain.count < maximumExtendsDepth else {
            // Blame the file whose `extends:` went one level too deep, not the file it names.
            throw ScenarioError(file: chain.last?.path ?? url.path, path: "extends",
                                message: "more than \(maximumExtendsDepth) levels of extends (\(chain.first?.lastPathComponent ?? "") → … → \(url.lastPathComponent)); expected a short chain")
        }
        chain.append(url)
        let text = try readText(url)
        let tree = try SourceNode.parse(text, file: url)
        guard case .mapping(let pairs, let origin) = tree else {
            throw ScenarioError(file: url.path, line: tree.origin.line, message: "found \(tree.kindDescription) at the top of the file, expected a scenario mapping")
        }
        guard let extendsPair = pairs.first(where: { $0.key == "extends" }) else { return tree }
        guard case .scalar(let basePath, _, let baseOrigin) = extendsPair.value, !basePath.isEmpty else {
            throw ScenarioError(file: url.path, path: "extends", line: extendsPair.value.origin.line,
                                message: "found \(extendsPair.value.kindDescription), expected the path of a scenario file")
        }
        let baseURL = URL(fileURLWithPath: basePath, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        guard FileManager.default.fileExists(atPath: baseURL.path) else {
            throw ScenarioError(file: url.path, path: "extends", line: baseOrigin.line,
                                message: "extended scenario '\(basePath)' not found (looked for \(baseURL.path))")
        }
        if let type = (try? FileManager.default.attributesOfItem(atPath: baseURL.resolvingSymlinksInPath().path))?[.type] as? FileAttributeType,
           type != .typeRegular {
            throw ScenarioError(file: url.path, path: "extends", line: baseOrigin.line,
                                message: "extended scenario '\(basePath)' is \(describe(type)), expected a regular scenario file")
        }
        let base = try loadTree(baseURL, chain: &chain)
        let own = SourceNode.mapping(pairs.filter { $0.key != "extends" }, origin)
        return try base.merged(with: own)
    }

    private static func readText(_ url: URL) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: url.path, message: "scenario file not found")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(file: url.path, message: "is a directory, expected a scenario file (.yaml, .yml or .json)")
        }
        let data: Data
        do {
            // Symbolic links are followed: the file they name is what gets read.
            let attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
            // Reading a FIFO blocks forever and a device never ends: open regular files only.
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                throw ScenarioError(file: url.path, message: "is \(Self.describe(type)), expected a regular scenario file (.yaml, .yml or .json)")
            }
            if let size = attributes[.size] as? Int, size > maximumFileBytes {
                throw ScenarioError(file: url.path, message: "file is \(size) bytes, expected a scenario of at most \(maximumFileBytes) bytes (layers belong in separate files)")
            }
            // An empty regular file is answered without reading it: besides being the clearer
            // message, it avoids a 4 KiB leak in Foundation's Data(contentsOf:) for 0-byte files
            // (swift-foundation, Swift 6.3.1; found by Fuzz/FuzzScenarioLoader under LeakSanitizer).
            if let size = attributes[.size] as? Int, size == 0, attributes[.type] as? FileAttributeType == .typeRegular {
                throw ScenarioError(file: url.path, line: 1, message: "the file is empty; expected a scenario mapping")
            }
            data = try Data(contentsOf: url)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: url.path, message: "is not UTF-8 text, expected a YAML or JSON scenario")
        }
        return text
    }

    static func describe(_ type: FileAttributeType) -> String {
        switch type {
        case .typeCharacterSpecial: "a character device"
        case .typeBlockSpecial: "a block device"
        case .typeSocket: "a socket"
        case .typeDirectory: "a directory"
        case .typeSymbolicLink: "a dangling symbolic link"
        default: "not a regular file (a FIFO or other special file)"
        }
    }
}
