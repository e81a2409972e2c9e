package io.paraseq.protocol.tx;

import java.math.BigInteger;

/** The one place that turns a decoded integer into a {@link ChainId} or a rejection. */
final class ChainIds {

  private static final BigInteger MAX = BigInteger.valueOf(ChainId.MAX);

  private ChainIds() {}

  static ChainId of(BigInteger value, String field) {
    if (value.signum() == 0 || value.compareTo(MAX) > 0) {
      throw new RejectedException(
          InvalidTransaction.INVALID_CHAIN_ID,
          field + " " + value + " outside [1, " + ChainId.MAX + "]");
    }
    return new ChainId(value.longValueExact());
  }
}
