// MARK: - The uncertainty: section

extension ScenarioReader {
    /// Top-level sections an uncertain input may not change: they define what the scenario is (its
    /// files, grid and layers), not an uncertain parameter of it.
    static let fixedSections = ["clearcast", "name", "description", "extends", "reference_date", "grid", "layers", "uncertainty"]

    static func readUncertainty(_ field: FieldReader) -> UncertaintySpec? {
        guard let map = field.mapping(allowed: ["inputs", "outputs"]) else { return nil }
        var inputs: [UncertaintySpec.Input] = []
        for item in map.required("inputs", "a list of uncertain inputs (path, and range or scale)")?.list() ?? [] {
            if let input = readInput(item) { inputs.append(input) }
        }
        if inputs.isEmpty, let list = map.optional("inputs") { list.fail("found no input, expected at least one") }
        var seen: [String: Int] = [:]
        for (i, input) in inputs.enumerated() {
            for path in input.paths {
                if let first = seen[path] {
                    map.optional("inputs")?.fail("inputs \(first) and \(i) both vary '\(path)'; expected each field once")
                }
                seen[path] = i
            }
        }
        var outputs: [SensitivityOutput]?
        if let list = map.optional("outputs")?.list() {
            outputs = list.compactMap { item -> SensitivityOutput? in
                guard let name = item.choice(SensitivityOutput.names) else { return nil }
                return SensitivityOutput(name: name)
            }
        }
        return UncertaintySpec(inputs: inputs, outputs: outputs)
    }

    private static func readInput(_ field: FieldReader) -> UncertaintySpec.Input? {
        guard let map = field.mapping(allowed: ["path", "paths", "range", "scale", "whole", "label"]) else { return nil }
        let single = map.optional("path"), several = map.optional("paths")
        guard (single == nil) != (several == nil) else {
            field.fail("expected exactly one of path: FIELD or paths: [FIELD, ...] (fields in --set syntax, e.g. simulation.teams[name=manual].count)")
            return nil
        }
        let pathFields = single.map { [$0] } ?? several?.list() ?? []
        guard !pathFields.isEmpty else {
            several?.fail("found an empty list, expected at least one field")
            return nil
        }
        var paths: [String] = []
        for pathField in pathFields {
            guard let path = pathField.string(), checkPath(path, pathField) else { return nil }
            paths.append(path)
        }
        let range = map.optional("range"), scale = map.optional("scale")
        guard (range == nil) != (scale == nil) else {
            field.fail("expected exactly one of range: [LOW, HIGH] (values) or scale: [LOW, HIGH] (factors)")
            return nil
        }
        guard let bounds = readBounds(range ?? scale!) else { return nil }
        let whole = map.optional("whole")?.bool()
        let variation: UncertaintySpec.Input.Variation
        if range != nil {
            let wholeValues = whole ?? (bounds.low == bounds.low.rounded() && bounds.high == bounds.high.rounded() && bounds.wholeWritten)
            variation = .range(low: bounds.low, high: bounds.high, whole: wholeValues)
        } else {
            guard bounds.low > 0 else {
                scale?.fail("found a factor of \(FieldReader.format(bounds.low)), expected factors > 0")
                return nil
            }
            variation = .scale(low: bounds.low, high: bounds.high, whole: whole ?? false)
        }
        let label = map.optional("label")?.string() ?? paths[0]
        return UncertaintySpec.Input(label: label, paths: paths, variation: variation)
    }

    /// Whether `path` is a `--set` path outside the fixed sections (logging why not).
    private static func checkPath(_ path: String, _ field: FieldReader) -> Bool {
        do {
            let override = try ScenarioOverride(path: path, value: "0")
            if let first = override.pathDescription.split(separator: ".").first.map(String.init),
               fixedSections.contains(where: { first == $0 || first.hasPrefix($0 + "[") }) {
                field.fail("'\(path)' is in \(first): an uncertain input may vary simulation and scoring fields, not \(fixedSections.joined(separator: ", "))")
                return false
            }
            return true
        } catch let error as ScenarioError {
            field.fail(error.issues.map(\.message).joined(separator: "; "))
            return false
        } catch {
            return false
        }
    }

    /// `[LOW, HIGH]` with LOW < HIGH; `wholeWritten` when both are written as whole numbers.
    private static func readBounds(_ field: FieldReader) -> (low: Double, high: Double, wholeWritten: Bool)? {
        guard let items = field.list() else { return nil }
        guard items.count == 2 else {
            field.fail("found \(items.count) values, expected [LOW, HIGH]")
            return nil
        }
        guard let low = items[0].number(), let high = items[1].number() else { return nil }
        guard low < high else {
            field.fail("found [\(FieldReader.format(low)), \(FieldReader.format(high))], expected LOW < HIGH")
            return nil
        }
        let whole = items.allSatisfy { item in
            if case .scalar(let text, _, _) = item.node { return !text.contains(".") && !text.lowercased().contains("e") }
            return false
        }
        return (low, high, whole)
    }
}
