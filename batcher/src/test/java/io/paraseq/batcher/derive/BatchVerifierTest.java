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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Replaying a derived batch on the verifier's chain and checking its roots. */
class BatchVerifierTest {

  private static final MismatchLocator NO_REFERENCE = new MismatchLocator(Optional.empty());
  private static final Hash OTHER = Hash.keccak(Bytes.of((byte) 99));

  private final MemoryBlocks blocks = new MemoryBlocks(4);
  private final PostedBatches.Posted first =
      PostedBatches.batch(blocks, 0, MemoryBlocks.root(0), 3);
  private final PostedBatches.Posted second =
      PostedBatches.batch(blocks, 1, first.header().newStateRoot(), 2);
  private final VerifierCursor start = new VerifierCursor(0, 0, MemoryBlocks.root(0), 1);

  @Test
  void importsEveryBlockAndChecksTheNewRoot() {
    MemoryChain chain = new MemoryChain();
    assertThat(new BatchVerifier(chain, NO_REFERENCE).verify(derived(first), start)).isEmpty();
    VerifierCursor next = start.after(derived(first));
    assertThat(new BatchVerifier(chain, NO_REFERENCE).verify(derived(second), next)).isEmpty();
    assertThat(chain.imported).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aPostedRootOtherThanTheDerivedOneNamesTheBatchsLastBlock() {
    PostedBatches.Posted lying =
        new PostedBatches.Posted(first.blocks(), first.data(), withNewRoot(first.header()));
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain(), NO_REFERENCE)
            .verify(derived(lying), start)
            .orElseThrow();
    assertThat(failure.reason()).isEqualTo(DerivationError.STATE_ROOT_MISMATCH);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
  }

  @Test
  void withoutAReferenceTheLogGivesTheBatchsRangeAndSaysAReferenceWouldLocateIt() {
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain(), NO_REFERENCE)
            .verify(derived(lying()), start)
            .orElseThrow();
    assertThat(failure.location())
        .contains(new MismatchLocation.Unlocated(1, 3, MismatchLocator.NO_REFERENCE));
    assertThat(failure.detail())
        .contains("the first differing block is in [1, 3]")
        .contains("paraseq.verifier.reference-rpc");
  }

  @Test
  void aReferenceLocatesTheFirstBlockWhoseRootDiffers() {
    // The reference's chain parts from the verifier's after block 1: block 2 is the first to
    // differ.
    Reference reference = new Reference(n -> Optional.of(n < 2 ? MemoryBlocks.root(n) : OTHER));
    MemoryChain chain = new MemoryChain();
    DerivationFailure failure =
        new BatchVerifier(chain, new MismatchLocator(Optional.of(reference)))
            .verify(derived(lying()), start)
            .orElseThrow();
    assertThat(failure.reason()).isEqualTo(DerivationError.STATE_ROOT_MISMATCH);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(2));
    assertThat(failure.location())
        .contains(new MismatchLocation.Located(2, MemoryBlocks.root(2), OTHER, "ref"));
    assertThat(failure.detail()).contains("first block differing from the reference ref: 2");
    assertThat(reference.asked).containsExactly(1L, 2L); // stops at the first difference
    assertThat(chain.imported).containsExactly(1L, 2L, 3L); // the imported blocks stay
  }

  @Test
  void aReferenceAgreeingWithEveryBlockBlamesThePostedRoot() {
    Reference reference = new Reference(n -> Optional.of(MemoryBlocks.root(n)));
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain(), new MismatchLocator(Optional.of(reference)))
            .verify(derived(lying()), start)
            .orElseThrow();
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
    assertThat(failure.location()).contains(new MismatchLocation.PostedRootDiffers(1, 3, "ref"));
    assertThat(failure.detail()).contains("the posted root is what differs");
  }

  @Test
  void aReferenceThatCannotAnswerLeavesTheRange() {
    Reference down =
        new Reference(
            n -> {
              throw new ReferenceChain.UnavailableException("connection refused");
            });
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain(), new MismatchLocator(Optional.of(down)))
            .verify(derived(lying()), start)
            .orElseThrow();
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
    assertThat(failure.detail())
        .contains("[1, 3]")
        .contains("the reference ref could not be asked: connection refused");
    Reference behind =
        new Reference(n -> n < 3 ? Optional.of(MemoryBlocks.root(n)) : Optional.empty());
    assertThat(
            new BatchVerifier(new MemoryChain(), new MismatchLocator(Optional.of(behind)))
                .verify(derived(lying()), start)
                .orElseThrow()
                .detail())
        .contains("the reference ref has no block 3");
  }

  @Test
  void aBatchResumedAfterARestartHasNoRecordedRootsForItsFirstBlocks() {
    Reference reference = new Reference(n -> Optional.of(OTHER));
    DerivationFailure failure =
        new BatchVerifier(new MemoryChain().at(1), new MismatchLocator(Optional.of(reference)))
            .verify(derived(lying()), start)
            .orElseThrow();
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(3));
    assertThat(failure.detail()).contains("blocks 1..1 were imported before a restart");
    assertThat(reference.asked).isEmpty();
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
    DerivationFailure failure =
        new BatchVerifier(chain, NO_REFERENCE).verify(batch, start).orElseThrow();
    assertThat(failure.reason()).isEqualTo(DerivationError.INVALID_BLOCK);
    assertThat(failure.firstDifferingBlock()).isEqualTo(OptionalLong.of(2));
    assertThat(chain.imported).containsExactly(1L);
  }

  @Test
  void aBatchMustFollowTheLastVerifiedOne() {
    VerifierCursor afterFirst = start.after(derived(first));
    DerivationFailure gap =
        new BatchVerifier(new MemoryChain().at(3), NO_REFERENCE)
            .verify(derived(second), new VerifierCursor(1, 2, afterFirst.lastStateRoot(), 1))
            .orElseThrow();
    assertThat(gap.reason()).isEqualTo(DerivationError.FIRST_BLOCK_MISMATCH);
    DerivationFailure root =
        new BatchVerifier(new MemoryChain().at(3), NO_REFERENCE)
            .verify(derived(second), new VerifierCursor(1, 3, MemoryBlocks.root(2), 1))
            .orElseThrow();
    assertThat(root.reason()).isEqualTo(DerivationError.PREV_ROOT_MISMATCH);
    assertThat(root.firstDifferingBlock()).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void resumingInsideABatchSkipsTheBlocksAlreadyImported() {
    MemoryChain chain = new MemoryChain().at(2);
    assertThat(new BatchVerifier(chain, NO_REFERENCE).verify(derived(first), start)).isEmpty();
    assertThat(chain.imported).containsExactly(3L);
  }

  @Test
  void aChainAheadOfTheBatchIsNotAVerifiersSchema() {
    assertThatThrownBy(
            () ->
                new BatchVerifier(new MemoryChain().at(4), NO_REFERENCE)
                    .verify(derived(first), start))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed outside the verifier");
  }

  /** The first batch with a posted root that is no block's. */
  private PostedBatches.Posted lying() {
    return new PostedBatches.Posted(first.blocks(), first.data(), withNewRoot(first.header()));
  }

  /** A reference answering {@code roots}, recording what it was asked. */
  private static final class Reference implements ReferenceChain {
    private final LongFunction<Optional<Hash>> roots;
    private final List<Long> asked = new ArrayList<>();

    Reference(LongFunction<Optional<Hash>> roots) {
      this.roots = roots;
    }

    @Override
    public Optional<Hash> stateRoot(long number) {
      asked.add(number);
      return roots.apply(number);
    }

    @Override
    public String name() {
      return "ref";
    }
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
