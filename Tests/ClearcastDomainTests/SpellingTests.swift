import ClearcastDomain
import Testing

@Suite("Spelling")
struct SpellingTests {
    /// The rolling-row distance against the textbook full-table recurrence, on random words.
    @Test func editDistanceMatchesTheFullTable() {
        func reference(_ a: [Character], _ b: [Character]) -> Int {
            var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { table[i][0] = i }
            for j in 0...b.count { table[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
            return table[a.count][b.count]
        }
        var state: UInt64 = 7
        func word() -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            return String((0..<length).map { i in Character(UnicodeScalar(UInt8(97 + Int((state >> UInt64(i * 3)) & 3))) )})
        }
        for _ in 0..<500 {
            let a = word(), b = word()
            #expect(Spelling.editDistance(a, b) == reference(Array(a), Array(b)), "\(a) / \(b)")
        }
    }

    @Test func suggestsOnlyLikelyTypos() {
        #expect(Spelling.closest(to: "cel_size", among: ["cell_size", "bbox", "crs"]) == "cell_size")
        #expect(Spelling.closest(to: "simulat", among: ["validate", "simulate", "score"]) == "simulate")
        #expect(Spelling.closest(to: "Horadz", among: ["Fuzuli", "Horadiz"]) == "Horadiz")
        #expect(Spelling.closest(to: "frobnicate", among: ["validate", "simulate", "score"]) == nil)
    }
}
