package io.paraseq.bench.load;

import io.paraseq.protocol.crypto.Keccak256;
import java.nio.ByteBuffer;

/**
 * The one derivation of the generator's deterministic material: keccak256(domain ‖ seed ‖ index),
 * seed as 8 and index as 4 big-endian bytes. Sender keys and recipients use it with their own
 * domain, so a seed fixes a whole workload.
 */
final class SeededHash {

  private SeededHash() {}

  /** keccak256 of {@code domain}, {@code seed} and {@code index}. */
  static byte[] of(byte[] domain, long seed, int index) {
    return Keccak256.hash(
        ByteBuffer.allocate(domain.length + Long.BYTES + Integer.BYTES)
            .put(domain)
            .putLong(seed)
            .putInt(index)
            .array());
  }
}
