package io.paraseq.bench.load;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Random but reproducible recipients: the recipient of transfer {@code i} is the last 20 bytes of
 * {@code keccak256("paraseq-bench-to" ‖ seed ‖ i)}, a fresh account nobody holds a key for. Each
 * index is computed on its own, so transfers can be signed in parallel in any order.
 */
public final class Recipients {

  private static final byte[] DOMAIN = "paraseq-bench-to".getBytes(StandardCharsets.US_ASCII);

  private Recipients() {}

  /** The recipient of transfer {@code index} under {@code seed}. */
  public static Address of(long seed, int index) {
    byte[] hash = SeededHash.of(DOMAIN, seed, index);
    return Address.of(Bytes.of(hash, hash.length - Address.LENGTH, Address.LENGTH));
  }
}
