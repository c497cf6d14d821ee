import BenchWorkloads
import Foundation

// MARK: - SummaryRow

/// One figure of the summary table: a measured value, the limit it is compared with (measured in the
/// same run, or a stated target), their ratio, and the environment it was measured in.
struct SummaryRow: Codable, Sendable {
    /// Benchmark name, no spaces or slashes, e.g. `risk.products.4000x4000.i100000`.
    var name: String
    /// Measured value.
    var value: Double
    /// Unit of `value` (and of `limit`), e.g. `GFLOP/s`, `s`, `events/s`, `bytes`.
    var unit: String
    /// What `value` is divided by: a ceiling measured in this run or a budget.
    var limit: Double?
    /// What the limit is, e.g. `dgemm.2000.t2` or `layer bytes`.
    var limitName: String?
    /// `value / limit`.
    var ratio: Double?
    /// Target for `ratio`, as text: `>= 0.70`, `< 1.5`.
    var target: String?
    /// Whether `ratio` meets `target` (nil when there is no target).
    var pass: Bool?
    /// OpenBLAS threads during the measurement.
    var threads: Int
    /// OpenBLAS kernel.
    var kernel: String
    /// CPU model.
    var cpuModel: String
    /// ISO 8601 UTC time of the measurement.
    var date: String
    /// 1-minute load average right after the measurement (other users of a shared machine).
    var loadAverage: Double?
    /// Extra remarks (e.g. how many runs the minimum is over).
    var note: String?

    init(name: String, value: Double, unit: String, limit: Double? = nil, limitName: String? = nil,
         target: Target? = nil, note: String? = nil) {
        let env = BenchEnvironment.current()
        self.name = name
        self.value = value
        self.unit = unit
        self.limit = limit
        self.limitName = limitName
        let ratio = limit.flatMap { $0 > 0 ? value / $0 : nil }
        self.ratio = ratio
        self.target = target?.description
        self.pass = ratio.flatMap { r in target.map { $0.isMet(by: r) } }
        threads = env.blasThreads
        kernel = env.kernel
        cpuModel = env.cpuModel
        date = env.date
        loadAverage = env.loadAverage
        self.note = note
    }
}

// MARK: - Target

/// A bound on a ratio.
enum Target: Sendable, CustomStringConvertible {
    case atLeast(Double)
    case below(Double)

    func isMet(by ratio: Double) -> Bool {
        switch self {
        case let .atLeast(t): ratio >= t
        case let .below(t): ratio < t
        }
    }

    var description: String {
        switch self {
        case let .atLeast(t): ">= \(t)"
        case let .below(t): "< \(t)"
        }
    }
}

// MARK: - Table

/// Prints rows as one aligned text table.
enum SummaryTable {
    static func render(_ rows: [SummaryRow], environment: BenchEnvironment) -> String {
        var lines = ["clearcast benchmark summary  \(environment.date)",
                     "CPU: \(environment.cpuModel) (\(environment.logicalCPUs) logical CPUs)  OpenBLAS kernel: \(environment.kernel)"]
        if let load = environment.loadAverage {
            lines.append(String(format: "Load average (1 min) at the end: %.2f on %d CPUs%@", load, environment.logicalCPUs,
                                load > Double(environment.logicalCPUs) * 0.75 ? " - the machine was busy; rates are understated" : ""))
        }
        if let advisory = environment.kernelAdvisory { lines.append("Note: \(advisory)") }
        lines.append("")
        let header = ["benchmark", "thr", "value", "unit", "limit", "limit is", "ratio", "target", "ok"]
        let body = rows.map { r in
            [r.name, "\(r.threads)", format(r.value), r.unit, r.limit.map(format) ?? "-", r.limitName ?? "-",
             r.ratio.map { String(format: "%.3f", $0) } ?? "-", r.target ?? "-",
             r.pass.map { $0 ? "yes" : "NO" } ?? "-"]
        }
        let widths = header.indices.map { i in ([header[i]] + body.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 || i == 3 || i == 5 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
        lines += body.map(line)
        let noted = rows.filter { $0.note != nil }
        if !noted.isEmpty {
            lines.append("")
            lines += noted.map { "  \($0.name): \($0.note ?? "")" }
        }
        let failed = rows.filter { $0.pass == false }.map(\.name)
        lines.append("")
        lines.append(failed.isEmpty ? "All targets met." : "Targets missed: \(failed.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }

    /// Three significant digits, with thousands as plain digits or exponent for large values.
    static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e7 || a < 1e-3 { return String(format: "%.3g", v) }
        if a >= 100 { return String(format: "%.0f", v) }
        if a >= 10 { return String(format: "%.1f", v) }
        return String(format: "%.3f", v)
    }
}
