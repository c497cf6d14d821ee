/// The value of one attribute field of a feature.
///
/// Integers of any OGR width become `integer`; date and date-time fields become `date` (the time of
/// day is dropped because the models work per day). Other OGR field types (lists, binary, time) are
/// read as their GDAL string form.
///
/// ```swift
/// let v = AttributeValue.integer(3)
/// v.doubleValue   // 3.0
/// ```
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case real(Double)
    case date(year: Int, month: Int, day: Int)
    case null

    // MARK: Convenience accessors

    /// The string, when the value is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, when the value is an integer (reals are not truncated).
    public var intValue: Int? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// The number, when the value is an integer or a real.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        default: nil
        }
    }

    /// The date components, when the value is a date.
    public var dateValue: (year: Int, month: Int, day: Int)? {
        if case .date(let y, let m, let d) = self { return (y, m, d) }
        return nil
    }

    /// Whether the field was unset or null.
    public var isNull: Bool { self == .null }
}
