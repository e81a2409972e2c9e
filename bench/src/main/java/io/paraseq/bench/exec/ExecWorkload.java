package io.paraseq.bench.exec;

import java.util.Locale;

/** The kinds of block {@code ./paraseq bench exec} measures; {@link BlockBuilder} builds them. */
enum ExecWorkload {
  /** EIP-1559 ETH transfers between the accounts. */
  TRANSFERS("eth"),
  /** ERC-20 {@code transfer(address,uint256)} of one native token between the accounts. */
  TOKENS("erc20"),
  /**
   * {@code swap(address,uint256,uint256,address)} on the native AMM pairs, one pool per 10
   * accounts.
   */
  SWAPS("amm");

  private final String label;

  ExecWorkload(String label) {
    this.label = label;
  }

  /** The short name in the report and on the command line. */
  String label() {
    return label;
  }

  /**
   * The workload named {@code name}: its label or its enum name, in any case.
   *
   * @throws IllegalArgumentException for any other name
   */
  static ExecWorkload parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (ExecWorkload workload : values()) {
      if (workload.label.equals(wanted)
          || workload.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return workload;
      }
    }
    throw new IllegalArgumentException(
        "unknown workload " + name + " (eth|transfers, erc20|tokens, amm|swaps)");
  }
}
