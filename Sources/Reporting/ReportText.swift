import ClearcastDomain

// MARK: - ReportText

/// Wording and units shared by the notebook sections: dates, areas, contamination class names
/// and quantile phrases. All output is plain text; callers escape it for Markdown or SVG.
///
/// ```swift
/// ReportText.month("2033-09-14")              // "2033-09"
/// ReportText.decimalYear("2026-07-02")        // 2026.49863...
/// ReportText.areaUnit(maximum: 2.5e6).name    // "km²"
/// ```
enum ReportText {
    /// What each contamination type code is called in prose ("Half of the replications finish …").
    static func typeName(_ code: String) -> String {
        switch code {
        case "UXO": "UXO clearance"
        case "AP": "anti-personnel mined areas"
        case "AV": "anti-vehicle mined areas"
        case "CM": "cluster-munition areas"
        default: code
        }
    }

    /// Short class labels for charts and tables.
    static func typeLabel(_ code: String) -> String {
        switch code {
        case "UXO": "UXO"
        case "AP": "Anti-personnel (AP)"
        case "AV": "Anti-vehicle (AV)"
        case "CM": "Cluster munitions (CM)"
        default: code
        }
    }

    // MARK: Dates

    /// "YYYY-MM" from "YYYY-MM-DD"; other text is returned unchanged.
    static func month(_ date: String) -> String {
        components(date) == nil ? date : String(date.prefix(7))
    }

    /// A YYYY-MM-DD date as a fractional year: year + (day of year − 1) / days in year.
    /// The notebooks' Python `decimal_year` computes the same, so redrawn charts match.
    static func decimalYear(_ date: String) -> Double? {
        guard let (year, month, day) = components(date) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        let dayOfYear = lengths.prefix(month - 1).reduce(0, +) + day
        return Double(year) + Double(dayOfYear - 1) / Double(leap ? 366 : 365)
    }

    private static func components(_ date: String) -> (Int, Int, Int)? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return (year, month, day)
    }

    /// A calendar year as tables show it: "2026", or with the covered span when the horizon covers
    /// only part of it: "2020 (from 10 Nov)", "2035 (to 9 Nov)", "2030 (10 Feb to 9 Nov)".
    static func yearLabel(_ entry: SimulationResult.YearSummary) -> String {
        partialSpan(entry).map { "\(entry.year) (\($0))" } ?? String(entry.year)
    }

    /// What part of a partial year the horizon covers ("from 10 Nov", "to 9 Nov"); nil for a full year.
    static func partialSpan(_ entry: SimulationResult.YearSummary) -> String? {
        guard entry.partial, let first = components(entry.firstDate), let last = components(entry.lastDate) else { return nil }
        let startsJanuary = (first.1, first.2) == (1, 1), endsDecember = (last.1, last.2) == (12, 31)
        return startsJanuary ? "to \(dayMonth(last))" : endsDecember ? "from \(dayMonth(first))"
            : "\(dayMonth(first)) to \(dayMonth(last))"
    }

    /// "10 Nov" for a date's (year, month, day).
    private static func dayMonth(_ date: (Int, Int, Int)) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.2) \((1...12).contains(date.1) ? months[date.1 - 1] : String(date.1))"
    }

    /// The position of the end of a yearly entry (the day after its last day) on a year axis, e.g.
    /// 2021.0 for a year ending on 31 December 2020; the notebooks' Python `year_end` computes the same.
    static func yearEnd(_ entry: SimulationResult.YearSummary) -> Double? {
        guard let last = try? CivilDate(iso: entry.lastDate) else { return nil }
        return decimalYear(last.adding(days: 1).description)
    }

    /// The calendar year of the horizon's last day (the day before the `horizonYears`-th
    /// anniversary of `start`), e.g. 2050 for 30 years from 10 November 2020; nil for a start that
    /// is not a date or a horizon that is not a positive number of at most 10,000 years.
    static func horizonLastYear(start: String, horizonYears: Double) -> Int? {
        guard let date = try? CivilDate(iso: start), horizonYears.isFinite, horizonYears > 0, horizonYears <= 10_000 else {
            return nil
        }
        return date.adding(years: Int(horizonYears.rounded(.up))).adding(days: -1).year
    }

    /// "not within horizon (2050)": what a completion that falls after the horizon is called in
    /// tables and charts; "not within horizon" when the horizon's year is unknown.
    static func notWithinHorizon(start: String, horizonYears: Double) -> String {
        horizonLastYear(start: start, horizonYears: horizonYears).map { "not within horizon (\($0))" } ?? "not within horizon"
    }

    /// Days from the start as a fractional year on the chart axes (365.25 days a year, as in Python).
    static func completionYear(start: String, days: Double?) -> Double? {
        guard let days, let origin = decimalYear(start) else { return nil }
        return origin + days / 365.25
    }

    // MARK: Areas

    /// The unit that keeps the largest area readable: km² from 1 km², hectares from 1 ha, else m².
    static func areaUnit(maximum: Double) -> (name: String, divisor: Double, python: String) {
        if maximum >= 1e6 { return ("km²", 1e6, "1e6") }
        if maximum >= 1e4 { return ("ha", 1e4, "1e4") }
        return ("m²", 1, "1.0")
    }

    static func area(_ squareMetres: Double, unit: (name: String, divisor: Double, python: String)) -> String {
        Fixed.grouped(squareMetres / unit.divisor, decimals: unit.divisor == 1 ? 0 : 2)
    }

    /// A count-like quantity: whole numbers without decimals, others with `decimals`.
    static func quantity(_ value: Double, decimals: Int = 1) -> String {
        Fixed.grouped(value, decimals: value == value.rounded() ? 0 : decimals)
    }
}
