/// The result of `clearcast compare`: every scenario's forecast under common random numbers, and
/// each other scenario's difference from the first (the base) with a paired 90% interval.
///
/// Schema: `schemas/result.schema.json`, `kind: "compare"`.
public struct CompareResult: Codable, Sendable, Equatable {
    public var schema: String = ResultSchema.identifier
    public var kind: String = "compare"
    public var provenance: Provenance
    public var base: String
    public var scenarios: [SimulationResult]
    public var differences: [Difference]

    /// Other minus base for one metric, paired replication by replication.
    public struct Difference: Codable, Sendable, Equatable {
        public var scenario: String
        public var metric: String
        public var units: String
        public var mean: Double
        /// 5th and 95th percentiles of the paired differences (a 90% interval).
        public var p5: Double
        public var p95: Double
    }
}
