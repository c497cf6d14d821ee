/// The attributes clearcast reads from each layer, and the `fields:`/`values:` mapping that lets a
/// layer exported by another system (IMSMA, a national database) be used as it is.
///
/// ```yaml
/// hazards:
///   path: layers/imsma-hazards.gpkg
///   fields: {Hazard_ID: id, "Hazard Type": type, Status: status}   # the layer's field: clearcast's
///   values:
///     status: {confirmed: CHA, suspected: SHA}                      # the layer's value: clearcast's
///     type: {"Anti-personnel": AP, "Anti-vehicle": AV, "Cluster munition": CM, UXO: UXO}
/// ```
enum LayerAttributes {
    static let incidents = ["date", "casualties", "device"]
    static let settlements = ["name", "displaced", "return_share", "district"]
    static let hazards = ["id", "name", "type", "status", "density", "terrain", "region", "evidence", "last_survey"]
    static let landUse = ["class"]
    static let outcomes = ["outcome"]
}

extension ScenarioReader {
    /// `fields: {SOURCE: clearcast}` read into clearcast → source; each clearcast name must be an
    /// attribute of this layer and appear once.
    static func readFieldNames(_ field: FieldReader, attributes: [String]) -> [String: String] {
        guard case .mapping(let pairs, _) = field.node else {
            field.fail("found \(field.node.kindDescription), expected a mapping from the layer's field names to \(attributes.joined(separator: ", "))")
            return [:]
        }
        var result: [String: String] = [:]
        for (source, node) in pairs {
            let entry = FieldReader(node: node, path: field.join(source), log: field.log)
            guard let target = entry.choice(attributes) else { continue }
            if let earlier = result[target] {
                entry.fail("maps a second field to '\(target)' (the first is '\(earlier)'); expected one source field per attribute")
                continue
            }
            result[target] = source
        }
        return result
    }

    /// `values: {attribute: {SOURCE VALUE: clearcast value}}`, matched case-insensitively.
    static func readValueMaps(_ field: FieldReader, attributes: [String]) -> [String: [String: String]] {
        guard let map = field.mapping(allowed: attributes) else { return [:] }
        var result: [String: [String: String]] = [:]
        for attribute in map.keys {
            guard let table = map.optional(attribute), case .mapping(let pairs, _) = table.node else {
                map.optional(attribute)?.fail("expected a mapping from the layer's values to clearcast's")
                continue
            }
            var values: [String: String] = [:]
            for (source, node) in pairs {
                let entry = FieldReader(node: node, path: table.join(source), log: field.log)
                if let target = entry.string() { values[source.lowercased()] = target }
            }
            result[attribute] = values
        }
        return result
    }
}
