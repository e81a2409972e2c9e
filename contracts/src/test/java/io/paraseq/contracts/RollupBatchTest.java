package io.paraseq.contracts;

import static io.paraseq.contracts.RollupHarness.GENESIS_ROOT;
import static io.paraseq.contracts.RollupHarness.OWNER;
import static io.paraseq.contracts.RollupHarness.SEQUENCER;
import static io.paraseq.contracts.RollupHarness.STRANGER;
import static io.paraseq.contracts.RollupHarness.firstBatch;
import static io.paraseq.contracts.RollupHarness.next;
import static io.paraseq.contracts.RollupHarness.root;
import static io.paraseq.contracts.RollupHarness.uint;
import static io.paraseq.contracts.testing.Reverts.assertReverts;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.RollupHarness.Batch;
import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.Reverts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** {@code Rollup.appendBatch}: ordering, linkage, the recorded commitment and every rejection. */
class RollupBatchTest {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private RollupHarness rollup;
  private Rollup asSequencer;

  @BeforeEach
  void deployFresh() throws Exception {
    rollup = new RollupHarness(anvil);
    asSequencer = rollup.as(SEQUENCER);
  }

  @Test
  void startsAtGenesis() throws Exception {
    Rollup r = rollup.asOwner;
    assertThat(r.owner().send()).isEqualToIgnoringCase(rollup.address(OWNER));
    assertThat(r.pendingOwner().send()).isEqualTo(Address.DEFAULT.getValue());
    assertThat(r.isSequencer(rollup.address(SEQUENCER)).send()).isTrue();
    assertThat(r.isSequencer(rollup.address(OWNER)).send()).isFalse();
    assertThat(r.nextSeq().send()).isZero();
    assertThat(r.nextBlock().send()).isEqualTo(BigInteger.ONE);
    assertThat(r.lastDepositCursor().send()).isZero();
    assertThat(r.lastStateRoot().send()).isEqualTo(GENESIS_ROOT);
    assertThat(r.genesisStateRoot().send()).isEqualTo(GENESIS_ROOT);
    assertThat(r.batchHashes(BigInteger.ZERO).send()).isEqualTo(new byte[32]);

    TransactionReceipt deployment = r.getTransactionReceipt().orElseThrow();
    var transferred = Rollup.getOwnershipTransferredEvents(deployment);
    assertThat(transferred).hasSize(1);
    assertThat(transferred.get(0).previousOwner).isEqualTo(Address.DEFAULT.getValue());
    assertThat(transferred.get(0).newOwner).isEqualToIgnoringCase(rollup.address(OWNER));
    var added = Rollup.getSequencerAddedEvents(deployment);
    assertThat(added).hasSize(1);
    assertThat(added.get(0).sequencer).isEqualToIgnoringCase(rollup.address(SEQUENCER));
  }

