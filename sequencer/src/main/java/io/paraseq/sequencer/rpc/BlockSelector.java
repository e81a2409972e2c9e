package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * A block argument as JSON-RPC clients send it (geth's {@code BlockNumberOrHash}, EIP-1898): a tag
 * ({@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code earliest}), a number,
 * or an object naming a block by number or by hash. Parsed by {@link RpcParams#block(int)};
 * resolved against the chain by the method that takes it.
 */
sealed interface BlockSelector {

  /** {@code latest}, the default when a method's optional block argument is absent. */
  BlockSelector LATEST = new Tag(TagName.LATEST);

  /** The block tags. */
  enum TagName {
    /** The head: the latest sealed and persisted block. */
    LATEST("latest"),
    /** The block being built; reads see the head's state (geth answers the same for most reads). */
    PENDING("pending"),
    /** The latest block whose batch is on L1; block 0 until a batcher posts batches. */
    SAFE("safe"),
    /** The latest block whose batch is final on L1; block 0 until batches become final. */
    FINALIZED("finalized"),
    /** Genesis, block 0. */
    EARLIEST("earliest");

    private final String wireName;

    TagName(String wireName) {
      this.wireName = wireName;
    }

    /** The tag as written on the wire. */
    String wireName() {
      return wireName;
    }
  }

  /**
   * A block tag.
   *
   * @param name which tag
   */
  record Tag(TagName name) implements BlockSelector {
    public Tag {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A block by number.
   *
   * @param number the block number, non-negative
   */
  record Number(long number) implements BlockSelector {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("negative block number " + number);
      }
    }
  }

  /**
   * A block by hash (EIP-1898).
   *
   * @param hash the block hash
   * @param requireCanonical whether the block must be on the canonical chain; every block this node
   *     stores is, so the flag changes nothing here but is kept for fidelity
   */
  record ByHash(Hash hash, boolean requireCanonical) implements BlockSelector {
    public ByHash {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
