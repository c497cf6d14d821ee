import _TestSupport
import Foundation
@testable import Reporting

// MARK: - JSON trees for corrupting results

/// One step of a path into a JSON tree: an object key or an array index.
enum JSONKey: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible, Sendable {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }

    var description: String {
        switch self {
        case .key(let name): name
        case .index(let i): "[\(i)]"
        }
    }
}

/// Results as `JSONSerialization` trees (dictionaries, arrays, numbers, strings), to corrupt one
/// field at a time and serialize again.
enum JSONTree {
    static func tree(_ value: some Encodable) throws -> Any {
        try JSONSerialization.jsonObject(with: ResultEncoding.encode(value), options: [.fragmentsAllowed])
    }

    static func data(_ tree: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed])
    }

    /// The value at `path`, or nil when the path leads nowhere.
    static func value(_ tree: Any, at path: [JSONKey]) -> Any? {
        var node: Any = tree
        for step in path {
            switch step {
            case .key(let name):
                guard let next = (node as? [String: Any])?[name] else { return nil }
                node = next
            case .index(let i):
                guard let array = node as? [Any], array.indices.contains(i) else { return nil }
                node = array[i]
            }
        }
        return node
    }

    /// `tree` with the value at `path` replaced by `value`; nil removes the key or array element.
    static func setting(_ tree: Any, _ path: [JSONKey], to value: Any?) -> Any {
        setting(tree, path[...], value)
    }

    private static func setting(_ node: Any, _ path: ArraySlice<JSONKey>, _ value: Any?) -> Any {
        guard let step = path.first else { return value ?? NSNull() }
        let last = path.count == 1
        switch step {
        case .key(let name):
            var object = node as? [String: Any] ?? [:]
            if last && value == nil {
                object.removeValue(forKey: name)
            } else {
                object[name] = setting(object[name] ?? NSNull(), path.dropFirst(), value)
            }
            return object
        case .index(let i):
            var array = node as? [Any] ?? []
            guard array.indices.contains(i) else { return array }
            if last && value == nil {
                array.remove(at: i)
            } else {
                array[i] = setting(array[i], path.dropFirst(), value)
            }
            return array
        }
    }

    /// Every path in the tree (containers and leaves), depth first.
    static func paths(_ node: Any, prefix: [JSONKey] = []) -> [[JSONKey]] {
        var result = [prefix]
        if let object = node as? [String: Any] {
            for key in object.keys.sorted() { result += paths(object[key]!, prefix: prefix + [.key(key)]) }
        } else if let array = node as? [Any] {
            for (i, element) in array.enumerated() { result += paths(element, prefix: prefix + [.index(i)]) }
        }
        return result
    }
}

// MARK: - Random corruption

/// Random, reproducible corruptions of a result tree: values out of range, other types, missing
/// and extra fields, shortened and lengthened arrays, swapped fields.
struct ResultMutator {
    static var numbers: [Any] { [-1, 0, 0.5, 1, 1.5, 2, -0.0001, 160, 161, 366 * 150, 1e15, 1e16, 1e300, -1e300,
                                 2.5e9, 9.0e18, 4.9e-324, 1_000_000_001, Int.max, Int.min] }
    static let strings: [String] = ["", "2023-02-30", "2024-02-29", "0000-01-01", "9999-12-31", "+202-01-01", "2026-1-01",
                                    "2026-03-01", "AP", "XX", "CHA", "ahp", "direct", "score", "simulate", "compare",
                                    "clearcast-result/1", "clearcast-result/2", "\u{1B}[2J<b>&", String(repeating: "é|", count: 200)]

    var random: SeededGenerator

    /// `tree` after 1 to 3 random corruptions, with a note of each.
    mutating func mutate(_ tree: Any) -> (tree: Any, notes: [String]) {
        var tree = tree
        var notes: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let paths = JSONTree.paths(tree).dropFirst()   // not the root itself
            guard let path = paths.randomElement(using: &random), let current = JSONTree.value(tree, at: path) else { break }
            let replacement = replacement(for: current, at: path, in: tree)
            tree = JSONTree.setting(tree, path, to: replacement)
            notes.append("\(path.map(\.description).joined(separator: ".")) = \(replacement.map { "\($0)".prefix(60) } ?? "(removed)")")
        }
        return (tree, notes)
    }

    private mutating func replacement(for current: Any, at path: [JSONKey], in tree: Any) -> Any? {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return nil                                                        // remove the field or element
        case 1: return Self.strings.randomElement(using: &random)!               // a string anywhere
        case 2: return [NSNull(), true, [Any](), [String: Any]()].randomElement(using: &random)!
        case 3:                                                                   // a sibling's value (swaps, duplicates)
            guard let parent = JSONTree.value(tree, at: Array(path.dropLast())) else { return current }
            let siblings: [Any] = (parent as? [String: Any]).map { Array($0.values) } ?? (parent as? [Any]) ?? []
            return siblings.randomElement(using: &random) ?? current
        case 4:                                                                   // an array one element longer or emptied
            if var array = current as? [Any], let element = array.randomElement(using: &random) {
                if Bool.random(using: &random) { array.append(element) } else { array.removeAll() }
                return array
            }
            if var object = current as? [String: Any], let value = object.values.first {
                object[Bool.random(using: &random) ? "XX" : "UXO"] = value       // an unknown or extra map key
                return object
            }
            return Self.numbers.randomElement(using: &random)!
        default:
            if !(current is String), let number = current as? Double, Bool.random(using: &random) {
                return number * [-1, 10, 1e10, 0.5, 1 + 1e-9].randomElement(using: &random)!
            }
            if current is String { return Self.strings.randomElement(using: &random)! }
            return Self.numbers.randomElement(using: &random)!
        }
    }
}
