package io.paraseq.batcher.l1;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The transaction manager's Micrometer meters ({@code paraseq.l1tx.*}): transactions sent, fee
 * bumps, confirmations, reorgs, holds above the fee cap, refusals by reason, L1 gas used and ETH
 * spent (counted at confirmation).
 */
final class L1TxMetrics {

  private static final BigDecimal WEI_PER_ETH = BigDecimal.TEN.pow(18);

  private final MeterRegistry registry;
  private final Counter sent;
  private final Counter bumps;
  private final Counter confirmed;
  private final Counter reorged;
  private final Counter held;
  private final Counter gasUsed;
  private final Counter ethSpent;

  L1TxMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.sent =
        Counter.builder("paraseq.l1tx.sent")
            .description("L1 transactions signed with a new nonce and sent")
            .register(registry);
    this.bumps =
        Counter.builder("paraseq.l1tx.bumps")
            .description("Replacement attempts with higher fees")
            .register(registry);
    this.confirmed =
        Counter.builder("paraseq.l1tx.confirmed")
            .description("L1 transactions at the confirmation depth")
            .register(registry);
    this.reorged =
        Counter.builder("paraseq.l1tx.reorged")
            .description("Inclusions that left the canonical chain")
            .register(registry);
    this.held =
        Counter.builder("paraseq.l1tx.held")
            .description("Polls that held a transaction because its fee would exceed the cap")
            .register(registry);
    this.gasUsed =
        Counter.builder("paraseq.l1tx.gas.used")
            .baseUnit("gas")
            .description("L1 gas used by confirmed transactions")
            .register(registry);
    this.ethSpent =
        Counter.builder("paraseq.l1tx.eth.spent")
            .baseUnit("eth")
            .description("ETH paid in fees by confirmed transactions")
            .register(registry);
  }

  void sent() {
    sent.increment();
  }

  void bumped() {
    bumps.increment();
  }

  void reorged() {
    reorged.increment();
  }

  void held() {
    held.increment();
  }

  void rejected(SendRejection reason) {
    registry
        .counter("paraseq.l1tx.rejected", "reason", reason.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  void confirmed(L1Inclusion inclusion) {
    confirmed.increment();
    gasUsed.increment(inclusion.gasUsed());
    BigDecimal wei =
        new BigDecimal(inclusion.effectiveGasPrice().value())
            .multiply(BigDecimal.valueOf(inclusion.gasUsed()));
    ethSpent.increment(wei.divide(WEI_PER_ETH).doubleValue());
  }
}
