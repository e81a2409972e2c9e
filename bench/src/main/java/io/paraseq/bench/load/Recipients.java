package io.paraseq.bench.load;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Random but reproducible recipients: the recipient of transfer {@code i} is the last 20 bytes of
 * {@code keccak256("paraseq-bench-to" ‖ seed ‖ i)}, a fresh account nobody holds a key for. Each
 * index is computed on its own, so transfers can be signed in parallel in any order.
 */
final class Recipients {

  private static final byte[] DOMAIN = "paraseq-bench-to".getBytes(StandardCharsets.US_ASCII);

  private Recipients() {}

  /** The recipient of transfer {@code index} under {@code seed}. */
  static Address of(long seed, int index) {
    byte[] material =
        ByteBuffer.allocate(DOMAIN.length + Long.BYTES + Integer.BYTES)
            .put(DOMAIN)
            .putLong(seed)
            .putInt(index)
            .array();
    byte[] hash = Keccak256.hash(material);
    return Address.of(Bytes.of(hash, hash.length - Address.LENGTH, Address.LENGTH));
  }
}
