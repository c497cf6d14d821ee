// MARK: - CivilDate

/// A proleptic Gregorian calendar date with no time of day and no time zone.
///
/// The simulation counts time in whole days since its start date; `CivilDate` converts between
/// those day numbers and calendar dates with pure integer arithmetic (Howard Hinnant's
/// `days_from_civil` / `civil_from_days`), so results never depend on the host's locale,
/// time zone or Foundation version.
///
/// ```swift
/// let start = try CivilDate(iso: "2026-01-01")
/// start.weekday            // 4 (Thursday; ISO 1 = Monday ... 7 = Sunday)
/// start.adding(days: 59)   // 2026-03-01
/// ```
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Text that is not a calendar date written `YYYY-MM-DD`, with the reason.
    public struct InvalidDate: Error, CustomStringConvertible, Equatable, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; call ``validate()`` (or use ``init(iso:)``) for user input.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// - Throws: ``InvalidDate`` when the text is not a valid date.
    public init(iso text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw InvalidDate(description: "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        self.init(year: y, month: m, day: d)
        guard isValid else {
            guard (1...12).contains(m), (1...9999).contains(y) else {
                throw InvalidDate(description: "'\(text)' does not exist: expected a month from 01 to 12 and a year from 0001 to 9999")
            }
            throw InvalidDate(description: "'\(text)' does not exist: month \(parts[1]) of \(parts[0]) has \(Self.daysIn(month: m, year: y)) days")
        }
    }

    /// Creates the date `days` days after 1970-01-01 (negative numbers go backwards).
    ///
    /// - Complexity: O(1).
    public init(daysSinceEpoch days: Int) {
        // civil_from_days: eras of 400 years (146097 days) starting 0000-03-01.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    // MARK: Conversions

    /// Days since 1970-01-01 (days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601 weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The date `days` days later.
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same month and day `years` later; 29 February becomes 28 February in common years.
    public func adding(years: Int) -> CivilDate {
        let y = year + years
        return CivilDate(year: y, month: month, day: min(day, CivilDate.daysIn(month: month, year: y)))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// `date + 3` is three days later (as ``adding(days:)``).
    public static func + (date: CivilDate, days: Int) -> CivilDate { date.adding(days: days) }
    /// `date - 3` is three days earlier.
    public static func - (date: CivilDate, days: Int) -> CivilDate { date.adding(days: -days) }
    /// `later - earlier` is the whole days between them (as ``days(to:)``, reversed).
    public static func - (later: CivilDate, earlier: CivilDate) -> Int { earlier.days(to: later) }

    // MARK: Validity

    /// True when month and day name a real Gregorian date (years 1...9999).
    public var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month)
            && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        case 1...12: return 31
        default: return 0
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
