import ClearcastDomain
import Foundation

// MARK: - Merging (`extends:`)

extension SourceNode {
    /// Fields an override replaces whole instead of merging into: their sub-fields are alternatives
    /// (`direct` or `ahp`), so merging would leave both.
    static let replacedWhole: Set<String> = ["scoring.weights"]

    /// Overlays `override` (the extending file's value) on `self` (the extended file's), following
    /// the rules of docs/scenario-format.md, "How `extends:` merges":
    ///
    /// - a value tagged `!replace`, ``replacedWhole`` fields and distributions (a mapping with
    ///   `dist:`) replace the base's value whole;
    /// - mappings merge key by key, recursively;
    /// - a list whose items all carry `name:` merges into the base's list by name
    ///   (``mergedByName(_:path:)``); a list without names replaces the base's;
    /// - anything else replaces.
    ///
    /// - Throws: `ScenarioError` when a list cannot be merged by name (see ``mergedByName(_:path:)``).
    /// - Complexity: O(size of both trees), plus O(k²) per mapping of k keys.
    func merged(with override: SourceNode, path: String = "") throws -> SourceNode {
        if override.origin.replacesBase || Self.replacedWhole.contains(path) { return override }
        switch (self, override) {
        case (.mapping(let basePairs, _), .mapping(let overPairs, let overOrigin)):
            // A distribution is one value: `{dist: uniform, ...}` over a lognormal must not keep the
            // lognormal's parameters. Without `dist:`, parameters merge (`{median: 400}` changes one).
            if overPairs.contains(where: { $0.key == "dist" }) { return override }
            var result = basePairs
            for (key, value) in overPairs {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if let index = result.firstIndex(where: { $0.key == key }) {
                    result[index].value = try result[index].value.merged(with: value, path: childPath)
                } else if value.namedItems != nil {
                    // Nothing to merge into, but a `delete: true` item must still be refused.
                    result.append((key, try SourceNode.sequence([], value.origin).merged(with: value, path: childPath)))
                } else {
                    result.append((key, value))
                }
            }
            return .mapping(result, overOrigin)
        case (_, .sequence) where override.namedItems != nil:
            return try mergedByName(override, path: path)
        case (_, .sequence(let items, let origin)) where items.contains(where: { $0.itemName != nil }):
            let unnamed = items.indices.filter { items[$0].itemName == nil }.map { "[\($0)]" }
            throw ScenarioError(issues: [origin.issue(path: path, message:
                "item\(unnamed.count == 1 ? "" : "s") \(unnamed.joined(separator: ", ")) \(unnamed.count == 1 ? "has" : "have") no name but others do; "
                + "a list merges into the extended one by name only when every item has a name (or write `\(Self.lastKey(of: path)): \(Self.replaceTag) [...]` to replace it)")])
        default:
            return override
        }
    }

    /// The name of each item when this is a list of mappings that all carry a `name:`; nil for
    /// anything else (a list without names, a scalar, a mapping).
    ///
    /// - Returns: nil also for an empty list (it replaces: nothing says it was meant to merge).
    var namedItems: [String]? {
        guard case .sequence(let items, _) = self, !items.isEmpty else { return nil }
        let names = items.map(\.itemName)
        return names.contains(nil) ? nil : names.compactMap { $0 }
    }

    /// The `name:` of a list item, when it is a mapping with a scalar `name:`.
    var itemName: String? {
        guard case .mapping(let pairs, _) = self, let pair = pairs.first(where: { $0.key == "name" }),
              case .scalar(let name, _, _) = pair.value, !pair.value.isNull else { return nil }
        return name
    }

    /// The key that removes a named item under `extends:`: `- {name: mechanical, delete: true}`.
    static let deleteKey = "delete"

    /// Merges the named list `override` into `self` by name: an item whose name the base has merges
    /// into that item (recursively, as mappings do), keeping its place; an item with a new name is
    /// appended, in the override's order; `{name: X, delete: true}` removes the base's item X.
    ///
    /// - Throws: `ScenarioError`, at the override's list, when the base is not a list of uniquely
    ///   named mappings (an item without `name:`, or two items with one name), when the override
    ///   names an item twice, or when it deletes a name the base lacks (with a did-you-mean).
    /// - Complexity: O(n + m) dictionary look-ups for a base of n and an override of m items, plus the
    ///   item merges.
    func mergedByName(_ override: SourceNode, path: String) throws -> SourceNode {
        guard case .sequence(let overItems, let overOrigin) = override else { return override }
        let fail = { (message: String) in ScenarioError(issues: [overOrigin.issue(path: path, message: message)]) }
        let hint = "; name every item of the extended list, or write `\(Self.lastKey(of: path)): \(Self.replaceTag) [...]` to replace the whole list"
        var baseItems: [SourceNode] = []
        switch self {
        case .sequence(let items, _): baseItems = items
        case .mapping, .scalar: if !isNull { return override }   // a type change: the reader says what was expected
        }
        var position: [String: Int] = [:]
        for (index, item) in baseItems.enumerated() {
            guard let name = item.itemName else {
                throw fail("cannot merge by name: item [\(index)] of the extended list (\(Self.location(item.origin))) has no name" + hint)
            }
            if let earlier = position[name] {
                throw fail("cannot merge by name: the extended list has two items named '\(name)' ([\(earlier)] and [\(index)], \(Self.location(item.origin)))" + hint)
            }
            position[name] = index
        }
        var merged: [SourceNode?] = baseItems
        var appended: [SourceNode] = []
        var seen = Set<String>()
        for item in overItems {
            guard let name = item.itemName, case .mapping(let pairs, _) = item else { continue }
            guard seen.insert(name).inserted else { throw fail("'\(name)' is named twice in this list; expected each name once") }
            let itemPath = "\(path)[name=\(name)]"
            if let marker = pairs.first(where: { $0.key == Self.deleteKey }) {
                guard case .scalar(let flag, false, _) = marker.value, ["true", "yes"].contains(flag.lowercased()) else {
                    throw ScenarioError(issues: [marker.value.origin.issue(path: "\(itemPath).\(Self.deleteKey)",
                        message: "found \(marker.value.kindDescription), expected true (to remove the extended item; leave the field out to keep it)")])
                }
                if let extra = pairs.first(where: { $0.key != "name" && $0.key != Self.deleteKey }) {
                    throw ScenarioError(issues: [item.origin.issue(path: itemPath,
                        message: "an item with delete: true holds only name: and delete:, found '\(extra.key)' too")])
                }
                guard let index = position[name] else {
                    let names = position.sorted { $0.value < $1.value }.map(\.key)
                    var message = "deletes '\(name)', but the extended list has no item named '\(name)'"
                    if let guess = Spelling.closest(to: name, among: names) { message += "; did you mean '\(guess)'?" }
                    message += names.isEmpty ? " (it is empty)" : " (names: \(names.joined(separator: ", ")))"
                    throw ScenarioError(issues: [item.origin.issue(path: itemPath, message: message)])
                }
                merged[index] = nil
            } else if let index = position[name], let base = merged[index] {
                merged[index] = try base.merged(with: item, path: itemPath)
            } else {
                appended.append(item)
            }
        }
        return .sequence(merged.compactMap { $0 } + appended, overOrigin)
    }

    /// `file:line` of a node, for messages that point at a second place.
    private static func location(_ origin: Origin) -> String {
        origin.line.map { "\(origin.file.lastPathComponent):\($0)" } ?? origin.file.lastPathComponent
    }

    /// `teams` for `simulation.teams`.
    private static func lastKey(of path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }
}
