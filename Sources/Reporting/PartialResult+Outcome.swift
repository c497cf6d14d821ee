import ClearanceModel
import Foundation

extension PartialResult {
    /// One replication's outcome as a part stores it: the summary and the completion days per class
    /// and region as JSON, and the per-task columns (the bulk: five numbers per hazard area) as
    /// base64 of little-endian binary, which is exact and reads at memory speed.
    ///
    /// `tasks` layout, for T tasks in the model's order: T × Int32 release days (-1: not released),
    /// then T × Float64 each of the areas cancelled, reduced, cleared and remaining (m²).
    public struct EncodedOutcome: Codable, Sendable, Equatable {
        public var summary: ReplicationSummary
        /// Per contamination class index, per region index; null when unfinished or absent.
        public var completionByClass: [Int?]
        public var completionByRegion: [Int?]
        public var taskCount: Int
        public var tasks: String

        public init(_ outcome: ReplicationOutcomeData) {
            summary = outcome.summary
            completionByClass = outcome.completionByClass
            completionByRegion = outcome.completionByRegion
            taskCount = outcome.releaseDay.count
            var bytes = Data(capacity: taskCount * 36)
            outcome.releaseDay.withUnsafeBufferPointer { days in
                for day in days { withUnsafeBytes(of: day.littleEndian) { bytes.append(contentsOf: $0) } }
            }
            for column in [outcome.cancelledByTask, outcome.reducedByTask, outcome.clearedByTask, outcome.remainingByTask] {
                for value in column { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
            }
            tasks = bytes.base64EncodedString()
        }

        /// The outcome back, bit for bit.
        ///
        /// - Throws: ``ResultFile/ReadError`` (with `path` and the outcome's place) when `tasks` is not
        ///   base64 of `taskCount` × 36 bytes.
        public func decoded(path: String, field: String) throws -> ReplicationOutcomeData {
            let t = taskCount
            guard t >= 0, let bytes = Data(base64Encoded: tasks), bytes.count == t * 36 else {
                throw ResultFile.ReadError(path: path, reason: "\(field).tasks is not base64 of \(taskCount) × 36 bytes; expected the part as clearcast wrote it", field: field + ".tasks")
            }
            var days = [Int32](repeating: 0, count: t)
            var columns = [[Double]](repeating: [Double](repeating: 0, count: t), count: 4)
            bytes.withUnsafeBytes { raw in
                for i in 0..<t { days[i] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) }
                for c in 0..<4 {
                    let base = 4 * t + 8 * t * c
                    columns[c].withUnsafeMutableBufferPointer { out in
                        for i in 0..<t {
                            out[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: base + 8 * i, as: UInt64.self)))
                        }
                    }
                }
            }
            return ReplicationOutcomeData(summary: summary, completionByClass: completionByClass,
                                          completionByRegion: completionByRegion, releaseDay: days,
                                          cancelledByTask: columns[0], reducedByTask: columns[1], clearedByTask: columns[2],
                                          remainingByTask: columns[3])
        }
    }
}
