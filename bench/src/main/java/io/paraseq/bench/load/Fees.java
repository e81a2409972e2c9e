package io.paraseq.bench.load;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The fees every generated transfer offers. They are fixed when the transfers are signed, before
 * the run: the fee cap has to stay above the base fee for the whole run, which rises 12.5 % per
 * full block (EIP-1559), so it is set far above the starting base fee.
 *
 * @param maxFeePerGas the fee cap (EIP-1559 {@code maxFeePerGas})
 * @param maxPriorityFeePerGas the tip cap, at most the fee cap
 */
record Fees(Wei maxFeePerGas, Wei maxPriorityFeePerGas) {

  /** The gas limit of a plain transfer (intrinsic gas, no data). */
  static final long TRANSFER_GAS = 21_000;

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  Fees {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException(
          "tip " + maxPriorityFeePerGas + " above the fee cap " + maxFeePerGas);
    }
  }

  /** Fees given in whole gwei. */
  static Fees ofGwei(long maxFeePerGas, long maxPriorityFeePerGas) {
    return new Fees(
        Wei.of(GWEI.multiply(BigInteger.valueOf(maxFeePerGas))),
        Wei.of(GWEI.multiply(BigInteger.valueOf(maxPriorityFeePerGas))));
  }

  /** The most a transfer of {@code value} can cost: gas limit × fee cap + value. */
  BigInteger maxCost(Wei value) {
    return BigInteger.valueOf(TRANSFER_GAS).multiply(maxFeePerGas.value()).add(value.value());
  }
}
