package io.paraseq.protocol.types;

/**
 * The one place where this package turns hex text into bytes and back.
 *
 * <p>Accepted text is strict: a {@code 0x} prefix, an even number of digits, and nothing but {@code
 * 0-9a-fA-F} after it. Every rejection says what was wrong and where.
 */
final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final int MAX_QUOTED = 80;

  private Hex() {}

  /** Lower-case hex digits of {@code bytes}, with the {@code 0x} prefix. */
  static String encode(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Parses {@code 0x}-prefixed hex; throws {@link IllegalArgumentException} on any deviation. */
  static byte[] decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("hex text is null");
    }
    if (text.length() < 2 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
      throw new IllegalArgumentException("hex text must start with 0x: " + quote(text));
    }
    int digits = text.length() - 2;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException(
          "hex text has an odd number of digits (" + digits + "): " + quote(text));
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(text, 2 + 2 * i);
      int lo = digit(text, 3 + 2 * i);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(String text, int index) {
    char c = text.charAt(index);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException(
        "invalid hex digit '" + c + "' at index " + index + ": " + quote(text));
  }

  private static String quote(String text) {
    return text.length() <= MAX_QUOTED
        ? '"' + text + '"'
        : '"' + text.substring(0, MAX_QUOTED) + "…\" (" + text.length() + " chars)";
  }
}
