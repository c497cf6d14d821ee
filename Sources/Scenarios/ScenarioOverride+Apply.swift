import ClearcastDomain
import Foundation

// MARK: - Applying an override to a source tree

extension ScenarioOverride {
    /// `tree` with this override applied: the node at ``path`` replaced by the value (or multiplied),
    /// missing mappings on the way created, and each mapping or list on the way marked as changed by
    /// this override (so that a problem the reader finds there mentions it).
    ///
    /// - Throws: `ScenarioError` naming the override and the part of the path that cannot be
    ///   followed: a list selector that matches no item (with the names the list has and a
    ///   did-you-mean) or several, an index past the end (with the list's length), a field under a
    ///   single value, a field of a list, an item of a mapping; or `*F` where there is no number.
    /// - Complexity: O(depth · width of the mappings and lists on the path), plus the value's size.
    func apply(to tree: SourceNode) throws -> SourceNode {
        try apply(at: path[...], to: tree, reached: "")
    }

    private func apply(at steps: ArraySlice<Step>, to node: SourceNode?, reached: String) throws -> SourceNode {
        guard let step = steps.first else { return try changed(node, at: reached) }
        let rest = steps.dropFirst()
        switch step {
        case .key(let key):
            let childPath = reached.isEmpty ? key : "\(reached).\(key)"
            guard let node, !node.isNull else {
                // A field of nothing: the mappings on the way are created, like writing them in the file.
                let origin = SourceNode.Origin(file: Self.valueFile, override: .value(label))
                return .mapping([(key, try apply(at: rest, to: nil, reached: childPath))], origin)
            }
            guard case .mapping(var pairs, let origin) = node else {
                throw fail(reached, notAMapping(node, key: key))
            }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                pairs[index].value = try apply(at: rest, to: pairs[index].value, reached: childPath)
            } else {
                pairs.append((key, try apply(at: rest, to: nil, reached: childPath)))
            }
            return .mapping(pairs, touched(origin))
        case .index(let index):
            guard let node, case .sequence(var items, let origin) = node else {
                throw fail(reached, "is \(describe(node)), so it has no item [\(index)]")
            }
            guard index < items.count else {
                let range = items.isEmpty ? "it is empty" : "items [0] to [\(items.count - 1)]"
                throw fail(reached, "has \(items.count) item\(items.count == 1 ? "" : "s") (\(range)), found [\(index)]")
            }
            items[index] = try apply(at: rest, to: items[index], reached: "\(reached)[\(index)]")
            return .sequence(items, touched(origin))
        case .select(let key, let value):
            guard let node, case .sequence(var items, let origin) = node else {
                throw fail(reached, "is \(describe(node)), so it has no item [\(key)=\(value)]")
            }
            let values = items.map { $0.scalarField(key) }
            let matches = values.indices.filter { values[$0] == value }
            guard matches.count == 1, let index = matches.first else {
                throw fail(reached, noMatch(key: key, value: value, values: values, matches: matches))
            }
            items[index] = try apply(at: rest, to: items[index], reached: "\(reached)[\(index)]")
            return .sequence(items, touched(origin))
        }
    }

    /// The new node at the end of the path.
    private func changed(_ node: SourceNode?, at path: String) throws -> SourceNode {
        switch change {
        case .set: return try valueNode()
        case .multiply(let factor):
            guard let node, !node.isNull else { throw notSet(path) }
            return try multiplied(node, by: factor, at: path)
        case .multiplyRounded(let factor):
            guard let node, !node.isNull else { throw notSet(path) }
            return try multiplied(node, by: factor, at: path, rounding: true)
        }
    }

    /// `node` times `factor`: a number, or each number of a mapping or list of numbers; with
    /// `rounding`, each product rounded to a whole number, half away from zero.
    private func multiplied(_ node: SourceNode, by factor: Decimal, at path: String, rounding: Bool = false) throws -> SourceNode {
        let mark = SourceNode.OverrideMark.value(label)
        switch node {
        case .scalar(let text, let quoted, let origin):
            guard !quoted, let value = Self.decimal(text) else {
                throw fail(path, "found \(node.kindDescription), expected a number to multiply")
            }
            var product = value * factor
            var rounded = Decimal()
            NSDecimalRound(&rounded, &product, 0, .plain)
            // A whole product is written without a decimal point, so a whole-number field reads it.
            let written = rounded == product || rounding ? "\(rounded)" : "\(product)"
            var newOrigin = origin
            (newOrigin.override, newOrigin.line) = (mark, nil)
            return .scalar(written, quoted: false, newOrigin)
        case .mapping(let pairs, let origin):
            if let word = pairs.first(where: { !$0.value.isNumber }) {
                throw fail(path, "holds '\(word.key)': \(word.value.kindDescription), expected only numbers to multiply "
                    + "(for a distribution, multiply its parameters one by one, e.g. \(pathDescription).median=*2)")
            }
            return .mapping(try pairs.map { ($0.key, try multiplied($0.value, by: factor, at: "\(path).\($0.key)", rounding: rounding)) },
                            touched(origin))
        case .sequence(let items, let origin):
            if let index = items.firstIndex(where: { !$0.isNumber }) {
                throw fail("\(path)[\(index)]", "found \(items[index].kindDescription), expected only numbers to multiply")
            }
            return .sequence(try items.enumerated().map { try multiplied($1, by: factor, at: "\(path)[\($0)]", rounding: rounding) },
                             touched(origin))
        }
    }

    /// `origin`, marked as changed inside by this override.
    private func touched(_ origin: SourceNode.Origin) -> SourceNode.Origin {
        var origin = origin
        switch origin.override {
        case .value?: break   // written by an earlier override: that one stays named
        case .inside(let labels)?: origin.override = .inside(labels.contains(label) ? labels : labels + [label])
        case nil: origin.override = .inside([label])
        }
        return origin
    }

    // MARK: Messages

    private func fail(_ path: String, _ message: String) -> ScenarioError {
        ScenarioError(issues: [ScenarioIssue(file: label, path: path, line: nil, message: message)])
    }

    private func notSet(_ path: String) -> ScenarioError {
        fail(path, "is not set, so *F has no number to multiply; set it instead (\(pathDescription)=VALUE)")
    }

    private func describe(_ node: SourceNode?) -> String {
        guard let node, !node.isNull else { return "not set" }
        switch node {
        case .scalar: return "a single value (\(node.kindDescription))"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    private func notAMapping(_ node: SourceNode, key: String) -> String {
        if case .sequence(let items, _) = node {
            let names = items.compactMap(\.itemName)
            let example = names.first.map { "[name=\($0)]" } ?? "[0]"
            return "is a list, so it has no field '\(key)'; select an item first, e.g. \(example).\(key)"
        }
        return "is \(describe(node)), so it has no field '\(key)'"
    }

    private func noMatch(key: String, value: String, values: [String?], matches: [Int]) -> String {
        if matches.count > 1 {
            return "has \(matches.count) items with \(key) '\(value)' (\(matches.map { "[\($0)]" }.joined(separator: ", "))); select one by its number, or give the items distinct names"
        }
        let known = values.compactMap { $0 }
        guard !known.isEmpty else {
            return "has no item with a \(key): field (it has \(values.count) item\(values.count == 1 ? "" : "s")); select one by its number [N]"
        }
        var message = "has no item with \(key) '\(value)'"
        // A typo, or an abbreviation of one name (`mech` for `mechanical`).
        let abbreviated = known.filter { $0.lowercased().hasPrefix(value.lowercased()) }
        if let guess = Spelling.closest(to: value, among: known) ?? (abbreviated.count == 1 ? abbreviated.first : nil) {
            message += "; did you mean '\(guess)'?"
        }
        return message + " (\(key)s: \(known.joined(separator: ", ")))"
    }
}

extension SourceNode {
    /// The text of this mapping's scalar field `key`, if it has one.
    func scalarField(_ key: String) -> String? {
        guard case .mapping(let pairs, _) = self, let pair = pairs.first(where: { $0.key == key }),
              case .scalar(let text, _, _) = pair.value, !pair.value.isNull else { return nil }
        return text
    }

    /// Whether this is an unquoted scalar that reads as a number.
    var isNumber: Bool {
        if case .scalar(let text, false, _) = self { return ScenarioOverride.decimal(text) != nil }
        return false
    }
}
