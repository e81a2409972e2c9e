package io.paraseq.bench.compress;

import io.paraseq.bench.load.Account;
import io.paraseq.bench.load.Recipients;
import io.paraseq.bench.load.SenderKeys;
import io.paraseq.protocol.batch.BatchBlock;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Builds realistic batches deterministically from a seed, with really signed transactions.
 *
 * <ul>
 *   <li>Senders: the load generator's keys ({@link SenderKeys}, same seed), drawn uniformly; each
 *       starts at a random nonce below 500 and sends its transactions in nonce order.
 *   <li>Recipients: the load generator's derived addresses, rank drawn Zipf-like (s = 1) from the
 *       recipient count.
 *   <li>Amounts: 60 % round (1–999 × 10^k), the rest with every digit significant (values a wallet
 *       computes, such as "send all" or a fiat conversion); swap minimum outputs are always exact.
 *   <li>Fees: EIP-1559 tips from three levels, fee caps from five; gas limits from a few levels per
 *       kind (21,000 for transfers).
 *   <li>Blocks of 250 transactions, four per second; the deposit cursor moves every tenth block.
 * </ul>
 *
 * Not thread-safe; signing runs in parallel internally.
 */
final class BatchGenerator {

  static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;

  /** {@code transfer(address,uint256)}. */
  static final Bytes TRANSFER_SELECTOR = selector("transfer(address,uint256)");

  /** {@code swap(address,uint256,uint256,address)}: tokenIn, amountIn, minAmountOut, to. */
  static final Bytes SWAP_SELECTOR = selector("swap(address,uint256,uint256,address)");

  private static final int BLOCK_SIZE = 250;
  private static final long[] TIPS = {1_000_000, 10_000_000, 100_000_000};
  private static final long[] FEE_CAPS = {
    100_000_000, 120_000_000, 150_000_000, 200_000_000, 1_000_000_000
  };
  private static final long[] TOKEN_GAS = {52_000, 60_000, 65_000, 80_000};
  private static final long[] SWAP_GAS = {150_000, 180_000, 200_000, 250_000};

  private final long seed;
  private final List<Account> accounts;
  private final List<Address> recipients;
  private final List<Address> tokens;
  private final List<Address> pairs;
  private final Zipf recipientRanks;

  BatchGenerator(long seed, int senderCount, int recipientCount) {
    this.seed = seed;
    this.accounts = SenderKeys.derive(seed, senderCount);
    this.recipients =
        IntStream.range(0, recipientCount).mapToObj(i -> Recipients.of(seed, i)).toList();
    this.tokens = IntStream.range(0, 3).mapToObj(i -> named("token", i)).toList();
    this.pairs = IntStream.range(0, 5).mapToObj(i -> named("pair", i)).toList();
    this.recipientRanks = new Zipf(recipientCount, 1.0);
  }

  /** A batch of {@code txCount} transactions of {@code workload}: the measured one, round 0. */
  GeneratedBatch generate(Workload workload, int txCount) {
    return generate(workload, txCount, 0);
  }

  /**
   * Batch {@code round} of {@code workload}: the same senders and recipients (and tokens and pairs)
   * as every other round, drawn by another random stream; round 0 is {@link #generate(Workload,
   * int)}'s batch. Each round's senders start at fresh random nonces.
   */
  GeneratedBatch generate(Workload workload, int txCount, int round) {
    SplittableRandom random =
        new SplittableRandom(seed * 31 + workload.ordinal() + 1_000_003L * round);
    long[] nonces = new long[accounts.size()];
    for (int k = 0; k < nonces.length; k++) {
      nonces[k] = random.nextInt(500);
    }
    UnsignedTransaction[] payloads = new UnsignedTransaction[txCount];
    int[] senders = new int[txCount];
    for (int i = 0; i < txCount; i++) {
      int k = random.nextInt(accounts.size());
      senders[i] = k;
      payloads[i] = payload(workload, random, nonces[k]++, accounts.get(k).address());
    }
    List<Bytes> raws =
        IntStream.range(0, txCount)
            .parallel()
            .mapToObj(
                i -> TransactionSigner.sign(payloads[i], accounts.get(senders[i]).key()).encoded())
            .toList();
    List<Address> senderAddresses = new ArrayList<>(txCount);
    Set<Address> recipientSet = new HashSet<>();
    long rawBytes = 0;
    for (int i = 0; i < txCount; i++) {
      senderAddresses.add(accounts.get(senders[i]).address());
      payloads[i].to().ifPresent(recipientSet::add);
      rawBytes += raws.get(i).length();
    }
    return new GeneratedBatch(
        workload,
        blocks(raws),
        senderAddresses,
        txCount,
        rawBytes,
        new HashSet<>(senderAddresses).size(),
        recipientSet.size());
  }

  private UnsignedTransaction payload(
      Workload workload, SplittableRandom random, long nonce, Address sender) {
    return switch (workload) {
      case TRANSFERS -> transfer(random, nonce, false);
      case TOKENS -> tokenTransfer(random, nonce);
      case SWAPS -> swap(random, nonce, sender);
      case MIX -> {
        int roll = random.nextInt(100);
        if (roll < 50) {
          yield transfer(random, nonce, roll < 5);
        }
        yield roll < 80 ? tokenTransfer(random, nonce) : swap(random, nonce, sender);
      }
    };
  }

