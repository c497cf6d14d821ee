import CGDAL

extension VectorReaderOptions {
    /// Column names that hold X (easting/longitude) coordinates, lowercase; a trailing `*` is a prefix.
    static let csvXNames = ["x", "lon", "longitude", "lng", "longitud*", "easting"]
    /// Column names that hold Y (northing/latitude) coordinates, lowercase; a trailing `*` is a prefix.
    static let csvYNames = ["y", "lat", "latitude", "latitud*", "northing"]

    /// GDAL CSV open options for the file at `path`, naming its X and Y columns exactly.
    ///
    /// GDAL 3.6's CSV driver dereferences a null pointer in `OGR_L_GetNextFeature` when two columns
    /// match `X_POSSIBLE_NAMES` (or `Y_POSSIBLE_NAMES`) together with `KEEP_GEOM_COLUMNS=NO`: a
    /// header as ordinary as `lon,x,y`, or `x,x,y`, crashed the whole program (found by
    /// Fuzz/FuzzLayerReader). So the header is read first with a plain open (no geometry options),
    /// the X column is the first column in file order matching ``csvXNames`` (likewise Y), and
    /// GDAL is given exactly that one name. A chosen name that appears twice (ignoring case, as
    /// GDAL matches) is ambiguous and refused.
    ///
    /// ```swift
    /// try VectorReaderOptions.csvOpenOptions(for: "incidents.csv")
    /// // ["X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"]
    /// ```
    ///
    /// - Throws: ``GeoDataError`` from opening the file, or `unreadable` for an ambiguous header.
    /// - Complexity: O(number of columns); GDAL reads only the header here.
    static func csvOpenOptions(for path: String) throws -> [String] {
        let header = try GDALDataset.open(path: path, vector: true, drivers: ["CSV"])
        let names = fieldDefinitions(of: try header.layer(named: nil)).map(\.name)
        // Without AUTODETECT_TYPE every CSV column is a string; planners expect counts and dates typed.
        let typed = ["KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"]
        guard let x = names.first(where: { matches($0, csvXNames) }),
              let y = names.first(where: { matches($0, csvYNames) }) else {
            // No coordinate pair: GDAL finds no geometry, and the reader says which columns it expected.
            return typed
        }
        for chosen in [x, y] {
            let count = names.filter { $0.lowercased() == chosen.lowercased() }.count
            if count > 1 {
                throw GeoDataError(.unreadable, path: path,
                                   "the CSV header has \(count) columns named '\(chosen)'; expected each column name once, so that the coordinate columns are unambiguous")
            }
            // GDAL splits the option at commas and treats `*` as a wildcard.
            if chosen.contains(",") || chosen.contains("*") {
                throw GeoDataError(.unreadable, path: path,
                                   "the CSV coordinate column '\(chosen)' has a ',' or '*' in its name; expected a plain name such as x, lon or easting")
            }
        }
        return ["X_POSSIBLE_NAMES=\(x)", "Y_POSSIBLE_NAMES=\(y)"] + typed
    }

    /// Whether `name` matches one of `patterns` (case-insensitive; a trailing `*` matches any suffix).
    static func matches(_ name: String, _ patterns: [String]) -> Bool {
        let lower = name.lowercased()
        return patterns.contains { pattern in
            pattern.hasSuffix("*") ? lower.hasPrefix(pattern.dropLast()) : lower == pattern
        }
    }
}
