import CCrypto
import Foundation

// MARK: - SHA256Digest

/// An incremental SHA-256 over the system's libcrypto (OpenSSL's EVP interface): the one place
/// Scenarios calls C, so the digest context's lifetime is managed here and nowhere else.
///
/// ```swift
/// var digest = try SHA256Digest()
/// digest.update(Data("abc".utf8))
/// digest.hexFinal()   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
struct SHA256Digest: ~Copyable {
    /// libcrypto could not set up or run a digest (out of memory, or a broken installation).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let context: OpaquePointer

    init() throws {
        guard let context = EVP_MD_CTX_new() else { throw Failure(description: "libcrypto: cannot allocate a digest context") }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            throw Failure(description: "libcrypto: cannot start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    mutating func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else { throw Failure(description: "libcrypto: SHA-256 update failed") }
    }

    /// Adds `data` to the digest.
    mutating func update(_ data: Data) throws {
        try data.withUnsafeBytes { try update($0) }
    }

    /// The digest as 64 lower-case hex digits; the digest is finished afterwards.
    consuming func hexFinal() throws -> String {
        var bytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &bytes, &length) == 1, length == 32 else {
            throw Failure(description: "libcrypto: SHA-256 could not be finished")
        }
        return bytes.prefix(Int(length)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
