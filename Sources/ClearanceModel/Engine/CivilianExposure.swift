import ClearcastDomain
import Foundation

// MARK: - CivilianExposure

/// ``CivilianRiskModel`` compiled for the replication loop.
///
/// An area's incident rate per m² splits into a background part and a returnee part, each a
/// per-area coefficient times a profile shared by every area: `e(d)` (risk education) and
/// `R(d) e(d)` (returns). So the incidents a release avoids are the coefficients times the
/// profiles' tail sums from the release day on, and a clearance that releases `q/m` m² at the end
/// of each of `m` working days needs the sums of those tails over working days: both are tabled
/// once (per region calendar for the second), which keeps every booking O(1).
struct CivilianExposure: Sendable {
    let horizon: Int
    /// `κ h_i x_i b` and `κ h_i x_i n_i`: incidents per m² per day per unit of each profile.
    let background: [Double]
    let returning: [Double]
    /// `k_i(0)`, and the factor marking applies once an area is surveyed.
    let markAtStart: [Double]
    let markingFactor: Double
    /// `tail[t] = Σ_{d=t}^{H−1} e(d)`, `tailReturn[t] = Σ_{d=t}^{H−1} R(d) e(d)` (length H + 1).
    let tail: [Double]
    let tailReturn: [Double]
    /// Per region: `sums[k] = Σ_{j<k} tail[list[j] + 1]` over the calendar's working days.
    let workTail: [[Double]]
    let workTailReturn: [[Double]]
    /// Expected incidents over the horizon with no clearance and no survey (nothing marked).
    let baselineIncidents: Double
    /// Day on which each calendar year ends (exclusive; ``ClearanceModel/yearEndDays``), and per year
    /// the profiles' sums over its days: `Σ_{d∈y} e(d)` and `Σ_{d∈y} R(d) e(d)`.
    let yearEnds: [Int]
    let yearSum: [Double]
    let yearSumReturn: [Double]
    /// Expected incidents per calendar year with no clearance and no survey.
    let baselineByYear: [Double]

    /// - Complexity: O(horizon × (1 + regions) + tasks + years).
    /// - Parameter tasks: the model's tasks, then its discovered ones (zero exposure: see
    ///   ``ClearanceModel/discoveredTasks``).
    init(model: ClearanceModel, tasks: [HazardArea], horizon h: Int, calendars: [WorkingDays], yearEnds ends: [Int]) {
        horizon = h
        let risk = model.civilianRisk
        let education = (0..<h).map { Self.educationFactor(risk.riskEducation, start: model.startDate, day: $0) }
        let returned = Self.returnShares(risk.returnSchedule, start: model.startDate, horizon: h)
        var t1 = [Double](repeating: 0, count: h + 1), t2 = t1
        for d in stride(from: h - 1, through: 0, by: -1) {
            t1[d] = t1[d + 1] + education[d]
            t2[d] = t2[d + 1] + returned[d] * education[d]
        }
        tail = t1
        tailReturn = t2
        workTail = calendars.map { cal in Self.workingSums(cal, t1) }
        workTailReturn = calendars.map { cal in Self.workingSums(cal, t2) }
        markingFactor = 1 - risk.markingEffect
        markAtStart = tasks.map(risk.markingFactorAtStart)
        let weight = tasks.map { risk.hazard(of: $0) * $0.civilianExposure }
        let b = risk.backgroundExposure
        // Calibration at day 0; when nobody is exposed on day 0, on the horizon's mean instead.
        let e0 = education.first ?? 1, r0 = returned.first ?? 1
        var day0 = 0.0, mean = 0.0
        for (i, t) in tasks.enumerated() {
            let a = t.area * markAtStart[i] * weight[i]
            day0 += a * (b + t.returnees * r0) * e0
            mean += a * (b * t1[0] + t.returnees * t2[0]) / Double(max(h, 1))
        }
        let perDay = risk.incidentsPerYear / 365.2425
        let kappa = day0 > 0 ? perDay / day0 : (mean > 0 ? perDay / mean : 0)
        background = weight.map { kappa * $0 * b }
        returning = zip(weight, tasks).map { kappa * $0 * $1.returnees }
        var base = 0.0
        for (i, t) in tasks.enumerated() { base += t.area * markAtStart[i] * (background[i] * t1[0] + returning[i] * t2[0]) }
        baselineIncidents = base
        yearEnds = ends
        let starts = [0] + ends.dropLast()
        yearSum = zip(starts, ends).map { t1[min($0, h)] - t1[min($1, h)] }
        yearSumReturn = zip(starts, ends).map { t2[min($0, h)] - t2[min($1, h)] }
        var sumBackground = 0.0, sumReturning = 0.0
        for (i, t) in tasks.enumerated() {
            sumBackground += t.area * markAtStart[i] * background[i]
            sumReturning += t.area * markAtStart[i] * returning[i]
        }
        baselineByYear = zip(yearSum, yearSumReturn).map { sumBackground * $0 + sumReturning * $1 }
    }

