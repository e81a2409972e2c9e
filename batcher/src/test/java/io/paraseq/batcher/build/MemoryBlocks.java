package io.paraseq.batcher.build;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory chain of sealed blocks behind the {@link SealedBlocks} port, for tests of the
 * batcher without the node: blocks of really signed EIP-1559 transfers (optionally with random,
 * incompressible calldata) from a few keys, with chosen timestamps and made-up state roots. The
 * node's own implementation of the port is tested in the sequencer. Thread-safe for one writer.
 */
public final class MemoryBlocks implements SealedBlocks {

  public static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;

  private final Random random;
  private final List<PrivateKey> keys = new ArrayList<>();
  private final List<Address> addresses = new ArrayList<>();
  private final Map<Integer, Long> nonces = new HashMap<>();
  private final List<SealedBlock> blocks = new CopyOnWriteArrayList<>();
  private final Hash genesisRoot;

  /** A chain at its genesis (block 0, root {@link #root}(0)), keys from {@code seed}. */
  public MemoryBlocks(long seed) {
    this.random = new Random(seed);
    for (int i = 0; i < 8; i++) {
      byte[] b =
          Hash.keccak(Bytes.of(BigInteger.valueOf(seed * 100 + i).toByteArray())).bytes().toArray();
      PrivateKey key = PrivateKey.of(b).orElseThrow();
      keys.add(key);
      addresses.add(
          TransactionSigner.recoverSender(TransactionSigner.sign(transfer(0, 0), key))
              .orElseThrow());
    }
    this.genesisRoot = root(0);
  }

  /** The made-up state root after block {@code n}. */
  public static Hash root(long n) {
    byte[] b = new byte[32];
    b[0] = (byte) 0xa5;
    for (int i = 0; i < 8; i++) {
      b[31 - i] = (byte) (n >>> (8 * i));
    }
    return Hash.of(Bytes.of(b));
  }

  /**
   * Seals the next block at {@code timestamp} with {@code txs} transfers, each carrying {@code
   * calldataBytes} random bytes.
   */
  public SealedBlock seal(long timestamp, int txs, int calldataBytes) {
    long number = blocks.size() + 1L;
    List<Bytes> raws = new ArrayList<>();
    List<Address> senders = new ArrayList<>();
    for (int i = 0; i < txs; i++) {
      int k = random.nextInt(keys.size());
      long nonce = nonces.merge(k, 1L, Long::sum) - 1;
      byte[] data = new byte[calldataBytes];
      random.nextBytes(data);
      raws.add(TransactionSigner.sign(transfer(nonce, calldataBytes, data), keys.get(k)).encoded());
      senders.add(addresses.get(k));
    }
    // an L1 base fee that rises and falls from block to block
    Wei l1BaseFee = Wei.of(20_000_000_000L + (number % 3 == 0 ? -number : number) * 1_000_003L);
    SealedBlock block = new SealedBlock(number, timestamp, root(number), l1BaseFee, raws, senders);
    blocks.add(block);
    return block;
  }

  /** Block {@code number} (at least 1). */
  public SealedBlock block(long number) {
    return blocks.get((int) number - 1);
  }

  @Override
  public long head() {
    return blocks.size();
  }

  @Override
  public List<SealedBlock> range(long from, long to, long rawByteBudget) {
    List<SealedBlock> out = new ArrayList<>();
    long bytes = 0;
    for (long n = from; n <= Math.min(to, head()) && bytes < rawByteBudget; n++) {
      SealedBlock block = block(n);
      out.add(block);
      bytes += block.rawBytes();
    }
    return out;
  }

  @Override
  public Optional<BlockInfo> info(long number) {
    if (number == 0) {
      return Optional.of(new BlockInfo(0, 0, genesisRoot));
    }
    if (number < 0 || number > head()) {
      return Optional.empty();
    }
    SealedBlock b = block(number);
    return Optional.of(new BlockInfo(number, b.timestamp(), b.stateRoot()));
  }

  private static DynamicFeeTransaction transfer(long nonce, int size, byte[] data) {
    return new DynamicFeeTransaction(
        CHAIN,
        nonce,
        Wei.of(1_000_000_000L),
        Wei.of(2_000_000_000L),
        21_000 + 16L * size,
        Optional.of(
            Address.fromHex(
                "0x00000000000000000000000000000000000000" + String.format("%02x", size % 256))),
        Wei.of(1_000_000_000_000L + nonce),
        Bytes.of(data),
        List.of());
  }

  private static DynamicFeeTransaction transfer(long nonce, int size) {
    return transfer(nonce, size, new byte[size]);
  }
}
