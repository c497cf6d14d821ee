// Tests: EventSimulationTests
