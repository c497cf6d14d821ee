import Foundation

/// A result file read back for reporting: score, simulate, compare, plan, sensitivity or calibrate, told apart by its `kind`.
public enum ResultFile {
    case score(ScoreResult)
    case simulation(SimulationResult)
    case comparison(CompareResult)
    case plan(PlanResult)
    case sensitivity(SensitivityResult)
    case calibration(CalibrationResult)

    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// The field at fault, e.g. `yearly[3].remaining.p50`, when one field is (the first of several).
        public var field: String?
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String, field: String? = nil) {
            self.path = path
            self.reason = reason
            self.field = field
        }
    }

    /// Largest result file `read` accepts; the largest bundled one (a comparison of 8 scenarios with
    /// 3,014 hazard areas each) has 7 MB.
    public static let maximumFileSize = 256 << 20

    private struct Header: Decodable {
        var schema: String?
        var kind: String?
    }

    /// Reads, decodes and validates a result written by `clearcast score|simulate|compare|plan|sensitivity --out`.
    ///
    /// - Throws: `ReadError` naming the file and what was wrong (missing, empty, too large, not
    ///   JSON, another schema, an unknown kind, a field that does not match the schema, or a value
    ///   outside what the schema and the exporters allow; see ``read(data:path:)``).
    public static func read(_ path: String) throws -> ResultFile {
        try read(data: contents(of: path), path: path)
    }

    /// Decodes and validates result bytes; `path` only names them in errors.
    ///
    /// Score results of the previous schema, `clearcast-result/1`, are read too: their hazards'
    /// `shares[].weight` become `factors[].share` (without the factor values and alone-ranks, which
    /// that version did not have); the returned result keeps its `schema`, so exporters can say what
    /// it lacks. Its simulate and compare results are refused with the reason: their years ran from
    /// the start date, not by calendar year, and no mapping makes one into the other.
    ///
    /// After decoding, the result is checked by `validate()` (``ScoreResult/validate()``,
    /// ``SimulationResult/validate()``, ``CompareResult/validate()``), so what is returned can be
    /// exported without the exporters meeting a negative horizon, an unordered quantile, a date
    /// that does not exist or a preview whose size does not match its values.
    ///
    /// - Throws: `ReadError`; for a value out of range, `field` is its path (`yearly[3].remaining.p50`).
    public static func read(data: Data, path: String) throws -> ResultFile {
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw ReadError(path: path, reason: "is not a JSON object; expected a clearcast result")
        }
        if header.kind == "partial" || header.schema == PartialSchema.identifier {
            throw ReadError(path: path, reason: "is one shard's part of a run (--shard K/N), not a result; "
                + "expected a whole result: join the parts first with clearcast merge PARTS… --out RESULT")
        }
        guard let schema = header.schema, ResultSchema.readable.contains(schema) else {
            throw ReadError(path: path, reason: "has schema \(header.schema.map { ResultChecker.quote($0) } ?? "none"); "
                + "expected '\(ResultSchema.identifier)' (or the previous '\(ResultSchema.previous)'); "
                + "a newer clearcast wrote it, or it is not a clearcast result")
        }
        if schema == ResultSchema.previous, header.kind == "simulate" || header.kind == "compare" {
            throw ReadError(path: path, reason: "is a \(schema) \(header.kind ?? "") result: its yearly figures run from the start date, "
                + "not by calendar year as in \(ResultSchema.identifier), and cannot be converted; run clearcast "
                + "\(header.kind ?? "simulate") again on the scenario to report it")
        }
        let file: ResultFile
        do {
            switch header.kind {
            case "score": file = .score(try ResultEncoding.decode(ScoreResult.self, from: data, schema: schema))
            case "simulate": file = .simulation(try ResultEncoding.decode(SimulationResult.self, from: data, schema: schema))
            case "compare": file = .comparison(try ResultEncoding.decode(CompareResult.self, from: data, schema: schema))
            case "plan": file = .plan(try ResultEncoding.decode(PlanResult.self, from: data, schema: schema))
            case "sensitivity": file = .sensitivity(try ResultEncoding.decode(SensitivityResult.self, from: data, schema: schema))
            case "calibrate": file = .calibration(try ResultEncoding.decode(CalibrationResult.self, from: data, schema: schema))
            default:
                throw ReadError(path: path, reason: "has kind \(header.kind.map { ResultChecker.quote($0) } ?? "none"); "
                    + "expected score, simulate, compare, plan, sensitivity or calibrate")
            }
        } catch let error as ReadError {
            throw error
        } catch let error as DecodingError {
            throw ReadError(path: path, reason: "does not match the result schema: \(describe(error))", field: field(error))
        } catch {
            throw ReadError(path: path, reason: "does not match the result schema: \(error)")
        }
        do {
            switch file {
            case .score(let result): try result.validate()
            case .simulation(let result): try result.validate()
            case .comparison(let result): try result.validate()
            case .plan(let result): try result.validate()
            case .sensitivity(let result): try result.validate()
            case .calibration(let result): try result.validate()
            }
        } catch let error as ResultValidationError {
            throw ReadError(path: path, reason: "is not a valid result: \(error)", field: error.issues.first?.field)
        }
        return file
    }

    /// The file's bytes: a regular file or a pipe, not empty, at most ``maximumFileSize``.
    static func contents(of path: String, limit: Int = maximumFileSize) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(path: path, reason: "cannot be read (missing or not a file); expected a result JSON file")
        }
        defer { try? handle.close() }
        var data = Data()
        do {
            // In chunks, so that a huge file or an endless device is refused without reading it all.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                data.append(chunk)
                guard data.count <= limit else {
                    throw ReadError(path: path, reason: "is larger than \(limit >> 20) MiB; expected a clearcast result")
                }
            }
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(path: path, reason: "cannot be read (\(error.localizedDescription)); expected a result JSON file")
        }
        guard !data.isEmpty else { throw ReadError(path: path, reason: "is empty; expected a clearcast result") }
        return data
    }

    /// A decoding error's field path in the validation's notation: `yearly[3].remaining`.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "") { path, key in
            // Array positions are "Index 3" keys; a dictionary key "3" stays a name.
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                path += "[\(index)]"
            } else {
                path = ResultChecker.key(path, key.stringValue)
            }
        }
    }

    static func field(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context): return ResultChecker.key(fieldPath(context.codingPath), key.stringValue)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return fieldPath(context.codingPath)
        @unknown default: return nil
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(ResultChecker.key(fieldPath(context.codingPath), key.stringValue)); expected it (the schema requires it)"
        case .typeMismatch(let type, let context):
            return "\(fieldPath(context.codingPath)): expected \(typeName(type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(fieldPath(context.codingPath)): found null; expected \(typeName(type)) (optional fields are absent, never null)"
        case .dataCorrupted(let context):
            return "\(fieldPath(context.codingPath)): \(context.debugDescription); expected a value of the schema's type and range"
        @unknown default: return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt64.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
