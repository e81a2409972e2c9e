package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.TestHeads;
import java.util.Optional;

/** {@link StateSources} for unit tests that build the method table but never read the state. */
final class TestStateSources {

  private TestStateSources() {}

  /** Sources that fail every read: no chain, pool or prover exists in such a test. */
  static StateSources none() {
    return new StateSources(
        new HeadStates(
            () -> {
              throw new IllegalStateException("no chain in this test");
            },
            new BlockNumbers(TestHeads.genesis()),
            hash -> Optional.empty()),
        header -> {
          throw new IllegalStateException("no chain in this test");
        },
        (sender, nonce) -> {
          throw new IllegalStateException("no pool in this test");
        },
        (address, slots, timeout) -> {
          throw new IllegalStateException("no prover in this test");
        });
  }
}
