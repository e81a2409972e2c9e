package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves the block argument of the state methods. The node keeps the state of the head block
 * only, so:
 *
 * <ul>
 *   <li>{@code latest}, {@code pending}, the head's number and the head's hash read the head;
 *   <li>{@code safe}, {@code finalized} and {@code earliest} mean the blocks {@link BlockNumbers}
 *       names (block 0 until the batcher exists): the head's state when that block is the head;
 *   <li>any other known block (a lower number, the hash of a stored block) is {@link
 *       RpcError#HISTORICAL_STATE_UNAVAILABLE};
 *   <li>a number above the head or an unknown hash is {@link RpcError#HEADER_NOT_FOUND}.
 * </ul>
 *
 * <p>The head is read once per lookup, so the block and the state answered belong together.
 * Thread-safe.
 */
final class HeadStates {

  private final Supplier<ChainHead.Head> head;
  private final BlockNumbers names;
  private final Function<Hash, Optional<Long>> blockNumbers;

  /**
   * Lookups against the published head.
   *
   * @param head the current head with its state
   * @param names what {@code safe}, {@code finalized} and {@code earliest} mean
   * @param blockNumbers the number of the stored block with a hash, if any
   */
  HeadStates(
      Supplier<ChainHead.Head> head,
      BlockNumbers names,
      Function<Hash, Optional<Long>> blockNumbers) {
    this.head = Objects.requireNonNull(head, "head");
    this.names = Objects.requireNonNull(names, "names");
    this.blockNumbers = Objects.requireNonNull(blockNumbers, "blockNumbers");
  }

  /** The current head and its state. */
  ChainHead.Head head() {
    return head.get();
  }

  /** The state {@code selector} names, or why the node has none. */
  StateLookup resolve(BlockSelector selector) {
    ChainHead.Head current = head.get();
    return switch (selector) {
      case BlockSelector.Tag tag ->
          switch (tag.name()) {
            case LATEST, PENDING -> new StateLookup.Found(current);
            case SAFE -> byNumber(current, names.safe());
            case FINALIZED -> byNumber(current, names.finalized());
            case EARLIEST -> byNumber(current, names.earliest());
          };
      case BlockSelector.Number number -> byNumber(current, number.number());
      case BlockSelector.ByHash byHash -> byHash(current, byHash.hash());
    };
  }

  private static StateLookup byNumber(ChainHead.Head current, long number) {
    long headNumber = current.header().number();
    if (number == headNumber) {
      return new StateLookup.Found(current);
    }
    return new StateLookup.Missing(
        Long.compareUnsigned(number, headNumber) > 0
            ? RpcError.HEADER_NOT_FOUND.failure()
            : RpcError.HISTORICAL_STATE_UNAVAILABLE.failure(headNumber));
  }

  private StateLookup byHash(ChainHead.Head current, Hash hash) {
    if (hash.equals(current.header().hash())) {
      return new StateLookup.Found(current);
    }
    Optional<Long> stored = blockNumbers.apply(hash);
    if (stored.isEmpty()) {
      return new StateLookup.Missing(RpcError.HEADER_NOT_FOUND.failure());
    }
    ChainHead.Head latest = current;
    if (stored.get() > current.header().number()) {
      latest = head.get(); // published after the first read
      if (hash.equals(latest.header().hash())) {
        return new StateLookup.Found(latest);
      }
    }
    return new StateLookup.Missing(
        RpcError.HISTORICAL_STATE_UNAVAILABLE.failure(latest.header().number()));
  }
}
