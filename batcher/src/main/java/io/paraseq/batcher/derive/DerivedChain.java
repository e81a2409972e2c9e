package io.paraseq.batcher.derive;

import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * The port to the verifier's own L2 chain: its head, and the import of one derived block on top of
 * it. The node implements it with the block producer's executor, context rule and persister ({@code
 * sequencer.chain.DerivedBlockImport}); the derivation never writes chain data itself.
 */
public interface DerivedChain {

  /** The latest imported (persisted) block. */
  Tip head();

  /**
   * Executes {@code block} on top of the head with the chain's rules (number head + 1, the batch's
   * timestamp, the base fee from the parent) and persists it; or says why it is invalid, leaving
   * the chain as it was.
   */
  Import importBlock(BatchBlock block);

  /**
   * A block of the chain.
   *
   * @param number its number
   * @param hash its hash
   * @param stateRoot the state root after it
   */
  record Tip(long number, Hash hash, Hash stateRoot) {
    /** Requires every component. */
    public Tip {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(stateRoot, "stateRoot");
    }
  }

  /** What importing a block gave. Handle with an exhaustive {@code switch}. */
  sealed interface Import permits Import.Imported, Import.Invalid {

    /**
     * The block is the new head.
     *
     * @param tip the new head
     */
    record Imported(Tip tip) implements Import {
      /** Requires the tip. */
      public Imported {
        Objects.requireNonNull(tip, "tip");
      }
    }

    /**
     * The block cannot follow the head on this chain; nothing changed.
     *
     * @param number the block's number
     * @param reason why (the transaction and the rule it breaks)
     */
    record Invalid(long number, String reason) implements Import {
      /** Requires the reason. */
      public Invalid {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
