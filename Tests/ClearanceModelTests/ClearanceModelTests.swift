// Tests: ClearanceModelTests
