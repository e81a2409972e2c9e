package io.paraseq.batcher.l1;

import io.paraseq.protocol.tx.Wei;
import java.util.Objects;

/** What {@link FeePolicy} decided for the next attempt. */
sealed interface FeeDecision {

  /** Sign with these fees. */
  record Use(Fees fees) implements FeeDecision {
    public Use {
      Objects.requireNonNull(fees, "fees");
    }
  }

  /**
   * Do not sign now: the fee cap would have to exceed the configured maximum.
   *
   * @param needed the smallest fee cap that would do
   * @param cap the configured maximum
   */
  record Hold(Wei needed, Wei cap) implements FeeDecision {
    public Hold {
      Objects.requireNonNull(needed, "needed");
      Objects.requireNonNull(cap, "cap");
    }
  }
}
