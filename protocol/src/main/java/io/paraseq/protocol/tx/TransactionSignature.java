package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * The ECDSA signature of a transaction: the y-parity of R and the scalars r and s.
 *
 * <p>For a legacy transaction the parity is folded into {@code v} together with the chain id when
 * encoded; typed transactions carry it as {@code yParity}. Construction checks the shape only; the
 * decoder checks that r and s are in range for secp256k1 and that s is low (EIP-2).
 *
 * @param yParity 0 or 1
 * @param r the r scalar, 32 bytes big-endian
 * @param s the s scalar, 32 bytes big-endian
 */
public record TransactionSignature(int yParity, Bytes r, Bytes s) {

  /** Length of r and s in bytes. */
  public static final int SCALAR_LENGTH = 32;

  /**
   * Checks the shape.
   *
   * @throws IllegalArgumentException if the parity is not 0 or 1 or a scalar is not 32 bytes
   */
  public TransactionSignature {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
    }
    requireScalar(r, "r");
    requireScalar(s, "s");
  }

  private static void requireScalar(Bytes value, String name) {
    Objects.requireNonNull(value, name);
    if (value.length() != SCALAR_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be " + SCALAR_LENGTH + " bytes, got " + value.length());
    }
  }
}
