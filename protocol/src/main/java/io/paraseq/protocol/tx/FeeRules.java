package io.paraseq.protocol.tx;

import java.math.BigInteger;

/**
 * Fee rules every user transaction obeys whatever the chain state: EIP-1559's priority fee is at
 * most the fee cap, and gasLimit × max gas price fits in 256 bits (so the up-front cost can be
 * computed).
 */
final class FeeRules {

  private FeeRules() {}

  /** Throws a {@link RejectedException} for the first rule {@code tx} breaks. */
  static void check(UnsignedTransaction tx) {
    if (tx instanceof DynamicFeeTransaction dynamic
        && dynamic.maxPriorityFeePerGas().compareTo(dynamic.maxFeePerGas()) > 0) {
      throw new RejectedException(
          InvalidTransaction.PRIORITY_FEE_GREATER_THAN_MAX_FEE,
          "maxPriorityFeePerGas "
              + dynamic.maxPriorityFeePerGas().value()
              + " > maxFeePerGas "
              + dynamic.maxFeePerGas().value());
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    BigInteger product = gasLimit.multiply(tx.maxGasPrice().value());
    if (product.bitLength() > Wei.BITS) {
      throw new RejectedException(
          InvalidTransaction.GAS_LIMIT_PRICE_PRODUCT_OVERFLOW,
          "gasLimit " + gasLimit + " × " + tx.maxGasPrice().value() + " exceeds 2^256-1");
    }
  }
}
