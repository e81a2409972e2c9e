package io.paraseq.protocol.exec;

import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/** What {@link GasEstimator} found for a call. Handle it with an exhaustive {@code switch}. */
public sealed interface GasEstimate {

  /**
   * The lowest gas limit at which the call succeeds.
   *
   * @param gas the gas limit
   */
  record Estimated(long gas) implements GasEstimate {}

  /**
   * The call cannot run at any gas limit (funds, fees, creation, code no program runs).
   *
   * @param reason why
   * @param message geth's detail for that error
   */
  record Refused(SkipReason reason, String message) implements GasEstimate {

    /** Requires every component. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The call fails even at the highest gas limit the search may use (geth's {@code gas required
   * exceeds allowance (N)}).
   *
   * @param allowance that highest gas limit
   */
  record ExceedsAllowance(long allowance) implements GasEstimate {}

  /**
   * The call reverts at the highest gas limit the search may use: geth's {@code execution reverted}
   * error (JSON-RPC code 3) with the revert data as its {@code data}.
   *
   * @param revertData the revert data ({@code Error(string)} encoded, or empty); {@link
   *     io.paraseq.protocol.program.Abi#revertReason} gives the reason for the message
   */
  record Reverted(Bytes revertData) implements GasEstimate {

    /** Requires the data. */
    public Reverted {
      Objects.requireNonNull(revertData, "revertData");
    }
  }

  /**
   * A fee was given and the value is not below the sender's balance, leaving nothing for gas
   * (geth's {@code insufficient funds for transfer}).
   */
  record InsufficientFundsForTransfer() implements GasEstimate {}
}
