package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.store.ChainQueries;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns block arguments into block numbers: tags by the chain's rules ({@link BlockNumbers}),
 * numbers as given, hashes through the stored blocks. Thread-safe.
 */
final class BlockResolver {

  private final BlockNumbers numbers;
  private final ChainQueries queries;

  BlockResolver(BlockNumbers numbers, ChainQueries queries) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  /**
   * The existing block {@code selector} names: a tag's block, a number up to the head, a stored
   * hash; empty for a number above the head or an unknown hash (geth answers {@code null} then). A
   * number just above the published head is looked up in the table: the producer commits a block a
   * moment before it publishes the new head, and a client holding a receipt of that block must be
   * able to read the block too.
   */
  Optional<Long> existing(BlockSelector selector) {
    return switch (selector) {
      case BlockSelector.Tag(BlockSelector.TagName name) -> Optional.of(tag(name));
      case BlockSelector.Number(long number) ->
          numbers.exists(number) || queries.header(number).isPresent()
              ? Optional.of(number)
              : Optional.empty();
      case BlockSelector.ByHash byHash -> queries.blockNumber(byHash.hash());
    };
  }

  /**
   * The number a tag or number argument names, not checked against the head (ranges check it
   * themselves).
   *
   * @throws IllegalArgumentException for a hash, which block-number arguments never hold
   */
  long number(BlockSelector selector) {
    return switch (selector) {
      case BlockSelector.Tag(BlockSelector.TagName name) -> tag(name);
      case BlockSelector.Number(long number) -> number;
      case BlockSelector.ByHash byHash ->
          throw new IllegalArgumentException("a block number argument holds a hash: " + byHash);
    };
  }

  /** The head's number. */
  long head() {
    return numbers.latest();
  }

  private long tag(BlockSelector.TagName name) {
    return switch (name) {
      case LATEST -> numbers.latest();
      case PENDING -> numbers.pending();
      case SAFE -> numbers.safe();
      case FINALIZED -> numbers.finalized();
      case EARLIEST -> numbers.earliest();
    };
  }
}
