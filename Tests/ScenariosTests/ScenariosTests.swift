// Tests: ScenariosTests
