package io.paraseq.protocol.tx;

/**
 * Why a transaction was rejected. Each rule has its own reason, so callers (and the table that maps
 * reasons to JSON-RPC errors) can tell rejections apart without parsing messages.
 */
public enum InvalidTransaction {
  /** The bytes are not canonical RLP of the right shape; the {@link Rejection} names the rule. */
  RLP_MALFORMED("malformed RLP"),
  /** The field list is too short or too long for the type. */
  WRONG_FIELD_COUNT("wrong number of fields"),
  /** The leading byte announces a type Paraseq does not accept (blob, set-code, unknown). */
  TYPE_NOT_SUPPORTED("transaction type not supported"),
  /** The nonce does not fit in 64 bits. */
  NONCE_TOO_LARGE("nonce exceeds 2^64-1"),
  /** The gas limit does not fit in 64 bits. */
  GAS_LIMIT_TOO_LARGE("gas limit exceeds 2^64-1"),
  /** The value (or a deposit's mint) does not fit in 256 bits. */
  VALUE_TOO_LARGE("value exceeds 2^256-1"),
  /** A gas price, fee cap or priority fee does not fit in 256 bits. */
  FEE_TOO_LARGE("fee exceeds 2^256-1"),
  /** {@code to} is neither empty nor 20 bytes, or is empty where a recipient is required. */
  INVALID_TO("invalid recipient"),
  /** An access-list entry is not [20-byte address, [32-byte keys…]]. */
  INVALID_ACCESS_LIST("invalid access list"),
  /** A chain id is zero or above the EIP-2294 bound. */
  INVALID_CHAIN_ID("invalid chain id"),
  /** A legacy {@code v} is neither 27/28 nor 35+2·chainId / 36+2·chainId. */
  INVALID_V("invalid v"),
  /** A typed transaction's {@code yParity} is not exactly 0 or 1. */
  INVALID_Y_PARITY("invalid y-parity"),
  /** r is zero, or not below the secp256k1 group order. */
  INVALID_SIGNATURE_R("invalid signature r"),
  /** s is zero, or not below the secp256k1 group order. */
  INVALID_SIGNATURE_S("invalid signature s"),
  /** s is above n/2 (EIP-2). */
  S_NOT_LOW("signature s above n/2 (EIP-2)"),
  /** An EIP-1559 priority fee exceeds the fee cap. */
  PRIORITY_FEE_GREATER_THAN_MAX_FEE("max priority fee per gas higher than max fee per gas"),
  /** gasLimit × gas price (or fee cap) does not fit in 256 bits. */
  GAS_LIMIT_PRICE_PRODUCT_OVERFLOW("gas limit × gas price exceeds 2^256-1"),
  /** A deposit field is malformed (sender length, system flag). */
  INVALID_DEPOSIT("invalid deposit field"),
  /** The gas limit is below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  /** A creation's init code exceeds the EIP-3860 limit. */
  INIT_CODE_SIZE_EXCEEDED("max initcode size exceeded"),
  /** No sender can be recovered from the signature. */
  SENDER_RECOVERY_FAILED("invalid sender"),
  /** The transaction is signed for another chain. */
  CHAIN_ID_MISMATCH("invalid chain id for signer"),
  /** A legacy transaction without EIP-155 replay protection, where only protected ones pass. */
  UNPROTECTED_TRANSACTION("only replay-protected (EIP-155) transactions allowed"),
  /** A deposit where only user transactions are accepted. */
  DEPOSIT_NOT_ALLOWED("deposit transactions are made only by the sequencer");

  private final String description;

  InvalidTransaction(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the rule. */
  public String description() {
    return description;
  }
}
