import ClearanceModel
import ClearcastDomain
import Foundation

extension CivilDate {
    /// The date written `YYYY-MM-DD`, or nil (for readers that log their own message).
    public static func parse(_ text: String) -> CivilDate? { try? CivilDate(iso: text) }

    /// The date `year`-`month`-`day`, or nil when no such day exists (e.g. 2023-02-29).
    static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? date : nil
    }

    /// Today's date in UTC.
    public static var today: CivilDate {
        CivilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