    /// Incidents per m² of area `i` from day `t` to the horizon, before marking.
    @inline(__always)
    func tailRate(_ i: Int, from t: Int) -> Double {
        let d = min(max(t, 0), horizon)
        return background[i] * tail[d] + returning[i] * tailReturn[d]
    }

    /// Incidents per m² (released per day) avoided by releasing at the end of each of `k` working
    /// days from the `k0`-th working day of region `r`'s calendar, before marking.
    @inline(__always)
    func workingRate(_ i: Int, region r: Int, firstIndex k0: Int, count k: Int) -> Double {
        background[i] * (workTail[r][k0 + k] - workTail[r][k0]) + returning[i] * (workTailReturn[r][k0 + k] - workTailReturn[r][k0])
    }

    /// Of the incidents per m² ``tailRate(_:from:)`` gives, those within the calendar year of day `t`
    /// (the rest fall on whole later years: ``yearSum``).
    @inline(__always)
    func tailRateWithinYear(_ i: Int, from t: Int, year y: Int) -> Double {
        let d = min(max(t, 0), horizon), e = min(yearEnds[y], horizon)
        return background[i] * (tail[d] - tail[e]) + returning[i] * (tailReturn[d] - tailReturn[e])
    }

    /// Of ``workingRate(_:region:firstIndex:count:)``, the part within calendar year `y`: the
    /// working days `[k0, k0 + k)` all lie in `y`.
    @inline(__always)
    func workingRateWithinYear(_ i: Int, region r: Int, firstIndex k0: Int, count k: Int, year y: Int) -> Double {
        let e = min(yearEnds[y], horizon), n = Double(k)
        return background[i] * (workTail[r][k0 + k] - workTail[r][k0] - n * tail[e])
            + returning[i] * (workTailReturn[r][k0 + k] - workTailReturn[r][k0] - n * tailReturn[e])
    }

    /// Mean incidents a year area `i` causes over the horizon if nothing is done about it.
    func incidentsPerYearIfLeft(_ i: Int, area: Double) -> Double {
        horizon > 0 ? area * markAtStart[i] * tailRate(i, from: 0) * 365.2425 / Double(horizon) : 0
    }

    // MARK: Profiles

    /// `e(d)`: 1 before the first campaign, then `1 − effect × 2^(−(d − last campaign) / half-life)`.
    static func educationFactor(_ r: CivilianRiskModel.RiskEducation?, start: CivilDate, day d: Int) -> Double {
        guard let r else { return 1 }
        let first = Double(start.days(to: r.first))
        let since = Double(d) - first
        guard since >= 0 else { return 1 }
        var elapsed = since
        if let every = r.everyYears {
            let period = every * 365.2425
            elapsed = since - (since / period).rounded(.down) * period
        }
        return 1 - r.effect * exp2(-elapsed / (r.halfLifeYears * 365.2425))
    }

    /// `R(d)` for every day: linear between schedule points, constant outside, 1 when empty.
    static func returnShares(_ schedule: [CivilianRiskModel.ReturnPoint], start: CivilDate, horizon h: Int) -> [Double] {
        guard let first = schedule.first, let last = schedule.last else { return [Double](repeating: 1, count: h) }
        let points = schedule.map { (day: Double(start.days(to: $0.date)), share: $0.share) }
        var j = 0
        return (0..<h).map { d in
            let x = Double(d)
            if x <= points[0].day { return first.share }
            if x >= points[points.count - 1].day { return last.share }
            while points[j + 1].day < x { j += 1 }
            let (a, b) = (points[j], points[j + 1])
            return a.share + (b.share - a.share) * (x - a.day) / (b.day - a.day)
        }
    }

    static func workingSums(_ cal: WorkingDays, _ tail: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: cal.list.count + 1)
        for k in 0..<cal.list.count { sums[k + 1] = sums[k] + tail[min(Int(cal.list[k]) + 1, tail.count - 1)] }
        return sums
    }
}
