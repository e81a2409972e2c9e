package io.paraseq.protocol.batch;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random batches of really signed transactions of every user type, for the codec tests: legacy
 * (EIP-155), EIP-2930 with access lists and EIP-1559; transfers, contract calls and creations,
 * empty and long calldata, zero, round and full-width values, nonces near 2^64-1 and per-sender
 * gaps, repeated and one-off addresses, empty blocks.
 */
final class RandomBatches {

  static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;

  /**
   * A batch and the true sender of each of its transactions.
   *
   * @param blocks the blocks
   * @param senders one per transaction, in batch order
   */
  record Batch(List<BatchBlock> blocks, List<Address> senders) {}

  private final Random random;
  private final List<PrivateKey> keys = new ArrayList<>();
  private final List<Address> keyAddresses = new ArrayList<>();
  private final List<Long> nextNonces = new ArrayList<>();
  private final List<Address> pool = new ArrayList<>();

  RandomBatches(long seed) {
    this.random = new Random(seed);
  }

  /** A batch of {@code txCount} transactions from up to {@code senderCount} senders. */
  Batch batch(int txCount, int senderCount) {
    for (int k = 0; k < senderCount; k++) {
      PrivateKey key = key(random.nextLong());
      keys.add(key);
      keyAddresses.add(address(key));
      nextNonces.add(startNonce());
    }
    for (int k = 0; k < 4; k++) {
      pool.add(randomAddress());
    }
    List<Bytes> raws = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    for (int i = 0; i < txCount; i++) {
      int k = random.nextInt(senderCount);
      long nonce = nextNonce(k);
      raws.add(TransactionSigner.sign(payload(nonce), keys.get(k)).encoded());
      senders.add(keyAddresses.get(k));
    }
    return new Batch(split(raws), senders);
  }

  /** The key with the given seed. */
  static PrivateKey key(long seed) {
    byte[] bytes = Hash.keccak(Bytes.of(BigInteger.valueOf(seed).toByteArray())).bytes().toArray();
    return PrivateKey.of(bytes).orElseThrow();
  }

  /** The address of {@code key}. */
  static Address address(PrivateKey key) {
    DynamicFeeTransaction probe =
        new DynamicFeeTransaction(
            CHAIN, 0, Wei.ZERO, Wei.ZERO, 0, Optional.empty(), Wei.ZERO, Bytes.EMPTY, List.of());
    return TransactionSigner.recoverSender(TransactionSigner.sign(probe, key)).orElseThrow();
  }

  private long startNonce() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000);
      case 2 -> -3L; // 2^64 - 3: reaches the largest nonce within the batch
      default -> random.nextLong() & Long.MAX_VALUE;
    };
  }

  private long nextNonce(int k) {
    long nonce = nextNonces.get(k);
    int gap = random.nextInt(10);
    if (gap == 0) {
      nonce += 1 + random.nextInt(5); // a gap
    } else if (gap == 1) {
      nonce = random.nextInt(3); // back to a low nonce, as after a wrap or a replacement
    }
    nextNonces.set(k, nonce + 1);
    return nonce;
  }

  private UnsignedTransaction payload(long nonce) {
    Optional<Address> to = recipient();
    Wei value = value();
    Bytes data = data();
    long gas = random.nextInt(3) == 0 ? 21_000 : random.nextLong() >>> random.nextInt(64);
    Wei low = fee();
    Wei high = fee();
    if (low.compareTo(high) > 0) {
      Wei swap = low;
      low = high;
      high = swap;
    }
    return switch (random.nextInt(3)) {
      case 0 -> new LegacyTransaction(nonce, high, gas, to, value, data, Optional.of(CHAIN));
      case 1 -> new AccessListTransaction(CHAIN, nonce, high, gas, to, value, data, accessList());
      default ->
          new DynamicFeeTransaction(CHAIN, nonce, low, high, gas, to, value, data, accessList());
    };
  }

  private Optional<Address> recipient() {
    return switch (random.nextInt(6)) {
      case 0 -> Optional.empty();
      case 1, 2 -> Optional.of(pool.get(random.nextInt(pool.size())));
      case 3 -> Optional.of(keyAddresses.get(random.nextInt(keyAddresses.size())));
      default -> Optional.of(randomAddress());
    };
  }

  private Wei value() {
    return switch (random.nextInt(5)) {
      case 0 -> Wei.ZERO;
      case 1 ->
          Wei.of(BigInteger.valueOf(1 + random.nextInt(999)).multiply(BigInteger.TEN.pow(15)));
      case 2 -> Wei.MAX;
      case 3 -> Wei.of(new BigInteger(256, random));
      default -> Wei.of(random.nextLong() & Long.MAX_VALUE);
    };
  }

  private Wei fee() {
    return switch (random.nextInt(4)) {
      case 0 -> Wei.ZERO;
      case 1 -> Wei.of(1_000_000_000L * (1 + random.nextInt(3)));
      default -> Wei.of(new BigInteger(64 + random.nextInt(64), random));
    };
  }

  private Bytes data() {
    int kind = random.nextInt(4);
    if (kind == 0) {
      return Bytes.EMPTY;
    }
    byte[] bytes = new byte[kind == 1 ? 68 : random.nextInt(kind == 2 ? 8 : 400)];
    random.nextBytes(bytes);
    return Bytes.of(bytes);
  }

  private List<AccessListEntry> accessList() {
    List<AccessListEntry> entries = new ArrayList<>();
    int count = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
    for (int e = 0; e < count; e++) {
      Address address =
          random.nextBoolean() ? pool.get(random.nextInt(pool.size())) : randomAddress();
      List<Hash> keys = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        keys.add(random.nextBoolean() ? Hash.ZERO : Hash.keccak(Bytes.of((byte) k, (byte) e)));
      }
      entries.add(new AccessListEntry(address, keys));
    }
    return entries;
  }

  private Address randomAddress() {
    byte[] bytes = new byte[Address.LENGTH];
    random.nextBytes(bytes);
    return Address.of(Bytes.of(bytes));
  }

  private List<BatchBlock> split(List<Bytes> raws) {
    int blockCount = 1 + random.nextInt(5);
    long number = 1 + (random.nextLong() & 0xffff_ffffL);
    long timestamp = 1_700_000_000L + random.nextInt(1_000_000);
    long cursor = random.nextInt(3) == 0 ? 0 : random.nextInt(100_000);
    long l1BaseFee = l1BaseFee();
    List<BatchBlock> blocks = new ArrayList<>();
    int next = 0;
    for (int b = 0; b < blockCount; b++) {
      int end = b == blockCount - 1 ? raws.size() : next + random.nextInt(raws.size() - next + 1);
      blocks.add(
          new BatchBlock(
              number + b, timestamp, cursor, Wei.of(l1BaseFee), raws.subList(next, end)));
      next = end;
      timestamp += random.nextInt(3);
      cursor += random.nextInt(2) == 0 ? 0 : random.nextInt(5);
      l1BaseFee = random.nextInt(3) == 0 ? l1BaseFee : l1BaseFee();
    }
    return blocks;
  }

  /** An L1 base fee: zero, gwei-sized, or anywhere up to the maximum 2^63-1. */
  private long l1BaseFee() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> Long.MAX_VALUE - random.nextInt(3);
      case 2 -> random.nextLong() & Long.MAX_VALUE;
      default -> 1_000_000_000L + random.nextInt(1_000_000_000);
    };
  }
}
