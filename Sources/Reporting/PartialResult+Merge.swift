import ClearanceModel
import Foundation

/// The parts of one sharded run, checked to belong together and ordered by shard.
///
/// Parts belong together when they come from the same command, arguments, scenarios (names,
/// content hashes and overrides), seed, replication count, clearcast version and OpenBLAS kernel,
/// and cut the same total into the same number of shards; every shard 1…N must be there once.
public struct PartialSet: Sendable {
    /// The parts, by shard index (1…N).
    public let parts: [PartialResult]
    public let paths: [String]
    /// What every part shares (shard 1's copy).
    public var first: PartialResult { parts[0] }

    /// A merge that cannot be made; the message names the file, the shard and what was expected.
    public struct MergeError: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// - Throws: ``MergeError`` for no parts, parts of different runs (naming the field and both
    ///   files), a shard given twice (naming both files) or missing (naming it).
    public init(_ given: [(path: String, part: PartialResult)]) throws {
        guard let (firstPath, reference) = given.first else { throw MergeError("no parts given; expected the N parts of a run made with --shard K/N") }
        for (path, part) in given.dropFirst() {
            if let field = Self.difference(reference, part) {
                throw MergeError("\(path) does not belong with \(firstPath): they differ in \(field); expected the parts of one run (same command, scenarios, --set, seed, replications, clearcast version, kernel and shard count)")
            }
        }
        var byIndex: [Int: (path: String, part: PartialResult)] = [:]
        for (path, part) in given {
            if let earlier = byIndex[part.shard.index] {
                throw MergeError("shard \(part.shard.label) is given twice: \(earlier.path) and \(path); expected each shard once")
            }
            byIndex[part.shard.index] = (path, part)
        }
        let n = reference.shard.count
        let missing = (1...n).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let list = missing.prefix(10).map { "\($0)/\(n)" }.joined(separator: ", ") + (missing.count > 10 ? " and \(missing.count - 10) more" : "")
            throw MergeError("shard\(missing.count == 1 ? "" : "s") \(list) \(missing.count == 1 ? "is" : "are") missing (\(given.count) of \(n) parts given); rerun \(missing.count == 1 ? "it" : "them") with --shard \(missing[0])/\(n) … and merge all \(n) parts")
        }
        let ordered = (1...n).compactMap { byIndex[$0] }
        parts = ordered.map(\.part)
        paths = ordered.map(\.path)
    }

    /// The first field in which `b` is not a part of the same run as `a`, or nil.
    static func difference(_ a: PartialResult, _ b: PartialResult) -> String? {
        if a.command != b.command { return "command ('\(b.command)' against '\(a.command)')" }
        if a.run.seed != b.run.seed { return "seed (\(b.run.seed) against \(a.run.seed))" }
        if a.run.replications != b.run.replications { return "replications (\(b.run.replications) against \(a.run.replications))" }
        if a.run.scenarios != b.run.scenarios { return "scenario paths (\(b.run.scenarios.joined(separator: ", ")) against \(a.run.scenarios.joined(separator: ", ")))" }
        if a.run.overrides != b.run.overrides { return "--set overrides" }
        if a.run.method != b.run.method || a.run.samples != b.run.samples { return "method or samples" }
        if a.run.reproducible != b.run.reproducible { return "--reproducible" }
        let hashes = { (p: PartialResult) in p.provenance.scenarios.map(\.contentHash) }
        if hashes(a) != hashes(b) { return "scenario content hash (the scenario or a layer changed between shards)" }
        if a.provenance.version != b.provenance.version { return "clearcast version (\(b.provenance.version) against \(a.provenance.version))" }
        if a.provenance.blas?.core != b.provenance.blas?.core {
            return "OpenBLAS kernel (\(b.provenance.blas?.core ?? "none") against \(a.provenance.blas?.core ?? "none"); set OPENBLAS_CORETYPE alike on every node)"
        }
        if a.scenarios?.map(\.taskOrder) != b.scenarios?.map(\.taskOrder) {
            return "order of hazard areas (the risk ranking differs: another kernel or build?)"
        }
        if a.shard.count != b.shard.count { return "shard count (\(b.shard.count) against \(a.shard.count))" }
        if a.shard.total != b.shard.total { return "total (\(b.shard.total) against \(a.shard.total))" }
        return nil
    }

    /// Scenario `s`'s outcomes of every replication, in replication order.
    ///
    /// - Throws: ``ResultFile/ReadError`` when a part's encoded outcome is damaged.
    public func outcomes(scenario s: Int) throws -> [ReplicationOutcomeData] {
        var all: [ReplicationOutcomeData] = []
        all.reserveCapacity(first.shard.total)
        for (part, path) in zip(parts, paths) {
            for (k, encoded) in (part.scenarios?[s].outcomes ?? []).enumerated() {
                all.append(try encoded.decoded(path: path, field: "scenarios[\(s)].outcomes[\(k)]"))
            }
        }
        return all
    }

    /// A sensitivity run's outputs at every point, in point order.
    public var points: [[Double]] { parts.flatMap { $0.points ?? [] } }
}
