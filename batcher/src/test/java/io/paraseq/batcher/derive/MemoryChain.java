package io.paraseq.batcher.derive;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DerivedChain} for tests of the derivation without the node: block {@code n}'s state root
 * is {@link MemoryBlocks#root}{@code (n)} (what {@link MemoryBlocks} seals), and a block holding
 * {@link #POISON} is invalid. Records what it imported.
 */
final class MemoryChain implements DerivedChain {

  /** A transaction that makes its block invalid. */
  static final Bytes POISON = Bytes.of((byte) 0xde, (byte) 0xad);

  private final List<Tip> tips = new ArrayList<>();
  final List<Long> imported = new ArrayList<>();

  MemoryChain() {
    tips.add(tip(0));
  }

  /** Blocks 1..{@code number} as if imported before. */
  MemoryChain at(long number) {
    for (long n = 1; n <= number; n++) {
      tips.add(tip(n));
    }
    return this;
  }

  @Override
  public Tip head() {
    return tips.getLast();
  }

  @Override
  public Import importBlock(BatchBlock block) {
    if (block.transactions().contains(POISON)) {
      return new Import.Invalid(block.number(), "poisoned");
    }
    if (block.number() != head().number() + 1) {
      throw new IllegalStateException("block " + block.number() + " after " + head().number());
    }
    imported.add(block.number());
    tips.add(tip(block.number()));
    return new Import.Imported(head());
  }

  private static Tip tip(long n) {
    return new Tip(n, Hash.keccak(Bytes.of((byte) n)), MemoryBlocks.root(n));
  }
}
