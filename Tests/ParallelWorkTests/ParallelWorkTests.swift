import Foundation
import ParallelWork
import Testing

/// The bound on threads and the lock. The width is process-wide, so tests that change it run in a
/// child process (exit tests).
@Suite struct ParallelWorkTests {
    @Test(arguments: [0, 1, 2, 7, 64, 1_000])
    func everyPieceRunsExactlyOnce(count: Int) {
        let seen = Locked([Int](repeating: 0, count: count))
        ParallelWork.forEach(count) { i in seen.withLock { $0[i] += 1 } }
        #expect(seen.withLock { $0 } == [Int](repeating: 1, count: count))
        #expect(ParallelWork.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
    }

    /// No more threads than the width are ever inside the loop at once, for widths 1 to 3.
    @Test func concurrencyNeverExceedsTheWidth() async {
        await #expect(processExitsWith: .success) {
            for width in 1...3 {
                precondition(ParallelWork.setWidth(width) == width && ParallelWork.width == width)
                let state = Locked((inside: 0, most: 0))
                ParallelWork.forEach(48) { _ in
                    state.withLock { $0.inside += 1; $0.most = max($0.most, $0.inside) }
                    Thread.sleep(forTimeInterval: 0.001)
                    state.withLock { $0.inside -= 1 }
                }
                precondition(state.withLock { $0.most } <= width, "width \(width) exceeded")
            }
            precondition(ParallelWork.setWidth(0) == 1 && ParallelWork.setWidth(-5) == 1)
        }
    }

    @Test func lockedSerialisesUpdates() {
        let total = Locked(0)
        ParallelWork.forEach(10_000) { i in total.withLock { $0 += i } }
        #expect(total.withLock { $0 } == 10_000 * 9_999 / 2)
    }
}
