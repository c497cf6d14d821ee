import Foundation

extension Scenario {
    /// SHA-256 (hex) over every file this scenario reads: the scenario file, the files it extends,
    /// then its layer files, each preceded by its length so that boundaries cannot shift.
    ///
    /// Two results with the same hash were computed from byte-identical inputs.
    public func contentHash() throws -> String {
        var hasher = try SHA256Digest()
        let layerFiles = [layers.incidents, layers.settlements, layers.hazards, layers.landUse].compactMap { $0?.url }
        for url in sourceFiles + layerFiles {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ScenarioError(file: url.path, message: "cannot be read to compute the scenario hash: \(error.localizedDescription)")
            }
            try withUnsafeBytes(of: UInt64(data.count).littleEndian) { try hasher.update($0) }
            try hasher.update(data)
        }
        return try hasher.hexFinal()
    }
}
