// MARK: - ValidationIssue

/// One problem found while validating a ``ClearanceModel`` input.
///
/// `path` names the offending field the way a scenario file would, e.g. `teams[2].productivity.AP`,
/// so the Scenarios layer can point the user at the exact line to fix.
public struct ValidationIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
