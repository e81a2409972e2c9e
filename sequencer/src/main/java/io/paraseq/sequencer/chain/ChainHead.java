package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.state.StateSnapshot;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest sealed and persisted block with the state after it, published after each block's
 * commit, in block order. Read from any thread; only the block persister thread sets it ({@link
 * BlockPersister}). Readers that need the header and the state of the same block take one {@link
 * Head} and use both of its parts.
 */
public final class ChainHead {

  /**
   * One published head: a block and the world state right after it.
   *
   * @param header the block's header
   * @param state the state after the block ({@code state.stateRoot()} equals the header's)
   */
  public record Head(BlockHeader header, StateSnapshot state) {
    public Head {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(state, "state");
      if (!header.stateRoot().equals(state.stateRoot())) {
        throw new IllegalArgumentException(
            "block "
                + header.number()
                + " has state root "
                + header.stateRoot()
                + " but the state's root is "
                + state.stateRoot());
      }
    }
  }

  private final AtomicReference<Head> head;

  ChainHead(Head initial) {
    this.head = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** The head's header. */
  public BlockHeader current() {
    return head.get().header();
  }

  /** The head block and the state after it, consistent with each other. */
  public Head snapshot() {
    return head.get();
  }

  void publish(Head next) {
    head.set(next);
  }
}
