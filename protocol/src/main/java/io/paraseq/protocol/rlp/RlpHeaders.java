package io.paraseq.protocol.rlp;

/**
 * How the encoder writes an item header: the shortest form for the payload length.
 *
 * <p>Payloads under {@value #SHORT_LIMIT} bytes get one byte, {@code base + length}; longer ones
 * get {@code base + 55 + n} followed by the length in {@code n} big-endian bytes without leading
 * zeros. {@link RlpReader} rejects every other form.
 */
final class RlpHeaders {

  /** First header byte of byte strings (0x80) and of lists (0xc0). */
  static final int STRING_BASE = 0x80;

  static final int LIST_BASE = 0xc0;

  /** Payloads shorter than this use the one-byte header. */
  static final int SHORT_LIMIT = 56;

  private RlpHeaders() {}

  /** Size of the header for a payload of {@code length} bytes. */
  static int size(int length) {
    return length < SHORT_LIMIT ? 1 : 1 + RlpIntegers.byteLength(length);
  }

  /** Writes the header at {@code offset}; returns the offset just past it. */
  static int write(byte[] destination, int offset, int base, int length) {
    if (length < SHORT_LIMIT) {
      destination[offset] = (byte) (base + length);
      return offset + 1;
    }
    int lengthOfLength = RlpIntegers.byteLength(length);
    destination[offset++] = (byte) (base + SHORT_LIMIT - 1 + lengthOfLength);
    for (int shift = 8 * (lengthOfLength - 1); shift >= 0; shift -= 8) {
      destination[offset++] = (byte) (length >>> shift);
    }
    return offset;
  }
}
