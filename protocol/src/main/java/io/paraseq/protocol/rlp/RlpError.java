package io.paraseq.protocol.rlp;

/**
 * Why an input was rejected by the strict RLP decoder. Each rule of canonical RLP has its own
 * reason, so callers and tests can tell violations apart without parsing messages.
 */
public enum RlpError {
  /** The input has no bytes at all. */
  INPUT_EMPTY("input is empty"),
  /** An item's header or payload extends past the end of the input. */
  TRUNCATED("item extends past the end of the input"),
  /** An item inside a list extends past the end of that list's payload. */
  ITEM_EXCEEDS_LIST("item extends past the end of its enclosing list"),
  /** Bytes remain after the last item (of the input, or of a list the reader is leaving). */
  TRAILING_BYTES("bytes remain after the last item"),
  /** An item was expected but the enclosing list (or the input) has ended. */
  MISSING_ITEM("an item was expected but its list has ended"),
  /** A single byte below 0x80 was wrapped as {@code 0x81 xx} instead of standing alone. */
  NON_CANONICAL_SINGLE_BYTE("single byte below 0x80 must be encoded as itself"),
  /** The long length form was used for a payload shorter than 56 bytes. */
  NON_CANONICAL_LENGTH("long length form used for a payload shorter than 56 bytes"),
  /** A long-form length starts with a zero byte. */
  LEADING_ZERO_IN_LENGTH("length has a leading zero byte"),
  /** A declared length does not fit in a signed 32-bit int. */
  LENGTH_OVERFLOW("length exceeds 2^31-1"),
  /** An integer's big-endian bytes start with zero (zero itself is the empty string). */
  LEADING_ZERO_IN_INTEGER("integer has a leading zero byte"),
  /** An integer is wider than the field allows. */
  INTEGER_TOO_LARGE("integer exceeds the allowed bit width"),
  /** A byte string has a length the field does not allow. */
  WRONG_LENGTH("byte string has the wrong length"),
  /** A list was expected but a byte string was found. */
  EXPECTED_LIST("expected a list, found a string"),
  /** A byte string was expected but a list was found. */
  EXPECTED_STRING("expected a string, found a list"),
  /** Lists are nested deeper than {@link RlpReader#MAX_DEPTH}. */
  NESTING_TOO_DEEP("lists nested too deeply");

  private final String description;

  RlpError(String description) {
    this.description = description;
  }

  /** A short human-readable statement of the violated rule. */
  public String description() {
    return description;
  }
}
