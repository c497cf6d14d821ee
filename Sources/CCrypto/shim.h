// The only place clearcast includes OpenSSL: the system's libcrypto (Debian's libssl-dev) computes
// the SHA-256 content hashes of scenario and layer files. Only the EVP digest interface is used.
//
// Why not swift-crypto: it compiled its bundled BoringSSL (about 700 C files) on every clean build,
// for one hash; see the README's Development section for the measured build times.
#ifndef CLEARCAST_CCRYPTO_SHIM_H
#define CLEARCAST_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
