package io.paraseq.batcher.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Replaying a derived batch on the verifier's chain and checking its roots. */
class BatchVerifierTest {

  private final MemoryBlocks blocks = new MemoryBlocks(4);
  private final PostedBatches.Posted first =
      PostedBatches.batch(blocks, 0, MemoryBlocks.root(0), 3);
  private final PostedBatches.Posted second =
      PostedBatches.batch(blocks, 1, first.header().newStateRoot(), 2);
  private final VerifierCursor start = new VerifierCursor(0, 0, MemoryBlocks.root(0), 1);

  @Test
  void importsEveryBlockAndChecksTheNewRoot() {
    MemoryChain chain = new MemoryChain();
    assertThat(new BatchVerifier(chain).verify(derived(first), start)).isEmpty();
    VerifierCursor next = start.after(derived(first));
    assertThat(new BatchVerifier(chain).verify(derived(second), next)).isEmpty();
    assertThat(chain.imported).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aPostedRootOtherThanTheDerivedOneNamesTheBatchsLastBlock() {
    PostedBatches.Posted lying =
        new PostedBatches.Posted(first.blocks(), first.data(), withNewRoot(first.header()));
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain()).verify(derived(lying), start).orElseThrow();
    assertThat(failure.reason()).isEqualTo(DerivationError.STATE_ROOT_MISMATCH);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
  }

  @Test
  void anInvalidBlockNamesItselfAndStopsTheImport() {
    MemoryChain chain = new MemoryChain();
    List<BatchBlock> poisoned = new ArrayList<>(derived(first).batch().blocks());
    BatchBlock two = poisoned.get(1);
    List<Bytes> txs = new ArrayList<>(two.transactions());
    txs.add(MemoryChain.POISON);
    poisoned.set(1, new BatchBlock(2, two.timestamp(), 0, two.l1BaseFee(), txs));
    DerivedBatch batch = withBlocks(derived(first), poisoned);
    DerivationFailure failure = new BatchVerifier(chain).verify(batch, start).orElseThrow();
    assertThat(failure.reason()).isEqualTo(DerivationError.INVALID_BLOCK);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(2));
    assertThat(chain.imported).containsExactly(1L);
  }

  @Test
  void aBatchMustFollowTheLastVerifiedOne() {
    VerifierCursor afterFirst = start.after(derived(first));
    DerivationFailure gap =
        new BatchVerifier(new MemoryChain().at(3))
            .verify(derived(second), new VerifierCursor(1, 2, afterFirst.lastStateRoot(), 1))
            .orElseThrow();
    assertThat(gap.reason()).isEqualTo(DerivationError.FIRST_BLOCK_MISMATCH);
    DerivationFailure root =
        new BatchVerifier(new MemoryChain().at(3))
            .verify(derived(second), new VerifierCursor(1, 3, MemoryBlocks.root(2), 1))
            .orElseThrow();
    assertThat(root.reason()).isEqualTo(DerivationError.PREV_ROOT_MISMATCH);
    assertThat(root.firstDifferingBlock()).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void resumingInsideABatchSkipsTheBlocksAlreadyImported() {
    MemoryChain chain = new MemoryChain().at(2);
    assertThat(new BatchVerifier(chain).verify(derived(first), start)).isEmpty();
    assertThat(chain.imported).containsExactly(3L);
  }

  @Test
  void aChainAheadOfTheBatchIsNotAVerifiersSchema() {
    assertThatThrownBy(
            () -> new BatchVerifier(new MemoryChain().at(4)).verify(derived(first), start))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed outside the verifier");
  }

  private static DerivedBatch derived(PostedBatches.Posted posted) {
    DeriveResult result =
        new BatchDeriver(PostedBatches.ROLLUP, MemoryBlocks.CHAIN)
            .derive(posted.event(7), posted.transaction(), AddressRegistry.empty());
    return ((DeriveResult.Derived) result).batch();
  }

  private static DerivedBatch withBlocks(DerivedBatch batch, List<BatchBlock> blocks) {
    DecodedBatch decoded = batch.batch();
    return new DerivedBatch(
        batch.header(),
        new DecodedBatch(decoded.version(), decoded.codec(), blocks, List.of()),
        batch.event());
  }

  private static BatchHeader withNewRoot(BatchHeader h) {
    return new BatchHeader(
        h.seq(),
        h.version(),
        h.codec(),
        h.prevStateRoot(),
        Hash.keccak(Bytes.of((byte) 42)),
        h.firstBlock(),
        h.lastBlock(),
        h.depositCursor(),
        h.dataHash());
  }
}
