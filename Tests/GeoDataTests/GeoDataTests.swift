// Tests: GeoDataTests
