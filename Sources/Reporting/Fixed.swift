// MARK: - Fixed

/// Locale-independent fixed-decimal number formatting for SVG coordinates, tables and prose.
///
/// `String(format:)` and `NumberFormatter` can follow the process locale (decimal commas), which
/// would corrupt SVG path data and make notebooks differ between machines; this never does.
///
/// ```swift
/// Fixed.format(3.14159, decimals: 2)         // "3.14"
/// Fixed.grouped(1234567.8, decimals: 0)      // "1,234,568"
/// ```
enum Fixed {
    /// `value` rounded half away from zero to `decimals` places, without grouping; "-0" never appears.
    /// Non-finite values (which results never hold) format as "n/a" rather than trapping.
    static func format(_ value: Double, decimals: Int) -> String {
        digits(value, decimals: decimals, grouping: false)
    }

    /// Like `format`, with a comma between groups of three integer digits.
    static func grouped(_ value: Double, decimals: Int) -> String {
        digits(value, decimals: decimals, grouping: true)
    }

    /// A share in [0, 1] as a percentage, e.g. `percent(0.256)` is "25.6%".
    static func percent(_ share: Double, decimals: Int = 1) -> String {
        format(share * 100, decimals: decimals) + "%"
    }

    // MARK: Implementation

    private static func digits(_ value: Double, decimals: Int, grouping: Bool) -> String {
        guard value.isFinite else { return "n/a" }
        let places = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^63 the integer split below would trap; such magnitudes only arise from bugs.
        guard scaled < 9.0e18 else { return value < 0 ? "-" + String(abs(value)) : String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var integer = String(units / divisor)
        if grouping && integer.count > 3 {
            var groupedDigits: [Character] = []
            for (index, character) in integer.enumerated() {
                if index > 0 && (integer.count - index) % 3 == 0 { groupedDigits.append(",") }
                groupedDigits.append(character)
            }
            integer = String(groupedDigits)
        }
        var text = integer
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0) ? "-" + text : text
    }
}
