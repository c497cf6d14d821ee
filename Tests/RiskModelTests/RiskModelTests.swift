// Tests: RiskModelTests
