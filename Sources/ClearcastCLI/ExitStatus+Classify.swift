extension ExitStatus {
    /// Exit code and message for errors of the lower layers, by type: input problems exit 2.
    static func classify(_ error: Error) -> (Int32, String)? {
        nil
    }
}
