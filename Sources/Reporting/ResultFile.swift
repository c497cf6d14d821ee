import Foundation

/// A result file read back for reporting: score, simulate or compare, told apart by its `kind`.
public enum ResultFile {
    case score(ScoreResult)
    case simulation(SimulationResult)
    case comparison(CompareResult)

    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    private struct Header: Decodable {
        var schema: String?
        var kind: String?
    }

    /// Reads and decodes a result written by `clearcast score|simulate|compare --out`.
    ///
    /// - Throws: `ReadError` naming the file and what was wrong (missing, not JSON, another schema,
    ///   an unknown kind, a field that does not match the schema).
    public static func read(_ path: String) throws -> ResultFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(path: path, reason: "cannot be read (missing or not a file); expected a result JSON file")
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw ReadError(path: path, reason: "is not a JSON object; expected a clearcast result")
        }
        guard header.schema == ResultSchema.identifier else {
            throw ReadError(path: path, reason: "has schema '\(header.schema ?? "none")'; expected '\(ResultSchema.identifier)'")
        }
        do {
            switch header.kind {
            case "score": return .score(try ResultEncoding.decode(ScoreResult.self, from: data))
            case "simulate": return .simulation(try ResultEncoding.decode(SimulationResult.self, from: data))
            case "compare": return .comparison(try ResultEncoding.decode(CompareResult.self, from: data))
            default:
                throw ReadError(path: path, reason: "has kind '\(header.kind ?? "none")'; expected score, simulate or compare")
            }
        } catch let error as ReadError {
            throw error
        } catch let error as DecodingError {
            throw ReadError(path: path, reason: "does not match the result schema: \(describe(error))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        let path = { (context: DecodingError.Context) in context.codingPath.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context): return "missing field \(path(context)).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
