package io.paraseq.bench.load;

/** Which nodes a run measures. */
enum Target {
  /** The Paraseq node at {@code --rpc-url}. */
  PARASEQ,
  /** A fresh anvil the generator starts and stops. */
  ANVIL,
  /** Paraseq first, then a fresh anvil, side by side. */
  BOTH;

  /** Whether the Paraseq node is measured. */
  boolean paraseq() {
    return this != ANVIL;
  }

  /** Whether an anvil is measured. */
  boolean anvil() {
    return this != PARASEQ;
  }
}
