import Dispatch
import Foundation

/// Stops a run cleanly on Ctrl-C (SIGINT) or SIGTERM: results are only ever written atomically at the
/// end of a run, so stopping before that leaves any earlier output file intact; exit code 130.
enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("\nclearcast: interrupted; no output was written\n".utf8))
                exit(ExitStatus.interrupted)
            }
            source.resume()
            sources.append(source)
        }
    }
}
