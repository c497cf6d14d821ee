// Tests: LinearAlgebraTests
