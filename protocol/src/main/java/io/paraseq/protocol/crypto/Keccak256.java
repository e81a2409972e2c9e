package io.paraseq.protocol.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not FIPS-202 SHA3-256).
 *
 * <p>Thread-safe: every call uses its own digest state.
 */
public final class Keccak256 {

  /** Length of a digest in bytes. */
  public static final int LENGTH = 32;

  private Keccak256() {}

  /** Returns keccak256(input). */
  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  /** Returns keccak256(input[offset .. offset+length)). */
  public static byte[] hash(byte[] input, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}
