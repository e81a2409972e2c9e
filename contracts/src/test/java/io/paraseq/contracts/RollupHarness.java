package io.paraseq.contracts;

import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Shared setup of the Rollup contract tests: roles mapped to anvil's development accounts, a fresh
 * deployment, and the batch hash computed in Java exactly as the contract computes it.
 */
final class RollupHarness {

  static final int OWNER = 0;
  static final int SEQUENCER = 1;
  static final int SECOND_SEQUENCER = 2;
  static final int STRANGER = 3;
  static final int NEW_OWNER = 4;

  static final byte[] GENESIS_ROOT = root(0x6e);
  static final BigInteger CHALLENGE_PERIOD = BigInteger.valueOf(3_600);

  private final AnvilFixture anvil;
  final Rollup asOwner;

  RollupHarness(AnvilFixture anvil) throws Exception {
    this.anvil = anvil;
    Credentials owner = anvil.credentials(OWNER);
    this.asOwner =
        Rollup.deploy(
                anvil.web3j(),
                anvil.transactionManager(owner),
                anvil.gasProvider(),
                owner.getAddress(),
                address(SEQUENCER),
                GENESIS_ROOT,
                CHALLENGE_PERIOD)
            .send();
  }

  String address() {
    return asOwner.getContractAddress();
  }

  /** The deployed contract, sending as development account {@code index}. */
  Rollup as(int index) {
    return Rollup.load(
        address(),
        anvil.web3j(),
        anvil.transactionManager(anvil.credentials(index)),
        anvil.gasProvider());
  }

  String address(int index) {
    return anvil.credentials(index).getAddress();
  }

  /** One batch's arguments. */
  record Batch(
      long seq,
      byte[] prevStateRoot,
      byte[] newStateRoot,
      long firstBlock,
      long lastBlock,
      long depositCursor,
      byte[] data) {

    Batch withSeq(long value) {
      return new Batch(
          value, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor, data);
    }

    Batch withPrevStateRoot(byte[] value) {
      return new Batch(seq, value, newStateRoot, firstBlock, lastBlock, depositCursor, data);
    }

    Batch withNewStateRoot(byte[] value) {
      return new Batch(seq, prevStateRoot, value, firstBlock, lastBlock, depositCursor, data);
    }

    Batch withBlocks(long first, long last) {
      return new Batch(seq, prevStateRoot, newStateRoot, first, last, depositCursor, data);
    }

    Batch withDepositCursor(long value) {
      return new Batch(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, value, data);
    }

    Batch withData(byte[] value) {
      return new Batch(
          seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor, value);
    }

    /** keccak256(data). */
    byte[] dataHash() {
      return Hash.sha3(data);
    }

    /**
     * keccak256(abi.encode(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor,
     * dataHash)): seven 32-byte words, integers big-endian and left-padded.
     */
    byte[] batchHash() {
      ByteBuffer words = ByteBuffer.allocate(7 * 32);
      putUint64(words, seq);
      words.put(prevStateRoot);
      words.put(newStateRoot);
      putUint64(words, firstBlock);
      putUint64(words, lastBlock);
      putUint64(words, depositCursor);
      words.put(dataHash());
      return Hash.sha3(words.array());
    }

    TransactionReceipt appendAs(Rollup rollup) throws Exception {
      return rollup
          .appendBatch(
              uint(seq),
              prevStateRoot,
              newStateRoot,
              uint(firstBlock),
              uint(lastBlock),
              uint(depositCursor),
              data)
          .send();
    }

    private static void putUint64(ByteBuffer words, long value) {
      words.put(new byte[24]);
      words.putLong(value);
    }
  }

  /** The first batch after genesis: seq 0, blocks 1..3, one deposit consumed. */
  static Batch firstBatch() {
    return new Batch(0, GENESIS_ROOT, root(0x01), 1, 3, 1, new byte[] {0, 1, 2, 3});
  }

  /** The batch that follows {@code previous}, covering {@code blocks} blocks. */
  static Batch next(Batch previous, int blocks, byte[] newRoot, byte[] data) {
    return new Batch(
        previous.seq() + 1,
        previous.newStateRoot(),
        newRoot,
        previous.lastBlock() + 1,
        previous.lastBlock() + blocks,
        previous.depositCursor(),
        data);
  }

  /** A 32-byte root filled with {@code fill}. */
  static byte[] root(int fill) {
    byte[] root = new byte[32];
    java.util.Arrays.fill(root, (byte) fill);
    return root;
  }

  static BigInteger uint(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }
}
