import AtomicFiles
import Foundation
import GeoData

/// Encodes results as deterministic JSON: sorted keys, two-space indentation, shortest round-trip
/// number formatting, and no NaN or infinity (refused, never written).
public enum ResultEncoding {
    public struct NonFiniteValue: Error, CustomStringConvertible {
        public var description: String { "internal error: a result held NaN or infinity; nothing was written" }
    }

    /// The JSON bytes of `value`, ending with a newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // The default strategy throws on NaN/infinity, which is what we want: report, not write.
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch EncodingError.invalidValue {
            throw NonFiniteValue()
        }
    }

    /// Decodes a result written by `encode`; `schema` is the file's schema identifier when it is not
    /// the current one (``ResultSchema/previous``), so that renamed fields are read by their old names.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, schema: String = ResultSchema.identifier) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[ResultSchema.userInfoKey] = schema
        return try decoder.decode(type, from: data)
    }

    /// Encodes `value` and writes it atomically to `path`.
    public static func write<T: Encodable>(_ value: T, to path: String) throws {
        try AtomicFile.write(try encode(value), to: path)
    }
}
