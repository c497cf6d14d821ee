import Foundation
import Scenarios

/// The parameters a calibration fits: `--param` options, or inputs of the scenario's
/// `uncertainty:` section chosen by label (`--input`), or, with neither, every input of that section.
///
/// `--param PATH=LOW..HIGH` sets the field to a value in the range (whole values when both ends are
/// written whole); `PATH=*LOW..HIGH` multiplies its numbers by a factor in the range; `*~LOW..HIGH`
/// rounds the products to whole numbers (team counts). Several paths separated by `,` move
/// together: `simulation.teams[name=a].count,simulation.teams[name=b].count=*~0.5..1.5`.
public enum CalibrationParameter {
    /// Parses one `--param` option.
    ///
    /// - Throws: ``CalibrationError/invalidParameter(_:)`` naming the option and what was expected.
    public static func parse(_ text: String) throws -> UncertaintySpec.Input {
        let fail = { (why: String) in
            CalibrationError.invalidParameter("--param \(text): \(why); expected PATH=LOW..HIGH (a value), PATH=*LOW..HIGH (a factor) "
                + "or PATH=*~LOW..HIGH (a factor, products rounded), e.g. simulation.land_release.nts_cancel_share=0.2..0.6")
        }
        guard let equals = text.lastIndex(of: "=") else { throw fail("found no '='") }
        var paths = String(text[..<equals]).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        // A selector's own '=' ([name=x]) precedes the last '=', so the split above is safe; an empty path is not.
        paths = paths.filter { !$0.isEmpty }
        guard !paths.isEmpty else { throw fail("found no path before '='") }
        var bounds = Substring(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        var scale = false, whole = false
        if bounds.hasPrefix("*~") { scale = true; whole = true; bounds = bounds.dropFirst(2) } else if bounds.hasPrefix("*") {
            scale = true
            bounds = bounds.dropFirst()
        }
        let ends = bounds.components(separatedBy: "..")
        guard ends.count == 2, let low = Double(ends[0].trimmingCharacters(in: .whitespaces)),
              let high = Double(ends[1].trimmingCharacters(in: .whitespaces)), low.isFinite, high.isFinite else {
            throw fail("found '\(bounds)' after '='")
        }
        guard low < high else { throw fail("found LOW \(low) ≥ HIGH \(high)") }
        if scale && low <= 0 { throw fail("found a factor of \(low); factors must be > 0") }
        for path in paths {
            do { _ = try ScenarioOverride(path: path, value: "0") } catch let error as ScenarioError {
                throw fail(error.issues.map(\.message).joined(separator: "; "))
            }
        }
        let writtenWhole = ends.allSatisfy { !$0.contains(".") && !$0.lowercased().contains("e") }
        let variation: UncertaintySpec.Input.Variation = scale
            ? .scale(low: low, high: high, whole: whole)
            : .range(low: low, high: high, whole: writtenWhole && low == low.rounded() && high == high.rounded())
        return UncertaintySpec.Input(label: paths[0], paths: paths, variation: variation)
    }

    /// The inputs of `spec` whose labels (or first paths) are `labels`, in that order; all of them
    /// when `labels` is empty.
    ///
    /// - Throws: ``CalibrationError/invalidParameter(_:)`` for a label the section does not have,
    ///   listing those it has.
    public static func select(_ labels: [String], from spec: UncertaintySpec?, file: String) throws -> [UncertaintySpec.Input] {
        let inputs = spec?.inputs ?? []
        guard !labels.isEmpty else { return inputs }
        return try labels.map { label in
            guard let input = inputs.first(where: { $0.label == label || $0.path == label }) else {
                let known = inputs.map { "'\($0.label)'" }.joined(separator: ", ")
                throw CalibrationError.invalidParameter("--input \(label): \(file) has no uncertainty input with this label or path; "
                    + (inputs.isEmpty ? "it has no uncertainty: section" : "expected one of \(known)"))
            }
            return input
        }
    }
}
