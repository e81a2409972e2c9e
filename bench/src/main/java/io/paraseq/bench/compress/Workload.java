package io.paraseq.bench.compress;

import java.util.Locale;

/** The kinds of batch measured. */
enum Workload {
  /** EIP-1559 ETH transfers. */
  TRANSFERS,
  /** ERC-20 {@code transfer(address,uint256)} calls to a few token contracts. */
  TOKENS,
  /** AMM {@code swap(address,uint256,uint256,address)} calls to a few pairs. */
  SWAPS,
  /** Half transfers (a tenth of them legacy EIP-155), 30 % token transfers, 20 % swaps. */
  MIX;

  /** The lower-case name used on the command line and in the report. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
