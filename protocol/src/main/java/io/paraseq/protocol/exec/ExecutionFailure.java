package io.paraseq.protocol.exec;

/**
 * Why a program call included in a block failed, as the EVM distinguishes it: {@code eth_call}
 * answers a revert with {@code execution reverted} and the revert data, running out of gas with
 * {@code out of gas}. Either way the receipt status is failure, the program's writes and logs are
 * dropped and the sender pays for the gas used (all of it when out of gas).
 */
public enum ExecutionFailure {
  /** The program reverted; the outcome's return data is the revert data. */
  REVERTED,
  /** The program needed more gas than the gas limit left after the intrinsic gas. */
  OUT_OF_GAS
}
