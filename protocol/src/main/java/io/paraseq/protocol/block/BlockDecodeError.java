package io.paraseq.protocol.block;

/**
 * Why block data (a header, a block, a receipt or a log) was rejected by the strict decoders. Each
 * rule has its own reason, so callers can tell rejections apart without parsing messages.
 */
public enum BlockDecodeError {
  /** The bytes are not canonical RLP of the right shape; the failure names the {@code RlpError}. */
  RLP_MALFORMED("malformed RLP"),
  /** A list has fewer or more items than the structure has fields. */
  WRONG_FIELD_COUNT("wrong number of fields"),
  /** The header's extra data is longer than 32 bytes. */
  EXTRA_DATA_TOO_LONG("extra data longer than 32 bytes"),
  /** The ommers hash is not keccak256(rlp([])), or a block body lists ommers. */
  OMMERS_NOT_EMPTY("ommers must be empty after the merge"),
  /** The difficulty is not zero. */
  DIFFICULTY_NOT_ZERO("difficulty must be zero after the merge"),
  /** The nonce is not eight zero bytes. */
  NONCE_NOT_ZERO("nonce must be zero after the merge"),
  /** The header's gas used exceeds its gas limit. */
  GAS_USED_ABOVE_LIMIT("gas used exceeds the gas limit"),
  /** A receipt's status is neither 0 nor 1 (a pre-Byzantium state root is not accepted). */
  INVALID_STATUS("receipt status must be 0 or 1"),
  /** A receipt's type byte names a type Paraseq does not execute, or no known type. */
  RECEIPT_TYPE_NOT_SUPPORTED("receipt type not supported"),
  /** A log has more than four topics. */
  TOO_MANY_TOPICS("a log has more than 4 topics"),
  /** A receipt's bloom is not the bloom of its logs. */
  BLOOM_MISMATCH("logs bloom does not match the logs"),
  /** A transaction inside a block was rejected by the transaction decoder. */
  INVALID_TRANSACTION("invalid transaction in block"),
  /** The header's transactions root is not the root of the block's transactions. */
  TRANSACTIONS_ROOT_MISMATCH("transactions root does not match the transactions"),
  /** A block body lists withdrawals; Paraseq blocks have none. */
  WITHDRAWALS_NOT_EMPTY("withdrawals must be empty");

  private final String description;

  BlockDecodeError(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the violated rule. */
  public String description() {
    return description;
  }
}
