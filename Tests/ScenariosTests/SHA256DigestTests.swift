import Foundation
@testable import Scenarios
import Testing
import _TestSupport

/// The libcrypto digest behind scenario content hashes, on the FIPS 180-2 test vectors and against
/// `sha256sum` (coreutils, an independent implementation) on random data split at random points.
@Suite struct SHA256DigestTests {
    static func hex(_ chunks: [Data]) throws -> String {
        var digest = try SHA256Digest()
        for chunk in chunks { try digest.update(chunk) }
        return try digest.hexFinal()
    }

    @Test func publishedTestVectors() throws {
        #expect(try Self.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try Self.hex([Data("abc".utf8)]) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(try Self.hex([Data(twoBlocks.utf8)]) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "needs coreutils' sha256sum"))
    func chunkedDigestMatchesSha256sum() throws {
        var state: UInt64 = 42
        let bytes = (0..<100_003).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let data = Data(bytes)
        let scratch = try ScratchDirectory("sha256")
        defer { scratch.remove() }
        let file = try scratch.write(data, to: "random.bin")
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [file])
        #expect(run.status == 0)
        let expected = String(run.stdout.prefix(64))
        #expect(try Self.hex([data]) == expected)
        #expect(try Self.hex([data.prefix(1), data.dropFirst(1).prefix(64), data.dropFirst(65)]) == expected)
    }
}
