import ClearcastDomain
import Foundation
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test func knownDates() throws {
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 2026, month: 1, day: 1).weekday == 4)   // Thursday
        #expect(CivilDate(year: 2024, month: 2, day: 29).adding(years: 1) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(try CivilDate(iso: "2026-03-21").description == "2026-03-21")
        #expect(throws: CivilDate.InvalidDate.self) { try CivilDate(iso: "2026-02-29") }
        #expect(throws: CivilDate.InvalidDate.self) { try CivilDate(iso: "26-1-1") }
    }

    /// Independent reference: Foundation's Gregorian calendar in UTC, on random days.
    @Test func matchesFoundationCalendar() {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        var state: UInt64 = 12345
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let days = Int(state >> 40) % 80_000 - 20_000   // ~1915 ... 2189
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let c = cal.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = CivilDate(daysSinceEpoch: days)
            #expect(civil.year == c.year && civil.month == c.month && civil.day == c.day)
            #expect(civil.daysSinceEpoch == days)
            // Foundation: 1 = Sunday; ISO: 7 = Sunday.
            #expect(civil.weekday == ((c.weekday! + 5) % 7) + 1)
        }
    }

    /// Day arithmetic crosses month, year and leap-day boundaries as the day count does.
    @Test func dayArithmetic() throws {
        let leap = try CivilDate(iso: "2024-02-28")
        #expect((leap + 1).description == "2024-02-29")
        #expect((leap + 2).description == "2024-03-01")
        #expect((try CivilDate(iso: "2025-01-01") - 1).description == "2024-12-31")
        #expect(try CivilDate(iso: "2025-01-01") - leap == 308)
        var state: UInt64 = 99
        for _ in 0..<500 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let a = Int(state >> 44) % 60_000 - 10_000, b = Int(state >> 20 & 0xFFFF) - 30_000
            let date = CivilDate(daysSinceEpoch: a)
            #expect((date + b).daysSinceEpoch == a + b)
            #expect(date + b - date == b)
            #expect((date - b) + b == date)
        }
    }
}
