package io.paraseq.protocol.batch;

/**
 * Why posted batch data was rejected by {@link BatchDecoder}. Each rule has its own reason, so a
 * verifier can tell rejections apart without parsing messages.
 */
public enum BatchDecodeError {
  /** The data is shorter than the two leading bytes (version and codec). */
  TOO_SHORT("batch data shorter than its version and codec bytes"),
  /** The version byte names no known batch format. */
  UNKNOWN_VERSION("unknown batch format version"),
  /** The codec byte names no known compression. */
  UNKNOWN_CODEC("unknown compression codec"),
  /** The compressed stream is corrupt or truncated. */
  CORRUPT_COMPRESSION("corrupt or truncated compressed data"),
  /** Bytes follow the end of the compressed stream. */
  TRAILING_COMPRESSED_BYTES("bytes after the end of the compressed stream"),
  /** The payload would decompress to more than the decoder's limit (a decompression bomb). */
  PAYLOAD_TOO_LARGE("decompressed payload larger than the limit"),
  /** The payload is not well-formed for its version: bad RLP (v0) or a short column (v1). */
  MALFORMED_PAYLOAD("malformed batch payload"),
  /** A value is not in its canonical form (a non-minimal integer, a redundant exception). */
  NON_CANONICAL("non-canonical encoding"),
  /** A value is outside its range: an index past its table, an integer too wide. */
  OUT_OF_RANGE("value out of range"),
  /** Bytes follow the end of the payload's structure. */
  TRAILING_BYTES("bytes after the end of the batch payload"),
  /** The batch holds no block. */
  NO_BLOCKS("a batch holds at least one block"),
  /** Block numbers are not consecutive, or timestamps or deposit cursors decrease. */
  BLOCK_SEQUENCE("blocks not consecutive or not ordered"),
  /** A transaction is not one the strict transaction decoder accepts. */
  INVALID_TRANSACTION("invalid transaction in batch"),
  /** A deposit ({@code 0x7e}) appears in the batch; deposits are derived from L1. */
  DEPOSIT_IN_BATCH("deposit transaction in batch"),
  /** A sender's implied nonce would pass 2^64-1. */
  NONCE_OVERFLOW("implied nonce overflows");

  private final String description;

  BatchDecodeError(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the violated rule. */
  public String description() {
    return description;
  }
}
