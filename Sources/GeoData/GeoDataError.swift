/// An error reading, converting or writing geodata, always naming the file involved.
///
/// Every error carries a ``Kind`` that callers can switch on, the path of the file (nil only for
/// in-memory operations such as rasterizing a polygon or describing an EPSG code) and a message
/// that says what was found and what was expected, including GDAL's own diagnostic when there is one.
///
/// ```swift
/// do {
///     _ = try readVectorLayer(at: "hazards.geojson", targetEPSG: 32638)
/// } catch let error as GeoDataError where error.kind == .invalidGeometry {
///     print(error)   // hazards.geojson: invalid geometry: feature 7 ... (Self-intersection ...)
/// }
/// ```
public struct GeoDataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, coarsely, for programmatic handling.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The path does not exist.
        case fileNotFound
        /// The file exists but could not be read or parsed by the driver that claimed it, or it is
        /// not a regular file (a directory, FIFO, device or socket, or has such a side file).
        case unreadable
        /// No driver clearcast uses recognises the file (VRT and `/vsi…` paths are refused on
        /// purpose), or the extension is not one this API writes.
        case unsupportedFormat
        /// The layer has no coordinate reference system and no fallback EPSG was given.
        case noCRS
        /// An EPSG code or WKT definition that PROJ does not know.
        case unknownCRS
        /// The requested layer does not exist in the dataset.
        case layerNotFound
        /// The layer has no geometry column (e.g. a CSV without recognisable coordinate columns).
        case noGeometryColumn
        /// The layer has no features.
        case emptyLayer
        /// A geometry is missing, of an unsupported type, or not valid (e.g. self-intersecting).
        case invalidGeometry
        /// Coordinates could not be transformed between two CRSs.
        case transformFailed
        /// Rasterizing a geometry on a grid failed.
        case rasterizeFailed
        /// Writing a file failed; no partial file was left at the destination.
        case writeFailed
        /// Arguments that cannot describe a valid output (e.g. band length ≠ cell count).
        case invalidArgument
    }

    /// What went wrong.
    public let kind: Kind
    /// The file involved, or nil for in-memory operations.
    public let path: String?
    /// What was found and what was expected.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, path: String?, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String {
        let label = kind.label
        if let path { return "\(path): \(label): \(message)" }
        return "\(label): \(message)"
    }
}

extension GeoDataError.Kind {
    /// Human-readable words for the kind, used in ``GeoDataError/description``.
    var label: String {
        switch self {
        case .fileNotFound: "file not found"
        case .unreadable: "unreadable file"
        case .unsupportedFormat: "unsupported format"
        case .noCRS: "no coordinate reference system"
        case .unknownCRS: "unknown coordinate reference system"
        case .layerNotFound: "layer not found"
        case .noGeometryColumn: "no geometry column"
        case .emptyLayer: "empty layer"
        case .invalidGeometry: "invalid geometry"
        case .transformFailed: "coordinate transformation failed"
        case .rasterizeFailed: "rasterization failed"
        case .writeFailed: "write failed"
        case .invalidArgument: "invalid argument"
        }
    }
}
