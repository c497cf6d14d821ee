import ClearanceModel
import ClearcastDomain
import GeoData

/// Reads the attributes of one layer feature, logging precise problems (file, feature, attribute).
struct FeatureReader {
    let layer: VectorLayer
    let feature: VectorFeature
    let layerName: String
    let log: LayerIssueLog
    /// The layer's `fields:`/`values:` mapping.
    var source: LayerSpec.Source?

    func fail(_ attribute: String?, _ message: String) {
        let path = "\(layerName)[feature \(feature.fid)]" + (attribute.map { ".\($0)" } ?? "")
        log.fail(file: layer.path, path: path, message)
    }

    func point() -> Point2? {
        guard let point = feature.geometry.pointValue else {
            fail(nil, "has a \(feature.geometry.typeName) geometry; expected a Point")
            return nil
        }
        guard point.x.isFinite, point.y.isFinite else {
            fail(nil, "has a non-finite coordinate; expected a real location")
            return nil
        }
        return point
    }

    /// The attribute clearcast calls `name`: under its mapped name (`fields:`), else its own name,
    /// matched exactly or, failing that, ignoring case (`Date` for `date`); a mapped value
    /// (`values:`) replaces the layer's.
    private func value(_ name: String) -> AttributeValue? {
        let wanted = source?.fieldNames[name] ?? name
        var found = feature.attributes[wanted]
        if found == nil, let folded = feature.attributes.keys.first(where: { $0.lowercased() == wanted.lowercased() }) {
            found = feature.attributes[folded]
        }
        guard let value = found, !value.isNull else { return nil }
        if let table = source?.valueMaps[name], let text = value.stringValue ?? value.intValue.map(String.init),
           let mapped = table[text.lowercased()] {
            return .string(mapped)
        }
        return value
    }

    /// " (the layer has …; did you mean …?)" for a missing attribute: the names the layer does have.
    private func missingHint(_ name: String) -> String {
        let wanted = source?.fieldNames[name] ?? name
        let names = layer.fields.map(\.name)
        var hint = source?.fieldNames[name] != nil ? " (mapped from '\(wanted)' by fields:)" : ""
        if let guess = Spelling.closest(to: wanted, among: names) {
            hint += "; the layer has '\(guess)': did you mean it? (map it with fields: {\(guess): \(name)})"
        } else if !names.isEmpty {
            hint += "; the layer's fields are \(names.prefix(12).joined(separator: ", "))\(names.count > 12 ? ", …" : "") (map one with fields:)"
        }
        return hint
    }

    /// True when the feature has a non-null value for attribute `name` (after `fields:` mapping).
    func has(_ name: String) -> Bool { value(name) != nil }

    func string(_ name: String, optional: Bool = false) -> String? {
        guard let value = value(name) else {
            if !optional { fail(name, "missing; expected the attribute '\(name)'" + missingHint(name)) }
            return nil
        }
        switch value {
        case .string(let text) where !text.isEmpty: return text
        case .integer(let i): return String(i)
        default:
            if !optional { fail(name, "found \(describe(value)), expected text") }
            return nil
        }
    }

    func choice(_ name: String, _ options: [String], default fallback: String? = nil) -> String? {
        guard value(name) != nil else {
            if let fallback { return fallback }
            fail(name, "missing; expected one of \(options.joined(separator: ", "))" + missingHint(name))
            return nil
        }
        guard let text = string(name) else { return nil }
        if let exact = options.first(where: { $0 == text }) { return exact }
        if let folded = options.first(where: { $0.lowercased() == text.lowercased() }) { return folded }
        fail(name, "found '\(text)', expected one of \(options.joined(separator: ", ")) (or translate it with values: {\(name): {\"\(text)\": …}})")
        return nil
    }

    func number(_ name: String, range: ClosedRange<Double>, _ what: String) -> Double? {
        guard let value = value(name) else {
            fail(name, "missing; expected \(what)" + missingHint(name))
            return nil
        }
        var number = value.doubleValue
        if number == nil, let text = value.stringValue { number = Double(text) }
        guard let number, number.isFinite, range.contains(number) else {
            fail(name, "found \(describe(value)), expected \(what)")
            return nil
        }
        return number
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>, _ what: String) -> Int? {
        guard value(name) != nil else { return fallback }
        guard let number = number(name, range: Double(range.lowerBound)...Double(range.upperBound), what) else { return nil }
        guard number == number.rounded() else {
            fail(name, "found \(number), expected \(what): a whole number")
            return nil
        }
        return Int(number)
    }

    /// A date attribute: a GDAL date, `YYYY-MM-DD`, or `YYYY-MM` (read as the 15th, the middle of the
    /// month, so that ageing is unbiased when only the month is known); with `yearAllowed`, also a
    /// whole year such as 2006 (read as 1 July, its middle).
    func date(_ name: String, what: String = "the date of the incident", yearAllowed: Bool = false) -> CivilDate? {
        guard let value = value(name) else {
            fail(name, "missing; expected \(what) (YYYY-MM-DD or YYYY-MM)")
            return nil
        }
        if yearAllowed, let y = value.intValue ?? value.stringValue.flatMap({ Int($0) }) ?? value.doubleValue.flatMap({ $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) : nil }),
           (1900...2200).contains(y) {
            return CivilDate(year: y, month: 7, day: 1)
        }
        if let (y, m, d) = value.dateValue, let date = CivilDate.valid(year: y, month: m, day: d) { return date }
        if let text = value.stringValue {
            if let date = CivilDate.parse(text) { return date }
            let parts = text.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
               let date = CivilDate.valid(year: y, month: m, day: 15) { return date }
        }
        fail(name, "found \(describe(value)), expected \(yearAllowed ? what + ": " : "")a date written YYYY-MM-DD or YYYY-MM\(yearAllowed ? ", or a year 1900-2200" : "")")
        return nil
    }

    private func describe(_ value: AttributeValue) -> String {
        switch value {
        case .string(let s): "'\(s)'"
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .date(let y, let m, let d): "the date \(y)-\(m)-\(d)"
        case .null: "nothing"
        }
    }
}
