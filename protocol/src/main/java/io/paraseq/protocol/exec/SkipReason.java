package io.paraseq.protocol.exec;

/**
 * Why a candidate transaction was left out of a block, or why a {@link CallMessage} did not run. A
 * skipped transaction changes no state and uses no gas. The producer decides from the reason
 * whether to drop it from the pool ({@link #NONCE_MISMATCH} with a nonce below the account's, a
 * wrong chain) or keep it for later (a nonce gap, a fee cap below the current base fee, funds that
 * may still arrive). {@link #TIP_ABOVE_FEE_CAP} and {@link #CODE_EXECUTION_UNSUPPORTED} are given
 * for calls only: such a transaction is invalid at decoding, and only native programs have code.
 */
public enum SkipReason {
  /** The transaction's nonce is not the sender's account nonce (too low, or a gap). */
  NONCE_MISMATCH,
  /** The sender's nonce is 2^64-1 and cannot be incremented (EIP-2681). */
  NONCE_MAX,
  /** The fee cap (gas price, or EIP-1559 max fee) is below the block's base fee. */
  FEE_CAP_BELOW_BASE_FEE,
  /** The sender's balance is below gasLimit × fee cap + value (geth's up-front check). */
  INSUFFICIENT_FUNDS,
  /** The gas limit is below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW,
  /** A contract creation: there is no EVM yet. */
  CONTRACT_CREATION_UNSUPPORTED,
  /** Signed for another chain. */
  WRONG_CHAIN_ID,
  /** A legacy transaction without an EIP-155 chain id. */
  UNPROTECTED_TRANSACTION,
  /** A call whose priority fee cap exceeds its fee cap. */
  TIP_ABOVE_FEE_CAP,
  /**
   * A call to an account whose code is not a native program's: there is no EVM yet. Calls to
   * program accounts run the program.
   */
  CODE_EXECUTION_UNSUPPORTED
}
