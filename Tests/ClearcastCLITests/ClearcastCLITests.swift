// Tests: ClearcastCLITests
