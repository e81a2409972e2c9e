package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;

/**
 * Which r and s a transaction signature may carry: r and s in [1, n-1] for the secp256k1 group
 * order n, and s ≤ n/2 (EIP-2). {@link io.paraseq.protocol.crypto.Secp256k1} checks the same on
 * recovery; checking here lets the decoder reject such signatures without recovering.
 */
final class SignatureRules {

  /** n, the order of the secp256k1 base point. */
  static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  /** floor(n / 2), the largest s EIP-2 allows. */
  static final BigInteger HALF_N = N.shiftRight(1);

  private SignatureRules() {}

  /** The signature, or a rejection naming the out-of-range scalar. */
  static TransactionSignature check(int yParity, BigInteger r, BigInteger s) {
    if (r.signum() == 0 || r.compareTo(N) >= 0) {
      throw new RejectedException(
          InvalidTransaction.INVALID_SIGNATURE_R, "r=0x" + r.toString(16) + " outside [1, n-1]");
    }
    if (s.signum() == 0 || s.compareTo(N) >= 0) {
      throw new RejectedException(
          InvalidTransaction.INVALID_SIGNATURE_S, "s=0x" + s.toString(16) + " outside [1, n-1]");
    }
    if (s.compareTo(HALF_N) > 0) {
      throw new RejectedException(
          InvalidTransaction.S_NOT_LOW, "s=0x" + s.toString(16) + " above n/2");
    }
    return new TransactionSignature(yParity, scalar(r), scalar(s));
  }

  /** A value below 2^256 as 32 bytes big-endian. */
  static Bytes scalar(BigInteger value) {
    byte[] minimal = value.toByteArray();
    byte[] out = new byte[TransactionSignature.SCALAR_LENGTH];
    int length = Math.min(minimal.length, out.length);
    System.arraycopy(minimal, minimal.length - length, out, out.length - length, length);
    return Bytes.of(out);
  }

  /** 32 bytes big-endian as an unsigned integer. */
  static BigInteger toInteger(Bytes scalar) {
    return new BigInteger(1, scalar.toArray());
  }
}
