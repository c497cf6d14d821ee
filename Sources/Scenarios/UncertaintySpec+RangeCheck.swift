import Foundation

// MARK: - Checking ranges before a run

extension UncertaintySpec {
    /// Where ``checkRanges(_:source:base:overrides:name:wholeHint:)`` builds the scenario: both
    /// ends, and one point inside (a range written with decimals on a whole-number field, [1.0, 4.0]
    /// on a team count, is valid at its ends only).
    static let checkedPositions = [0.0, 1.0, 0.37]

    /// Builds the scenario with each input at both ends of its range and inside it, so that a range
    /// the reader refuses (a share above 1, a fractional team count) is reported before hours of
    /// simulation. `clearcast sensitivity` and `clearcast calibrate` share it; each names its inputs
    /// its own way.
    ///
    /// - Parameters:
    ///   - name: what the message calls input `i` (`uncertainty.inputs[0] (weather)`).
    ///   - wholeHint: whether a refusal inside the range adds how to write a whole-number range.
    /// - Throws: `ScenarioError` naming the input, where in its range, the `--set` value and what
    ///   the reader said; also when the input changes the layers or grid of `base`.
    public static func checkRanges(_ inputs: [Input], source: ScenarioSource, base: Scenario, overrides: [ScenarioOverride],
                                   name: (_ i: Int, _ input: Input) -> String, wholeHint: Bool) throws {
        for (i, input) in inputs.enumerated() {
            for u in checkedPositions {
                do {
                    let scenario = try source.scenario(overrides: overrides + input.overrides(at: u))
                    if scenario.layers != base.layers || scenario.grid != base.grid {
                        throw ScenarioError(file: base.file.path, message: "changes the layers or grid")
                    }
                } catch let error as ScenarioError {
                    let what = error.issues.map(\.message).joined(separator: "; ")
                    let place = u == 0 ? "at its low end" : u == 1 ? "at its high end" : "inside its range"
                    let hint = wholeHint && u == 0.37 && !what.isEmpty
                        ? " (a whole-number field needs a range written with whole ends, e.g. [1, 4], or whole: true)" : ""
                    throw ScenarioError(file: base.file.path,
                                        message: "\(name(i, input)) \(place), \(input.path)=\(input.value(at: u)): \(what)\(hint)")
                }
            }
        }
    }
}