  @Test
  void appendsBatchesInOrderAndRecordsEach() throws Exception {
    List<Batch> batches = new ArrayList<>();
    batches.add(firstBatch());
    batches.add(next(batches.get(0), 5, root(0x02), new byte[] {9, 9, 9}));
    batches.add(next(batches.get(1), 1, root(0x03), new byte[300]).withDepositCursor(7));

    for (Batch batch : batches) {
      TransactionReceipt receipt = batch.appendAs(asSequencer);

      var events = Rollup.getBatchAppendedEvents(receipt);
      assertThat(events).hasSize(1);
      var event = events.get(0);
      assertThat(event.seq).isEqualTo(uint(batch.seq()));
      assertThat(event.batchHash).isEqualTo(batch.batchHash());
      assertThat(event.prevStateRoot).isEqualTo(batch.prevStateRoot());
      assertThat(event.newStateRoot).isEqualTo(batch.newStateRoot());
      assertThat(event.firstBlock).isEqualTo(uint(batch.firstBlock()));
      assertThat(event.lastBlock).isEqualTo(uint(batch.lastBlock()));
      assertThat(event.depositCursor).isEqualTo(uint(batch.depositCursor()));
      assertThat(event.dataHash).isEqualTo(batch.dataHash());

      Rollup r = rollup.asOwner;
      assertThat(r.nextSeq().send()).isEqualTo(uint(batch.seq() + 1));
      assertThat(r.nextBlock().send()).isEqualTo(uint(batch.lastBlock() + 1));
      assertThat(r.lastStateRoot().send()).isEqualTo(batch.newStateRoot());
      assertThat(r.lastDepositCursor().send()).isEqualTo(uint(batch.depositCursor()));
      assertThat(r.batchHashes(uint(batch.seq())).send()).isEqualTo(batch.batchHash());

      EthBlock.Block block =
          anvil
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false)
              .send()
              .getBlock();
      Rollup.BatchRecord record = r.getBatch(uint(batch.seq())).send();
      assertThat(record.stateRoot).isEqualTo(batch.newStateRoot());
      assertThat(record.lastBlock).isEqualTo(uint(batch.lastBlock()));
      assertThat(record.depositCursor).isEqualTo(uint(batch.depositCursor()));
      assertThat(record.appendedAt).isEqualTo(block.getTimestamp());
      assertThat(record.appendedAtBlock).isEqualTo(receipt.getBlockNumber());
    }
    // Earlier records stay as they were.
    assertThat(rollup.asOwner.batchHashes(BigInteger.ZERO).send())
        .isEqualTo(batches.get(0).batchHash());
    assertThat(rollup.asOwner.getBatch(BigInteger.ZERO).send().stateRoot)
        .isEqualTo(batches.get(0).newStateRoot());
  }

  @Test
  void acceptsSingleBlockBatchAndUnchangedDepositCursor() throws Exception {
    Batch first = firstBatch().withBlocks(1, 1).withDepositCursor(0);
    first.appendAs(asSequencer);
    Batch second = next(first, 1, root(0x22), new byte[] {1});
    second.appendAs(asSequencer);
    assertThat(rollup.asOwner.nextBlock().send()).isEqualTo(uint(3));
    assertThat(rollup.asOwner.lastDepositCursor().send()).isZero();
  }

  @Test
  void rejectsWrongSeq() throws Exception {
    assertReverts(
        () -> firstBatch().withSeq(1).appendAs(asSequencer),
        "WrongSeq(uint64,uint64)",
        new Uint64(0),
        new Uint64(1));

    Batch first = firstBatch();
    first.appendAs(asSequencer);
    // Posting the same batch again is refused: exactly once.
    assertReverts(
        () -> first.appendAs(asSequencer), "WrongSeq(uint64,uint64)", new Uint64(1), new Uint64(0));
  }

  @Test
  void rejectsWrongPrevStateRoot() {
    byte[] wrong = root(0x77);
    assertReverts(
        () -> firstBatch().withPrevStateRoot(wrong).appendAs(asSequencer),
        "WrongPrevStateRoot(bytes32,bytes32)",
        new Bytes32(GENESIS_ROOT),
        new Bytes32(wrong));
  }

  @Test
  void rejectsWrongFirstBlock() throws Exception {
    assertReverts(
        () -> firstBatch().withBlocks(0, 3).appendAs(asSequencer),
        "WrongFirstBlock(uint64,uint64)",
        new Uint64(1),
        new Uint64(0));

    Batch first = firstBatch();
    first.appendAs(asSequencer);
    Batch second = next(first, 2, root(0x02), new byte[] {1});
    // A gap after the previous batch ...
    assertReverts(
        () -> second.withBlocks(5, 6).appendAs(asSequencer),
        "WrongFirstBlock(uint64,uint64)",
        new Uint64(4),
        new Uint64(5));
    // ... and an overlap with it.
    assertReverts(
        () -> second.withBlocks(3, 6).appendAs(asSequencer),
        "WrongFirstBlock(uint64,uint64)",
        new Uint64(4),
        new Uint64(3));
  }

  @Test
  void rejectsInvalidBlockRange() {
    assertReverts(
        () -> firstBatch().withBlocks(1, 0).appendAs(asSequencer),
        "InvalidBlockRange(uint64,uint64)",
        new Uint64(1),
        new Uint64(0));
    // lastBlock + 1 would overflow nextBlock.
    BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    assertReverts(
        () -> firstBatch().withBlocks(1, -1L).appendAs(asSequencer),
        "InvalidBlockRange(uint64,uint64)",
        new Uint64(1),
        new Uint64(max));
  }

  @Test
  void rejectsDecreasingDepositCursor() throws Exception {
    Batch first = firstBatch().withDepositCursor(5);
    first.appendAs(asSequencer);
    assertReverts(
        () -> next(first, 1, root(0x02), new byte[] {1}).withDepositCursor(4).appendAs(asSequencer),
        "DepositCursorDecreased(uint64,uint64)",
        new Uint64(5),
        new Uint64(4));
  }

  @Test
  void rejectsEmptyData() {
    assertReverts(
        () -> firstBatch().withData(new byte[0]).appendAs(asSequencer), "EmptyBatchData()");
  }

  @Test
  void rejectsZeroNewStateRoot() {
    assertReverts(
        () -> firstBatch().withNewStateRoot(new byte[32]).appendAs(asSequencer), "ZeroStateRoot()");
  }

  @Test
  void rejectsCallerNotOnAllowList() {
    for (int caller : new int[] {STRANGER, OWNER}) {
      assertReverts(
          () -> firstBatch().appendAs(rollup.as(caller)),
          "NotSequencer(address)",
          new Address(rollup.address(caller)));
    }
  }

  @Test
  void rejectsUnknownBatchInGetter() throws Exception {
    String call =
        FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                Rollup.FUNC_GETBATCH, List.of(new Uint64(0)), List.of()));
    String data =
        Reverts.callRevertData(anvil.web3j(), rollup.address(OWNER), rollup.address(), call);
    assertThat(data).isEqualTo(Reverts.encode("UnknownBatch(uint64)", new Uint64(0)));

    firstBatch().appendAs(asSequencer);
    assertThat(rollup.asOwner.getBatch(BigInteger.ZERO).send().stateRoot)
        .isEqualTo(firstBatch().newStateRoot());
  }

  @Test
  void aBatchIsFinalOnceTheChallengePeriodHasPassed() throws Exception {
    Rollup r = rollup.asOwner;
    assertThat(r.challengePeriod().send()).isEqualTo(RollupHarness.CHALLENGE_PERIOD);
    String call =
        FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                Rollup.FUNC_ISFINAL, List.of(new Uint64(0)), List.of()));
    assertThat(Reverts.callRevertData(anvil.web3j(), rollup.address(OWNER), rollup.address(), call))
        .isEqualTo(Reverts.encode("UnknownBatch(uint64)", new Uint64(0)));

    firstBatch().appendAs(asSequencer);
    assertThat(r.isFinal(BigInteger.ZERO).send()).isFalse();
    anvil.increaseTime(
        java.time.Duration.ofSeconds(RollupHarness.CHALLENGE_PERIOD.longValue() - 5));
    assertThat(r.isFinal(BigInteger.ZERO).send()).as("before the period ends").isFalse();
    anvil.increaseTime(java.time.Duration.ofSeconds(10));
    assertThat(r.isFinal(BigInteger.ZERO).send()).isTrue();
  }
}
