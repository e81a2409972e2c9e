package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds the ingress path a million random and mutated raw transactions. For each: the decoder
 * returns a value and never throws; an accepted input re-encodes to exactly the same bytes (only
 * canonical encodings are accepted); the validator then returns a value too; every 64th accepted
 * input also goes through sender recovery. Mutations start from valid signed transactions of every
 * type (legacy with and without EIP-155, EIP-2930, EIP-1559, deposits).
 *
 * <p>Seed and count are fixed and printed; override with {@code -Dparaseq.fuzz.seed=…} and {@code
 * -Dparaseq.fuzz.iterations=…}.
 */
class TransactionDecoderFuzzTest {

  private static final long SEED = Long.getLong("paraseq.fuzz.seed", 0x7A_2026L);
  private static final int ITERATIONS = Integer.getInteger("paraseq.fuzz.iterations", 1_000_000);
  private static final int CORPUS_SIZE = 400;

  private final SplittableRandom random = new SplittableRandom(SEED);
  private final List<byte[]> corpus = new ArrayList<>();
  private final Map<InvalidTransaction, Integer> decodeRejections =
      new EnumMap<>(InvalidTransaction.class);
  private final Map<InvalidTransaction, Integer> validateRejections =
      new EnumMap<>(InvalidTransaction.class);
  private final TransactionValidator validator =
      new TransactionValidator(new ValidationPolicy(ChainId.of(3195), true, true));
  private int accepted;
  private int recovered;

