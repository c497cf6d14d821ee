import ClearanceModel
import Foundation
import Scenarios

/// One shard's part of a run (`clearcast simulate|compare|sensitivity --shard K/N --out PART`):
/// what an exact merge needs, and what it checks the parts by.
///
/// A part holds the full outcome of each of its replications (simulate, compare: per scenario) or
/// the outputs at each of its design points (sensitivity), with the run's arguments, the
/// provenance (scenario hashes, seed, replications, clearcast version and OpenBLAS kernel) and
/// which shard of how many it is. `clearcast merge` checks that the parts belong together, reloads
/// the scenarios (checking their hashes) and aggregates with the code the unsharded run uses, so
/// the merged result has the unsharded run's bytes (with `--reproducible`, on the same kernel).
///
/// Schema: `schemas/result.schema.json`, `kind: "partial"`, versioned by ``PartialSchema/identifier``.
public struct PartialResult: Codable, Sendable, Equatable {
    public var schema: String = PartialSchema.identifier
    public var kind: String = "partial"
    /// simulate, compare or sensitivity.
    public var command: String
    public var provenance: Provenance
    public var run: RunArguments
    public var shard: ShardRange
    /// simulate and compare: per scenario (in the order given), the outcomes of the shard's replications.
    public var scenarios: [ScenarioOutcomes]?
    /// sensitivity: the outputs at each of the shard's design points, in order.
    public var points: [[Double]]?

    /// What the merge needs to finish the run as the unsharded command would.
    public struct RunArguments: Codable, Sendable, Equatable {
        /// Scenario paths as given on the command line (relative to the directory the shards ran in).
        public var scenarios: [String]
        /// The `--set PATH=VALUE` arguments, in order.
        public var overrides: [String]
        public var replications: Int
        public var seed: UInt64
        /// sensitivity only: oat, morris or sobol, and the sample count.
        public var method: String?
        public var samples: Int?
        /// Whether the run was made with `--reproducible` (the merged result's provenance follows it).
        public var reproducible: Bool

        public init(scenarios: [String], overrides: [String], replications: Int, seed: UInt64, method: String? = nil,
                    samples: Int? = nil, reproducible: Bool) {
            self.scenarios = scenarios
            self.overrides = overrides
            self.replications = replications
            self.seed = seed
            self.method = method
            self.samples = samples
            self.reproducible = reproducible
        }
    }

    /// Shard `index` of `count`, and the work items it covers: `first ..< end` of `total`
    /// (replications, or design points for sensitivity).
    public struct ShardRange: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int
        public var total: Int
        public var first: Int
        public var end: Int

        public init(shard: Shard, total: Int, range: Range<Int>) {
            index = shard.index
            count = shard.count
            self.total = total
            first = range.lowerBound
            end = range.upperBound
        }

        public var label: String { "\(index)/\(count)" }
    }

    public struct ScenarioOutcomes: Codable, Sendable, Equatable {
        public var name: String
        public var contentHash: String
        /// SHA-256 of the model's hazard-area ids in its order (`SimulationRun.taskOrder(of:)`): the
        /// order of the outcomes' per-task columns, which the merge checks its rebuilt model against.
        public var taskOrder: String
        public var outcomes: [EncodedOutcome]

        public init(name: String, contentHash: String, taskOrder: String, outcomes: [ReplicationOutcomeData]) {
            self.name = name
            self.contentHash = contentHash
            self.taskOrder = taskOrder
            self.outcomes = outcomes.map(EncodedOutcome.init)
        }
    }

    public init(command: String, provenance: Provenance, run: RunArguments, shard: ShardRange,
                scenarios: [ScenarioOutcomes]? = nil, points: [[Double]]? = nil) {
        self.command = command
        self.provenance = provenance
        self.run = run
        self.shard = shard
        self.scenarios = scenarios
        self.points = points
    }
}

public enum PartialSchema {
    /// What clearcast writes for a shard's part. Bumped whenever the outcome encoding or the fields
    /// change; a merge refuses parts of another version.
    public static let identifier = "clearcast-partial/1"
}

extension PartialResult {
    /// Reads and decodes a part; checks its schema, kind and that its data fits its shard range.
    ///
    /// - Throws: ``ResultFile/ReadError`` naming the file and what was wrong.
    public static func read(_ path: String) throws -> PartialResult {
        let data = try ResultFile.contents(of: path, limit: maximumFileSize)
        struct Header: Decodable { var schema: String?; var kind: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw ResultFile.ReadError(path: path, reason: "is not a JSON object; expected a clearcast partial result (--shard K/N --out)")
        }
        guard header.kind == "partial" else {
            throw ResultFile.ReadError(path: path, reason: "has kind \(header.kind.map { "'\($0)'" } ?? "none"); expected 'partial', the part written by a run with --shard K/N")
        }
        guard header.schema == PartialSchema.identifier else {
            throw ResultFile.ReadError(path: path, reason: "has schema \(header.schema.map { "'\($0)'" } ?? "none"); expected '\(PartialSchema.identifier)': rerun the shard with this clearcast")
        }
        let part: PartialResult
        do { part = try JSONDecoder().decode(PartialResult.self, from: data) } catch let error as DecodingError {
            throw ResultFile.ReadError(path: path, reason: "does not match the partial schema: \(ResultFile.describe(error))",
                                       field: ResultFile.field(error))
        }
        try part.checkShape(path: path)
        return part
    }

    /// Largest part `read` accepts (a shard of a national-scale run holds ~180 KB per replication).
    public static let maximumFileSize = 2 << 30

    /// The shard range is K of N's block of the total, and the data has one entry per item.
    func checkShape(path: String) throws {
        func fail(_ reason: String) -> ResultFile.ReadError { ResultFile.ReadError(path: path, reason: reason) }
        guard let shard = try? Shard(index: shard.index, count: self.shard.count),
              let range = try? shard.range(of: self.shard.total, items: "items"),
              range == self.shard.first..<self.shard.end else {
            throw fail("shard \(shard.label) covers \(shard.first)..<\(shard.end) of \(shard.total); expected block K of N of the total")
        }
        let count = range.count
        switch command {
        case "simulate", "compare":
            guard let scenarios, scenarios.count == run.scenarios.count, scenarios.allSatisfy({ $0.outcomes.count == count }) else {
                throw fail("holds outcomes of \(scenarios?.map { String($0.outcomes.count) }.joined(separator: ", ") ?? "no") replications; expected \(count) for each of \(run.scenarios.count) scenario(s)")
            }
        case "sensitivity":
            guard let points, points.count == count else {
                throw fail("holds \(points?.count ?? 0) design points; expected \(count)")
            }
        default:
            throw fail("has command '\(command)'; expected simulate, compare or sensitivity")
        }
    }
}
