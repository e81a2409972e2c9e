package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code eth_estimateGas}: the lowest gas limit at which a {@link CallMessage} succeeds, found the
 * way geth's {@code gasestimator} finds it, by running the call at trial gas limits on a {@link
 * CallExecutor}.
 *
 * <ol>
 *   <li>The highest limit is the call's gas when it is at least {@value IntrinsicGas#TRANSACTION},
 *       else the block gas limit. With a fee cap above zero it is lowered to what the balance can
 *       pay after the value ({@code (balance − value) / feeCap}); a value not below the balance
 *       gives {@link GasEstimate.InsufficientFundsForTransfer}. Then it is lowered to the gas cap.
 *   <li>A plain transfer (no data, a recipient without code) that succeeds at {@value
 *       IntrinsicGas#TRANSACTION} gas is answered at once.
 *   <li>The call runs at the highest limit: a refusal other than intrinsic gas is the answer
 *       ({@link GasEstimate.Refused}); a program call that reverts is {@link GasEstimate.Reverted}
 *       with the revert data (geth's {@code execution reverted}); too little gas, or any other
 *       failed execution, is {@link GasEstimate.ExceedsAllowance}.
 *   <li>Otherwise its gas used minus one is a failing lower bound; the optimistic limit {@code
 *       (gasUsed + 2300) × 64 / 63} is tried, then the range is bisected, each midpoint at most
 *       twice the lower bound (most calls need little more than they use).
 * </ol>
 *
 * <p>Unlike geth the search is exact (geth stops within 1.5 %): a call's gas is its intrinsic gas
 * plus, for a native program, charges that never depend on the gas left ({@link
 * io.paraseq.protocol.program.ProgramGas}), so the lowest succeeding limit is the gas used and the
 * search takes a handful of runs. Stateless; safe from any thread when its executor is.
 */
public final class GasEstimator {

  /** geth's {@code params.CallStipend}, part of the optimistic first guess. */
  static final long CALL_STIPEND = 2_300;

  private final CallExecutor executor;
  private final long gasCap;

  /**
   * An estimator running its trials on {@code executor}.
   *
   * @param gasCap the highest gas limit ever tried (geth's {@code --rpc.gascap}), in [21000, 2^62]
   */
  public GasEstimator(CallExecutor executor, long gasCap) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (gasCap < IntrinsicGas.TRANSACTION || gasCap > 1L << 62) {
      throw new IllegalArgumentException("gas cap must be in [21000, 2^62], got " + gasCap);
    }
    this.gasCap = gasCap;
  }

  /** Estimates the gas of {@code call}; its gas limit, if at least 21000, bounds the search. */
  public GasEstimate estimate(CallMessage call) {
    long hi =
        Long.compareUnsigned(call.gasLimit(), IntrinsicGas.TRANSACTION) >= 0
            ? call.gasLimit()
            : executor.context().gasLimit();
    if (call.feeCap().value().signum() > 0) {
      BigInteger available = executor.account(call.from()).balance().value();
      if (call.value().value().compareTo(available) >= 0) {
        return new GasEstimate.InsufficientFundsForTransfer();
      }
      BigInteger allowance = available.subtract(call.value().value()).divide(call.feeCap().value());
      if (allowance.bitLength() <= Long.SIZE
          && Long.compareUnsigned(hi, allowance.longValue()) > 0) {
        hi = allowance.longValue();
      }
    }
    if (Long.compareUnsigned(hi, gasCap) > 0) {
      hi = gasCap;
    }
    boolean plainTransfer =
        call.data().isEmpty()
            && call.to().isPresent()
            && executor.account(call.to().get()).codeHash().equals(Account.EMPTY_CODE_HASH);
    return search(hi, plainTransfer, gas -> executor.call(call.withGasLimit(gas)));
  }

  /**
   * The search itself, over any trial: steps 2 to 4 of the class comment.
   *
   * @param hi the highest gas limit to try, in [0, 2^62]
   * @param plainTransfer whether to try {@value IntrinsicGas#TRANSACTION} first
   * @param trial runs the call at a gas limit
   */
  static GasEstimate search(long hi, boolean plainTransfer, Trial trial) {
    if (plainTransfer && attempt(trial, IntrinsicGas.TRANSACTION).succeeded()) {
      return new GasEstimate.Estimated(IntrinsicGas.TRANSACTION);
    }
    Attempt first = attempt(trial, hi);
    if (first.refusal().isPresent()) {
      return first.refusal().get();
    }
    if (first.revertData().isPresent()) {
      return new GasEstimate.Reverted(first.revertData().get());
    }
    if (!first.succeeded()) {
      return new GasEstimate.ExceedsAllowance(hi);
    }
    long lo = first.gasUsed() - 1;
    long optimistic = (first.gasUsed() + CALL_STIPEND) * 64 / 63;
    if (optimistic < hi) {
      Attempt attempt = attempt(trial, optimistic);
      if (attempt.refusal().isPresent()) {
        return attempt.refusal().get();
      }
      if (attempt.succeeded()) {
        hi = optimistic;
      } else {
        lo = optimistic;
      }
    }
    while (lo + 1 < hi) {
      long mid = Math.min((hi + lo) / 2, lo * 2);
      Attempt attempt = attempt(trial, mid);
      if (attempt.refusal().isPresent()) {
        return attempt.refusal().get();
      }
      if (attempt.succeeded()) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new GasEstimate.Estimated(hi);
  }

  private static Attempt attempt(Trial trial, long gas) {
    return switch (trial.run(gas)) {
      case TransactionOutcome.Skipped s when s.reason() == SkipReason.INTRINSIC_GAS_TOO_LOW ->
          Attempt.FAILED;
      case TransactionOutcome.Skipped s ->
          new Attempt(
              -1, Optional.of(new GasEstimate.Refused(s.reason(), s.message())), Optional.empty());
      case TransactionOutcome.Included ok when ok.status() == ReceiptStatus.SUCCESS ->
          new Attempt(ok.gasUsed(), Optional.empty(), Optional.empty());
      case TransactionOutcome.Included failed when failed.reverted() ->
          new Attempt(-1, Optional.empty(), Optional.of(failed.returnData()));
      case TransactionOutcome.Included failed -> Attempt.FAILED;
    };
  }

  /** One run of the call at a gas limit. */
  @FunctionalInterface
  interface Trial {
    TransactionOutcome run(long gasLimit);
  }

  /**
   * A trial's verdict: success with the gas used, a failure that more gas may fix (a revert among
   * them), or a refusal that ends the search.
   *
   * @param gasUsed the gas used on success, else -1
   * @param refusal the refusal, if the call cannot run at any gas
   * @param revertData the revert data, if a program reverted
   */
  private record Attempt(
      long gasUsed, Optional<GasEstimate.Refused> refusal, Optional<Bytes> revertData) {
    static final Attempt FAILED = new Attempt(-1, Optional.empty(), Optional.empty());

    boolean succeeded() {
      return gasUsed >= 0;
    }
  }
}
