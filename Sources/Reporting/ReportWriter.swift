import AtomicFiles
import Foundation
import GeoData

// MARK: - ReportWriter

/// Writes report files atomically: readers see the old file or the complete new one, never a
/// partial notebook (see `AtomicFiles.AtomicFile`).
///
/// ```swift
/// try ReportWriter.writeNotebook(NotebookExporter.notebook(for: result), to: "out/forecast.ipynb")
/// ```
public enum ReportWriter {
    /// Writes notebook bytes to `path` atomically.
    ///
    /// - Throws: `GeoDataError` (`writeFailed`) when the directory does not exist or is not writable;
    ///   an existing file at `path` is then left untouched.
    public static func writeNotebook(_ data: Data, to path: String) throws {
        try AtomicFile.write(data, to: path)
    }
}
