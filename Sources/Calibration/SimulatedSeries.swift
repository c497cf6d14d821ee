import ClearanceModel
import ClearcastDomain

/// Reads, from one replication's summary, the figure each observed row reports: the same metric
/// over the same period.
///
/// The simulator books releases per calendar year (``ClearanceModel/yearEndDays``). A row covering
/// exactly one simulated year takes that year's figure; another period takes the overlap-weighted
/// sum of the years it touches, as if releases were spread evenly within each year (the rule of
/// `Backtest`; exact for calendar-year rows, which is how programmes mostly report). Released area
/// by type is the fall of that type's hazardous area over the period (the summary's area left per
/// type at each year's end), which is what was released of it.
public struct SimulatedSeries: Sendable {
    struct Term: Sendable {
        var year: Int
        var weight: Double
    }

    let rows: [ObservedSeries.Row]
    let terms: [[Term]]
    let initialByType: [ContaminationType: Double]

    /// - Throws: `CalibrationError.observedOutsideSimulation` naming the first row whose period is
    ///   not inside the simulated span, or that reports a type the scenario has no hazard of.
    public init(observed: ObservedSeries, model: ClearanceModel) throws {
        let ends = model.yearEndDays
        var initial: [ContaminationType: Double] = [:]
        for task in model.tasks { initial[task.contamination, default: 0] += task.area }
        var terms: [[Term]] = []
        for row in observed.rows {
            let from = Double(model.startDate.days(to: row.periodStart)), to = Double(model.startDate.days(to: row.periodEnd) + 1)
            guard from >= 0, to <= Double(ends.last ?? 0) else {
                throw CalibrationError.observedOutsideSimulation(
                    "\(observed.path):\(row.line): the period \(row.periodStart) to \(row.periodEnd) is not inside the simulation "
                    + "(\(model.startDate) to \(model.startDate.adding(days: model.horizonDays - 1))); expected observed periods "
                    + "after the scenario's start_date and within its horizon (use a scenario that starts before the first observation)")
            }
            if let type = row.type, initial[type] == nil {
                throw CalibrationError.observedOutsideSimulation(
                    "\(observed.path):\(row.line): type \(type.rawValue): the scenario has no hazard of this type; expected one of "
                    + initial.keys.map(\.rawValue).sorted().joined(separator: ", "))
            }
            var rowTerms: [Term] = []
            for (k, end) in ends.enumerated() {
                let start = Double(k == 0 ? 0 : ends[k - 1])
                let overlap = max(0, min(to, Double(end)) - max(from, start))
                if overlap > 0 { rowTerms.append(Term(year: k, weight: overlap / (Double(end) - start))) }
            }
            terms.append(rowTerms)
        }
        rows = observed.rows
        self.terms = terms
        initialByType = initial
    }

    /// The simulated figure of every row (m²), in the rows' order.
    ///
    /// - Complexity: O(rows × years per row).
    public func values(_ summary: ReplicationSummary) -> [Double] {
        zip(rows, terms).map { row, terms in
            terms.reduce(0.0) { sum, term in sum + term.weight * yearValue(summary, row: row, year: term.year) }
        }
    }

    private func yearValue(_ s: ReplicationSummary, row: ObservedSeries.Row, year k: Int) -> Double {
        let at = { (series: [Double]) in k < series.count ? series[k] : 0 }
        switch row.metric {
        case .cancelledArea: return at(s.cancelledByYear)
        case .reducedArea: return at(s.reducedByYear)
        case .clearedArea: return at(s.clearedByYear)
        case .civilianCasualties: return at(s.expectedCivilianCasualtiesByYear)
        case .deminerCasualties: return at(s.deminerCasualtiesByYear)
        case .releasedArea:
            guard let type = row.type else { return at(s.cancelledByYear) + at(s.reducedByYear) + at(s.clearedByYear) }
            let remaining = s.remainingByYearByClass[type] ?? []
            let before = k == 0 ? initialByType[type] ?? 0 : k - 1 < remaining.count ? remaining[k - 1] : 0
            return max(0, before - at(remaining))
        }
    }
}

/// Why a calibration cannot run.
public enum CalibrationError: Error, Sendable, CustomStringConvertible {
    case observedOutsideSimulation(String)
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .observedOutsideSimulation(let message), .invalidParameter(let message): message
        }
    }
}
