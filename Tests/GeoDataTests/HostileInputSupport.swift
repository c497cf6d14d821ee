import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: - LocalListener

/// A TCP server on 127.0.0.1 with a port the system picks. It counts connections, accepting each
/// and closing it at once. A test points a layer file at ``url`` and afterwards expects
/// ``stop()`` to return 0, which shows the read made no network request.
///
/// A request that does get through fails quickly with an empty reply, so the test fails instead of
/// hanging. Accepting happens on a thread of its own that polls every 20 ms.
///
/// ```swift
/// let listener = try LocalListener()
/// try dir.write(#"{"crs": {"type": "link", "properties": {"href": "\(listener.url)/crs"}}, …}"#, to: "x.geojson")
/// _ = try? readVectorLayer(at: dir.file("x.geojson"), targetEPSG: 32638)
/// #expect(listener.stop() == 0)
/// ```
final class LocalListener: @unchecked Sendable {
    /// The port, in host byte order.
    let port: UInt16
    private let socketDescriptor: Int32
    private let state = NSLock()
    private var accepted = 0          // guarded by `state`
    private var stopping = false      // guarded by `state`
    private let finished = DispatchSemaphore(value: 0)

    /// `http://127.0.0.1:<port>`.
    var url: String { "http://127.0.0.1:\(port)" }

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Stops listening and returns the number of connections made, including any still queued.
    func stop() -> Int {
        state.withLock { stopping = true }
        finished.wait()
        acceptPending(timeout: 0)
        close(socketDescriptor)
        return state.withLock { accepted }
    }

    private func serve() {
        while !state.withLock({ stopping }) {
            acceptPending(timeout: 20)
        }
        finished.signal()
    }

    /// Accepts (and closes) every connection that arrives within `timeout` milliseconds.
    private func acceptPending(timeout: Int32) {
        var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, timeout) > 0 {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return }
            state.withLock { accepted += 1 }
            close(connection)
        }
    }
}

// MARK: - GuardedFIFO

/// A named pipe (FIFO) that a test can hand to code that must *not* open it, without ever hanging.
///
/// Opening a FIFO for reading blocks until a writer appears, so code that wrongly opened it would
/// hang the test run. A thread tries, every 20 ms, to open the FIFO for writing without blocking;
/// that succeeds only while a reader has it open, and closing at once gives that reader
/// end-of-file. ``stop()`` says whether a reader ever opened the FIFO.
final class GuardedFIFO: @unchecked Sendable {
    let path: String
    private let state = NSLock()
    private var readerSeen = false    // guarded by `state`
    private var stopping = false      // guarded by `state`
    private let finished = DispatchSemaphore(value: 0)

    init(at path: String) throws {
        self.path = path
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let thread = Thread { [self] in release() }
        thread.start()
    }

    /// Stops the releasing thread; true when some reader opened the FIFO meanwhile.
    func stop() -> Bool {
        state.withLock { stopping = true }
        finished.wait()
        return state.withLock { readerSeen }
    }

    private func release() {
        while !state.withLock({ stopping }) {
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 {
                state.withLock { readerSeen = true }
                close(writer)
            }
            usleep(20_000)
        }
        finished.signal()
    }
}
