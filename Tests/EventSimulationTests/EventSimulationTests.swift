import Testing
@testable import EventSimulation

@Test func smoke() throws {
    var q = EventQueue<Int>()
    try q.schedule(1, at: 2)
    #expect(q.popNext()?.event == 1)
    var rng = RandomStream(seed: 1)
    _ = Distribution.gamma(shape: 2, scale: 1).sample(using: &rng)
    _ = try Distribution.lognormal(median: 1, p90: 2)
}