  private UnsignedTransaction transfer(SplittableRandom random, long nonce, boolean legacy) {
    Optional<Address> to = Optional.of(recipient(random));
    Wei value = Wei.of(amount(random, 13, 18, 0.6));
    if (legacy) {
      Wei gasPrice = Wei.of(FEE_CAPS[random.nextInt(3)]);
      return new LegacyTransaction(
          nonce, gasPrice, 21_000, to, value, Bytes.EMPTY, Optional.of(CHAIN));
    }
    return dynamicFee(random, nonce, 21_000, to, value, Bytes.EMPTY);
  }

  private UnsignedTransaction tokenTransfer(SplittableRandom random, long nonce) {
    Address token = tokens.get(weighted(random, 60, 30));
    Bytes data =
        TRANSFER_SELECTOR.concat(word(recipient(random))).concat(word(amount(random, 15, 21, 0.6)));
    long gas = TOKEN_GAS[random.nextInt(TOKEN_GAS.length)];
    return dynamicFee(random, nonce, gas, Optional.of(token), Wei.ZERO, data);
  }

  private UnsignedTransaction swap(SplittableRandom random, long nonce, Address sender) {
    int pair = random.nextInt(pairs.size());
    Address tokenIn = tokens.get((pair + random.nextInt(2)) % tokens.size());
    BigInteger amountIn = amount(random, 15, 21, 0.5);
    BigInteger minOut = amount(random, 15, 21, 0.0);
    Address to = random.nextInt(10) == 0 ? recipient(random) : sender;
    Bytes data =
        SWAP_SELECTOR
            .concat(word(tokenIn))
            .concat(word(amountIn))
            .concat(word(minOut))
            .concat(word(to));
    long gas = SWAP_GAS[random.nextInt(SWAP_GAS.length)];
    return dynamicFee(random, nonce, gas, Optional.of(pairs.get(pair)), Wei.ZERO, data);
  }

  private static DynamicFeeTransaction dynamicFee(
      SplittableRandom random, long nonce, long gas, Optional<Address> to, Wei value, Bytes data) {
    Wei tip = Wei.of(TIPS[weighted(random, 50, 30)]);
    Wei cap = Wei.of(FEE_CAPS[random.nextInt(FEE_CAPS.length)]);
    return new DynamicFeeTransaction(CHAIN, nonce, tip, cap, gas, to, value, data, List.of());
  }

  private Address recipient(SplittableRandom random) {
    return recipients.get(recipientRanks.next(random));
  }

  /**
   * An amount between 10^minExp and 10^(maxExp+1): round (1–999 × 10^k) with probability {@code
   * round}, else with every digit significant.
   */
  static BigInteger amount(SplittableRandom random, int minExp, int maxExp, double round) {
    int exp = minExp + random.nextInt(maxExp - minExp + 1);
    if (random.nextDouble() < round) {
      return BigInteger.valueOf(1 + random.nextInt(999)).multiply(BigInteger.TEN.pow(exp));
    }
    BigInteger scale = BigInteger.TEN.pow(exp + 3);
    BigInteger digits = BigInteger.valueOf(random.nextLong(1_000_000_000_000_000L));
    return digits.multiply(scale).divide(BigInteger.TEN.pow(18)).add(BigInteger.ONE);
  }

  /** 0 with probability first %, 1 with probability second %, else 2. */
  private static int weighted(SplittableRandom random, int first, int second) {
    int roll = random.nextInt(100);
    return roll < first ? 0 : roll < first + second ? 1 : 2;
  }

  private static List<BatchBlock> blocks(List<Bytes> raws) {
    List<BatchBlock> blocks = new ArrayList<>();
    long timestamp = 1_767_225_600L;
    long cursor = 0;
    for (int b = 0; b * BLOCK_SIZE < Math.max(raws.size(), 1); b++) {
      int from = b * BLOCK_SIZE;
      int to = Math.min(raws.size(), from + BLOCK_SIZE);
      if (b % 10 == 9) {
        cursor++;
      }
      // the L1 base fee moves once per L1 block (12 s = 48 L2 blocks of 250 ms)
      Wei l1BaseFee = Wei.of(20_000_000_000L + (b / 48) * 123_456_789L);
      blocks.add(
          new BatchBlock(1_000 + b, timestamp + b / 4, cursor, l1BaseFee, raws.subList(from, to)));
    }
    return blocks;
  }

  private static Bytes word(Address address) {
    return Bytes.of(new byte[12]).concat(address.bytes());
  }

  private static Bytes word(BigInteger value) {
    byte[] word = new byte[32];
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - length, word, 32 - length, length);
    return Bytes.of(word);
  }

  private Address named(String kind, int index) {
    Hash hash =
        Hash.keccak(
            Bytes.of(
                ("paraseq-bench-" + kind + "-" + seed + "-" + index)
                    .getBytes(StandardCharsets.US_ASCII)));
    return Address.of(hash.bytes().slice(12, Address.LENGTH));
  }

  private static Bytes selector(String signature) {
    return Hash.keccak(Bytes.of(signature.getBytes(StandardCharsets.US_ASCII))).bytes().slice(0, 4);
  }
}
