package io.paraseq.protocol.tx;

import io.paraseq.protocol.crypto.CurveOrder;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;

/**
 * Which r and s a transaction signature may carry: r and s in [1, n-1] for the secp256k1 group
 * order n, and s ≤ n/2 (EIP-2), checked through {@link CurveOrder}, the rule's one home, which
 * {@link io.paraseq.protocol.crypto.Secp256k1} also applies on recovery. Checking here lets the
 * decoder reject such signatures without recovering.
 */
final class SignatureRules {

  private SignatureRules() {}

  /**
   * The signature, or a rejection naming the out-of-range scalar. {@code r} and {@code s} are below
   * 2^256 (the decoder reads them with a 256-bit limit).
   */
  static TransactionSignature check(int yParity, BigInteger r, BigInteger s) {
    Bytes rBytes = scalar(r);
    Bytes sBytes = scalar(s);
    byte[] sArray = sBytes.toArray();
    if (!CurveOrder.isValidScalar(rBytes.toArray())) {
      throw new RejectedException(
          InvalidTransaction.INVALID_SIGNATURE_R, "r=0x" + r.toString(16) + " outside [1, n-1]");
    }
    if (!CurveOrder.isValidScalar(sArray)) {
      throw new RejectedException(
          InvalidTransaction.INVALID_SIGNATURE_S, "s=0x" + s.toString(16) + " outside [1, n-1]");
    }
    if (!CurveOrder.isLow(sArray)) {
      throw new RejectedException(
          InvalidTransaction.S_NOT_LOW, "s=0x" + s.toString(16) + " above n/2");
    }
    return new TransactionSignature(yParity, rBytes, sBytes);
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
