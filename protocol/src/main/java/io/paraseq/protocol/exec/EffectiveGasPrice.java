package io.paraseq.protocol.exec;

import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;

/**
 * The wei per gas a user transaction pays under a base fee: its gas price for legacy and EIP-2930
 * transactions; {@code min(maxFeePerGas, baseFee + maxPriorityFeePerGas)} for EIP-1559 ones. Only
 * meaningful when the fee cap is at least the base fee, which {@link TransactionProcessor} checks
 * first.
 */
public final class EffectiveGasPrice {

  private EffectiveGasPrice() {}

  /** The effective gas price of {@code tx} in a block with {@code baseFee}. */
  public static Wei of(UnsignedTransaction tx, Wei baseFee) {
    return switch (tx) {
      case LegacyTransaction legacy -> legacy.gasPrice();
      case AccessListTransaction accessList -> accessList.gasPrice();
      case DynamicFeeTransaction dynamic ->
          of(dynamic.maxFeePerGas(), dynamic.maxPriorityFeePerGas(), baseFee);
    };
  }

  /**
   * The EIP-1559 price {@code min(feeCap, baseFee + tipCap)}; a legacy gas price {@code g} given as
   * {@code feeCap = tipCap = g} yields {@code g}.
   */
  public static Wei of(Wei feeCap, Wei tipCap, Wei baseFee) {
    BigInteger capped = baseFee.value().add(tipCap.value());
    return Wei.of(capped.min(feeCap.value()));
  }
}
