import Foundation

// MARK: - Structure-aware mutation

/// libFuzzer's own byte mutator (`size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize)`),
/// resolved when the fuzzer runtime is linked in. Pointer and integer arguments and an integer
/// result pass in the same registers under the Swift and C conventions.
@_silgen_name("LLVMFuzzerMutate")
func byteMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// libFuzzer custom mutator: half the time libFuzzer's byte mutations; otherwise, when the input
/// is JSON, one change to its tree that keeps it JSON: a number at the edge of a range (negative,
/// zero, 10^15, 10^300, Int.max), a number scaled, a date that does not exist, another type,
/// a field removed, an array element repeated or removed, a value copied from a sibling. Byte
/// mutations alone almost always break the JSON syntax, so the validation and the exporters
/// behind it would rarely run.
@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SplitMix64(seed: UInt64(seed))
    let bytes = { byteMutate(data, size, maxSize) }
    guard random.next() % 2 == 0,
          let tree = try? JSONSerialization.jsonObject(with: Data(bytes: data, count: size), options: [.fragmentsAllowed]) else {
        return bytes()
    }
    var mutator = JSONMutator(random: random)
    guard let mutated = try? JSONSerialization.data(withJSONObject: mutator.mutate(tree), options: [.fragmentsAllowed]),
          mutated.count <= maxSize else { return bytes() }
    mutated.copyBytes(to: data, count: mutated.count)
    return mutated.count
}

/// Reproducible 64-bit generator (SplitMix64), seeded by libFuzzer.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One random change to a JSON tree (`JSONSerialization` objects).
struct JSONMutator {
    static var numbers: [Any] { [-1, 0, -0.0, 0.5, 1, 1.5, 2, 160, 161, 365.25, 366 * 101, 1e15, 1.000001e15, 1e16, 1e300,
                                 -1e300, 4.9e-324, 9.0e18, 1_000_000_001, Int.max, Int.min, Int64(Int32.max) + 1] }
    static let strings: [String] = ["", "2023-02-30", "2024-02-29", "0000-01-01", "9999-12-31", "9995-01-01", "+202-01-01",
                                    "2026-1-01", "１２３４-01-01", "AP", "XX", "CHA", "SHA", "ahp", "direct", "score", "simulate",
                                    "compare", "clearcast", "clearcast-result/2", "\u{1B}[2J\u{202E}", "<b>&|*_`#$~"]
    static let factors: [Double] = [-1, 10, 1e10, 0.5, 1 + 1e-9, 1e-300, 1e308]

    var random: SplitMix64

    mutating func mutate(_ tree: Any) -> Any {
        var paths: [[PathStep]] = []
        collect(tree, [], into: &paths)
        guard let path = paths.randomElement(using: &random) else { return tree }
        return replacing(tree, path[...], parent: nil)
    }

    enum PathStep { case key(String), index(Int) }

    private func collect(_ node: Any, _ prefix: [PathStep], into paths: inout [[PathStep]]) {
        if !prefix.isEmpty { paths.append(prefix) }
        if let object = node as? [String: Any] {
            for (key, value) in object { collect(value, prefix + [.key(key)], into: &paths) }
        } else if let array = node as? [Any] {
            for (i, value) in array.enumerated() { collect(value, prefix + [.index(i)], into: &paths) }
        }
    }

    /// `node` with the value at `path` replaced (or removed, when the replacement is nil).
    private mutating func replacing(_ node: Any, _ path: ArraySlice<PathStep>, parent: Any?) -> Any {
        guard let step = path.first else { return replacement(for: node, parent: parent) ?? NSNull() }
        switch step {
        case .key(let key):
            guard var object = node as? [String: Any], let child = object[key] else { return node }
            object[key] = path.count == 1 ? replacement(for: child, parent: node) : replacing(child, path.dropFirst(), parent: node)
            return object
        case .index(let i):
            guard var array = node as? [Any], array.indices.contains(i) else { return node }
            if path.count > 1 {
                array[i] = replacing(array[i], path.dropFirst(), parent: node)
            } else if let value = replacement(for: array[i], parent: node) {
                array[i] = value
            } else {
                array.remove(at: i)
            }
            return array
        }
    }

    private mutating func replacement(for value: Any, parent: Any?) -> Any? {
        switch random.next() % 9 {
        case 0: return nil
        case 1: return Self.strings.randomElement(using: &random)!
        case 2: return [NSNull(), true, [Any](), [String: Any]()].randomElement(using: &random)!
        case 3:
            let siblings: [Any] = (parent as? [String: Any]).map { Array($0.values) } ?? (parent as? [Any]) ?? []
            return siblings.randomElement(using: &random) ?? value
        case 4:
            if var array = value as? [Any], let element = array.randomElement(using: &random) {
                if random.next() % 2 == 0 { array.append(element) } else { array.removeLast() }
                return array
            }
            if var object = value as? [String: Any], let first = object.values.first {
                object[["XX", "UXO", "", "manual", "p50Days", "p90Date"].randomElement(using: &random)!] = first
                return object
            }
            return Self.numbers.randomElement(using: &random)!
        default:
            if !(value is String), let number = value as? Double, random.next() % 2 == 0 {
                return number * Self.factors.randomElement(using: &random)!
            }
            if value is String, random.next() % 2 == 0 { return Self.strings.randomElement(using: &random)! }
            return Self.numbers.randomElement(using: &random)!
        }
    }
}
