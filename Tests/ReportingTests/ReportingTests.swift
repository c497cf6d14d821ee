// Tests: ReportingTests
