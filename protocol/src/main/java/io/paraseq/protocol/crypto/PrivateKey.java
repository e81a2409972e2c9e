package io.paraseq.protocol.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A validated secp256k1 private key: 32 bytes big-endian, in [1, n-1]. Its {@link #toString()}
 * never shows the key. The bytes are copied in and out.
 */
public final class PrivateKey {

  private final byte[] bytes;

  private PrivateKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Validates and copies a private key; a wrong length or a value outside [1, n-1] gives {@link
   * SignatureError#INVALID_PRIVATE_KEY}.
   */
  public static Secp256k1Result<PrivateKey> of(byte[] bytes) {
    if (bytes.length != Signature.SCALAR_LENGTH || !CurveOrder.isValidScalar(bytes)) {
      return Secp256k1Result.err(SignatureError.INVALID_PRIVATE_KEY);
    }
    return Secp256k1Result.ok(new PrivateKey(bytes.clone()));
  }

  /** Returns a copy of the 32 key bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never reveals the key. */
  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