  @Test
  void everyInputIsDecodedCanonicallyOrRejectedWithAReason() {
    for (int i = 0; i < CORPUS_SIZE; i++) {
      corpus.add(TransactionEncoder.encode(randomTransaction()).toArray());
    }
    long started = System.nanoTime();
    long totalBytes = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = nextInput(i);
      totalBytes += input.length;
      try {
        check(input);
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "seed=" + SEED + " iteration=" + i + " input=0x" + HexFormat.of().formatHex(input), e);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "tx fuzz seed=%#x inputs=%d bytes=%d ms=%d accepted=%d recovered=%d"
            + " decode-rejected=%s validate-rejected=%s%n",
        SEED,
        ITERATIONS,
        totalBytes,
        millis,
        accepted,
        recovered,
        decodeRejections,
        validateRejections);
    assertThat(accepted).isPositive();
    assertThat(recovered).isPositive();
    assertThat(decodeRejections)
        .containsKeys(
            InvalidTransaction.RLP_MALFORMED,
            InvalidTransaction.TYPE_NOT_SUPPORTED,
            InvalidTransaction.WRONG_FIELD_COUNT);
  }

  private void check(byte[] input) {
    TransactionResult<Transaction> decoded = TransactionDecoder.decode(input);
    if (decoded.rejectionIfInvalid().isPresent()) {
      decodeRejections.merge(decoded.rejectionIfInvalid().get().reason(), 1, Integer::sum);
      return;
    }
    Transaction tx = decoded.valueIfValid().orElseThrow();
    accepted++;
    byte[] again = TransactionEncoder.encode(tx).toArray();
    if (!Arrays.equals(again, input)) {
      throw new AssertionError(
          "accepted a non-canonical encoding; re-encoded as 0x" + HexFormat.of().formatHex(again));
    }
    validator
        .validate(tx)
        .rejectionIfInvalid()
        .ifPresent(r -> validateRejections.merge(r.reason(), 1, Integer::sum));
    if ((accepted & 63) == 0) {
      TransactionSigner.sender(tx);
      recovered++;
    }
  }

  // ---------------------------------------------------------------- inputs

  private byte[] nextInput(int i) {
    if (i % 10 == 0) {
      byte[] noise = new byte[random.nextInt(0, 300)];
      random.nextBytes(noise);
      if (noise.length > 0 && random.nextBoolean()) {
        noise[0] = (byte) random.nextInt(0, 8); // a typed envelope header, or an unknown type
      }
      return noise;
    }
    byte[] base = corpus.get(random.nextInt(corpus.size()));
    int mutations = 1 + random.nextInt(3);
    byte[] out = base.clone();
    for (int m = 0; m < mutations; m++) {
      out = mutate(out);
    }
    return out;
  }

  private byte[] mutate(byte[] in) {
    if (in.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = random.nextInt(in.length);
    byte[] out;
    switch (random.nextInt(8)) {
      case 0 -> { // flip one bit
        out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
      }
      case 1 -> { // overwrite one byte
        out = in.clone();
        out[at] = (byte) random.nextInt(256);
      }
      case 2 -> out = Arrays.copyOf(in, at); // truncate
      case 3 -> { // append garbage
        out = Arrays.copyOf(in, in.length + 1 + random.nextInt(8));
        for (int k = in.length; k < out.length; k++) {
          out[k] = (byte) random.nextInt(256);
        }
      }
      case 4 -> { // insert one byte
        out = new byte[in.length + 1];
        System.arraycopy(in, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(in, at, out, at + 1, in.length - at);
      }
      case 5 -> { // delete one byte
        out = new byte[in.length - 1];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + 1, out, at, in.length - at - 1);
      }
      case 6 -> { // change the envelope type
        out = in.clone();
        out[0] = (byte) new int[] {0, 1, 2, 3, 4, 5, 0x7e, 0x7f, 0xc0, 0xf8}[random.nextInt(10)];
      }
      default -> { // splice the head of one transaction onto the tail of another
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        int cut = random.nextInt(other.length);
        out = new byte[at + other.length - cut];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(other, cut, out, at, other.length - cut);
      }
    }
    return out;
  }

  private Transaction randomTransaction() {
    int kind = random.nextInt(5);
    if (kind == 4) {
      return new DepositTransaction(
          Hash.of(randomBytes(32)),
          address(),
          address(),
          wei(),
          wei(),
          gas(),
          random.nextBoolean(),
          randomBytes(random.nextInt(0, 64)));
    }
    long nonce = random.nextBoolean() ? random.nextLong(0, 1000) : random.nextLong() >>> 1;
    Optional<Address> to = random.nextInt(8) == 0 ? Optional.empty() : Optional.of(address());
    Bytes data = randomBytes(random.nextInt(0, 100));
    UnsignedTransaction unsigned =
        switch (kind) {
          case 0 ->
              new LegacyTransaction(nonce, wei(), gas(), to, wei(), data, Optional.of(chainId()));
          case 1 -> new LegacyTransaction(nonce, wei(), gas(), to, wei(), data, Optional.empty());
          case 2 ->
              new AccessListTransaction(
                  chainId(), nonce, wei(), gas(), to, wei(), data, accessList());
          default -> {
            Wei max = wei();
            Wei tip = Wei.of(max.value().divide(BigInteger.valueOf(1 + random.nextInt(4))));
            yield new DynamicFeeTransaction(
                chainId(), nonce, tip, max, gas(), to, wei(), data, accessList());
          }
        };
    byte[] key = randomBytes(32).toArray();
    key[0] &= 0x7f;
    key[31] |= 1;
    return TransactionSigner.sign(unsigned, PrivateKey.of(key).orElseThrow());
  }

  private List<AccessListEntry> accessList() {
    List<AccessListEntry> entries = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<Hash> keys = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        keys.add(Hash.of(randomBytes(32)));
      }
      entries.add(new AccessListEntry(address(), keys));
    }
    return entries;
  }

  private ChainId chainId() {
    return random.nextBoolean() ? ChainId.of(3195) : ChainId.of(random.nextLong(1, 1L << 40));
  }

  private long gas() {
    return random.nextBoolean() ? 21_000 + random.nextInt(200_000) : random.nextLong() >>> 1;
  }

  private Wei wei() {
    return Wei.of(new BigInteger(random.nextInt(1, 257), new java.util.Random(random.nextLong())));
  }

  private Address address() {
    return Address.of(randomBytes(20));
  }

  private Bytes randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Bytes.of(b);
  }
}
