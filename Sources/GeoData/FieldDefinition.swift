/// The name and type of an attribute field of a vector layer.
///
/// ```swift
/// let fields = [FieldDefinition(name: "name", type: .string),
///               FieldDefinition(name: "victims", type: .integer)]
/// ```
public struct FieldDefinition: Hashable, Sendable {
    /// Field types clearcast reads and writes.
    public enum FieldType: String, Hashable, Sendable {
        case string, integer, real, date
    }

    public var name: String
    public var type: FieldType

    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}
