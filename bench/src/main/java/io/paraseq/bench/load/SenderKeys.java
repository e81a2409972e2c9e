package io.paraseq.bench.load;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.crypto.Secp256k1Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The generator's sender accounts, derived from a seed so that every run with the same seed (and
 * both targets of one run) use the same keys: key {@code i} is {@code keccak256("paraseq-bench" ‖
 * seed ‖ i)}, hashed again in the (astronomically unlikely) case it is not a valid scalar.
 */
public final class SenderKeys {

  private static final byte[] DOMAIN = "paraseq-bench".getBytes(StandardCharsets.US_ASCII);

  private SenderKeys() {}

  /** The first {@code count} sender accounts of {@code seed}, index 0 first. */
  public static List<Account> derive(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    return IntStream.range(0, count).parallel().mapToObj(i -> Account.of(key(seed, i))).toList();
  }

  /** Sender key {@code index} of {@code seed}. */
  static PrivateKey key(long seed, int index) {
    byte[] candidate = SeededHash.of(DOMAIN, seed, index);
    while (true) {
      if (PrivateKey.of(candidate) instanceof Secp256k1Result.Ok<PrivateKey> ok) {
        return ok.value();
      }
      candidate = Keccak256.hash(candidate);
    }
  }
}
