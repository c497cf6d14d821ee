import ParallelWork
import Foundation

// MARK: - Directories kept until the process exits

/// Directories handed out as bare URLs (``ScratchDirectory/removedAtExit(_:)``), kept alive until exit.
private let keptUntilExit = Locked<[ScratchDirectory]>([])
/// Whether the `atexit` handler is installed.
private let exitHandlerInstalled = Locked(false)

extension ScratchDirectory {
    /// A new scratch directory as a bare URL, for code that removes it itself (`defer { try?
    /// FileManager.default.removeItem(at: url) }`); whatever is left is removed when the test process
    /// exits, so a test that forgets, or stops at a failed `#require`, leaves nothing behind.
    ///
    /// Prefer owning a ``ScratchDirectory``, which is removed as soon as the test ends.
    ///
    /// ```swift
    /// let directory = try ScratchDirectory.removedAtExit("sim")
    /// defer { try? FileManager.default.removeItem(at: directory) }
    /// ```
    public static func removedAtExit(_ label: String) throws -> URL {
        let scratch = try ScratchDirectory(label)
        keptUntilExit.withLock { $0.append(scratch) }
        exitHandlerInstalled.withLock { installed in
            guard !installed else { return }
            installed = true
            atexit {
                let directories = keptUntilExit.withLock { kept in
                    defer { kept.removeAll() }
                    return kept
                }
                for directory in directories { directory.remove() }
            }
        }
        return scratch.url
    }
}
