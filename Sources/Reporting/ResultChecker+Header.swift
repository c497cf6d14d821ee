import ClearanceModel
import ClearcastDomain

// MARK: - The header of a run's result

extension ResultChecker {
    /// The fields the result of a simulated run of `command` (`calibrate`, `sensitivity`) opens with:
    /// the schema, the kind `command`, a provenance written by `command` with `replications`
    /// replications, the start date and a horizon of 1 to ``ClearanceModel/maximumHorizonYears`` years.
    ///
    /// - Returns: the start date, when it is a valid date (for checks of later dates against it).
    @discardableResult
    mutating func runHeader(_ command: String, schema: String, kind: String, provenance: Provenance, replications: Int,
                            startDate: String, horizonYears: Int) -> CivilDate? {
        oneOf(schema, "schema", [ResultSchema.identifier])
        oneOf(kind, "kind", [command])
        self.provenance(provenance, "provenance", commands: [command], schema: schema, replications: replications)
        let start = date(startDate, "startDate")
        count(horizonYears, "horizonYears", in: 1...ClearanceModel.maximumHorizonYears, "a horizon in years")
        return start
    }
}
