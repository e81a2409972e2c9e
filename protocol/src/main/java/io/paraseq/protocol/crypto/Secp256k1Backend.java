package io.paraseq.protocol.crypto;

import java.util.Optional;

/**
 * The curve arithmetic behind {@link Secp256k1}. {@link Secp256k1} validates every input first, so
 * an implementation may assume: hashes are 32 bytes, private keys are in [1, n-1], r and s are in
 * [1, n-1] and recId is 0 or 1. Implementations must be thread-safe and must not keep or expose the
 * arrays they are given.
 */
interface Secp256k1Backend {

  /** Which implementation this is. */
  Secp256k1.Backend kind();

  /** Returns the 64-byte uncompressed public key (x || y, no 0x04 prefix) of a private key. */
  byte[] publicKey(byte[] privateKey);

  /**
   * Signs a 32-byte hash with an RFC 6979 nonce (HMAC-SHA256, no extra entropy) and returns a low-s
   * signature with its recovery id.
   */
  Signature sign(byte[] messageHash, byte[] privateKey);

  /** Recovers the 64-byte public key, or empty if r is no x-coordinate or the result is ∞. */
  Optional<byte[]> recover(byte[] messageHash, byte[] r, byte[] s, int recId);
}
