package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.tx.VerifiedTransaction;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Objects;

/**
 * The context of the block after a given head, the one rule for the block producer (which builds
 * that block) and for {@code eth_call} / {@code eth_estimateGas} (which run as if in it): the
 * chain's parameters, the clock's time in whole seconds but never before the parent's timestamp,
 * and the current L1 base fee ({@link L1BaseFeeSource}; calls charge no L1 data fee). Stateless;
 * any thread.
 */
public final class NextBlockContext {

  private final ChainConfig config;
  private final Clock clock;
  private final L1BaseFeeSource l1BaseFee;

  NextBlockContext(ChainConfig config, Clock clock, L1BaseFeeSource l1BaseFee) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.l1BaseFee = Objects.requireNonNull(l1BaseFee, "l1BaseFee");
  }

  /** The context of the block after {@code parent}, at the clock's time and L1 base fee. */
  public BlockContext after(BlockHeader parent) {
    long timestamp = Math.max(clock.instant().getEpochSecond(), parent.timestamp());
    return config.nextContext(parent, timestamp, l1BaseFee.current());
  }

  /**
   * The L1 data fee {@code tx} would pay in the next block at the current L1 base fee: the pool's
   * quote when the transaction arrives ({@code L1FeeQuote}).
   */
  public BigInteger l1FeeQuote(VerifiedTransaction tx) {
    return L1DataFee.of(tx, l1BaseFee.current(), config.l1FeeScalar()).value();
  }
}
