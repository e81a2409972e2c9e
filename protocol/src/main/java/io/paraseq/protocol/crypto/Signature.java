package io.paraseq.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A recoverable ECDSA signature over secp256k1: r and s as 32-byte big-endian integers and the
 * recovery id (the parity of R's y-coordinate; 0 or 1 for anything Ethereum accepts).
 *
 * <p>Construction checks only the shape (two 32-byte arrays); whether the values are a usable
 * signature is decided by {@link Secp256k1}'s recovery, which reports it as a {@link
 * SignatureError}. The arrays are copied in and out.
 *
 * @param r the r value, 32 bytes big-endian
 * @param s the s value, 32 bytes big-endian
 * @param recId the recovery id
 */
public record Signature(byte[] r, byte[] s, int recId) {

  /** Length of r and of s in bytes. */
  public static final int SCALAR_LENGTH = 32;

  /** Length of the {@link #toBytes() r || s || recId} encoding. */
  public static final int ENCODED_LENGTH = 2 * SCALAR_LENGTH + 1;

  /**
   * Copies r and s.
   *
   * @throws IllegalArgumentException if r or s is not exactly 32 bytes
   */
  public Signature {
    r = scalar(r, "r");
    s = scalar(s, "s");
  }

  /**
   * Decodes {@code r || s || recId} (65 bytes, recId in the last byte as an unsigned value).
   *
   * @throws IllegalArgumentException if the input is not 65 bytes
   */
  public static Signature fromBytes(byte[] encoded) {
    if (encoded.length != ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "signature must be " + ENCODED_LENGTH + " bytes, got " + encoded.length);
    }
    return new Signature(
        Arrays.copyOfRange(encoded, 0, SCALAR_LENGTH),
        Arrays.copyOfRange(encoded, SCALAR_LENGTH, 2 * SCALAR_LENGTH),
        Byte.toUnsignedInt(encoded[2 * SCALAR_LENGTH]));
  }

  /** Returns a copy of r. */
  @Override
  public byte[] r() {
    return r.clone();
  }

  /** Returns a copy of s. */
  @Override
  public byte[] s() {
    return s.clone();
  }

  /**
   * Returns {@code r || s || recId}, 65 bytes.
   *
   * @throws IllegalStateException if recId does not fit in one unsigned byte
   */
  public byte[] toBytes() {
    if (recId < 0 || recId > 0xff) {
      throw new IllegalStateException("recId does not fit a byte: " + recId);
    }
    byte[] out = Arrays.copyOf(r, ENCODED_LENGTH);
    System.arraycopy(s, 0, out, SCALAR_LENGTH, SCALAR_LENGTH);
    out[2 * SCALAR_LENGTH] = (byte) recId;
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature other
        && recId == other.recId
        && Arrays.equals(r, other.r)
        && Arrays.equals(s, other.s);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(r) + Arrays.hashCode(s)) + recId;
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "Signature[r=0x"
        + hex.formatHex(r)
        + ", s=0x"
        + hex.formatHex(s)
        + ", recId="
        + recId
        + "]";
  }

  private static byte[] scalar(byte[] value, String name) {
    if (value.length != SCALAR_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be " + SCALAR_LENGTH + " bytes, got " + value.length);
    }
    return value.clone();
  }
}
