package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.exec.BlockContext;
import java.time.Clock;
import java.util.Objects;

/**
 * The context of the block after a given head, the one rule for the block producer (which builds
 * that block) and for {@code eth_call} / {@code eth_estimateGas} (which run as if in it): the
 * chain's parameters, and the clock's time in whole seconds but never before the parent's
 * timestamp. Stateless; any thread.
 */
public final class NextBlockContext {

  private final ChainConfig config;
  private final Clock clock;

  NextBlockContext(ChainConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The context of the block after {@code parent}, at the clock's time. */
  public BlockContext after(BlockHeader parent) {
    long timestamp = Math.max(clock.instant().getEpochSecond(), parent.timestamp());
    return config.nextContext(parent, timestamp);
  }
}
