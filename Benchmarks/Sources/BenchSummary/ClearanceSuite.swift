import BenchWorkloads

// MARK: - ClearanceSuite

/// Clearance-model replications per second. The ClearanceModel module's synthetic national-scale
/// builder and Monte Carlo runner are not on main yet; until they are, this suite reports nothing.
enum ClearanceSuite {
    static func rows(runs: Int, full: Bool, progress: (String) -> Void) throws -> [SummaryRow] {
        progress("clearance: not measured (ClearanceModel's synthetic model and runner are not merged yet)")
        return []
    }
}
