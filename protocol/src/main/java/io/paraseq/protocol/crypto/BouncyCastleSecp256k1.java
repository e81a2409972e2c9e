package io.paraseq.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Pure-Java secp256k1 on BouncyCastle's curve arithmetic: the fallback when libsecp256k1 cannot be
 * loaded, and the reference the native backend is tested against.
 *
 * <p>Signing computes ECDSA directly from the RFC 6979 nonce so that it knows R and therefore the
 * recovery id; recovery follows SEC 1 v2 §4.1.6. BigInteger arithmetic is not constant-time, so
 * prefer the native backend for keys that matter. Thread-safe: the only shared state is
 * BouncyCastle's immutable curve and its internally synchronised precomputation for G.
 */
final class BouncyCastleSecp256k1 implements Secp256k1Backend {

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  @Override
  public Secp256k1.Backend kind() {
    return Secp256k1.Backend.BOUNCY_CASTLE;
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    ECPoint q = BASE_MULTIPLIER.multiply(G, new BigInteger(1, privateKey));
    return uncompressedWithoutPrefix(q);
  }

  @Override
  public Signature sign(byte[] messageHash, byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    BigInteger e = new BigInteger(1, messageHash);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, messageHash);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint bigR = BASE_MULTIPLIER.multiply(G, k).normalize();
      BigInteger x = bigR.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
      if (r.signum() == 0 || s.signum() == 0) {
        continue; // RFC 6979 §3.4: try the next nonce, as libsecp256k1 does
      }
      if (x.compareTo(N) >= 0) {
        // recId 2 or 3; Ethereum cannot encode it. Probability about 2^-128.
        throw new IllegalStateException("R.x >= n for this key and hash; signature not encodable");
      }
      int recId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s); // (r, n - s) is the signature with -R, so the parity flips
        recId ^= 1;
      }
      return new Signature(scalarBytes(r), scalarBytes(s), recId);
    }
  }

  @Override
  public Optional<byte[]> recover(byte[] messageHash, byte[] r, byte[] s, int recId) {
    // r < n < p and recId < 2, so R.x = r (SEC 1 step 1.1 with j = 0).
    BigInteger rValue = new BigInteger(1, r);
    ECFieldElement x = CURVE.fromBigInteger(rValue);
    ECFieldElement y = x.square().multiply(x).add(CURVE.getB()).sqrt();
    if (y == null) {
      return Optional.empty(); // x^3 + 7 is not a square: r is no x-coordinate
    }
    if (y.testBitZero() != (recId == 1)) {
      y = y.negate();
    }
    ECPoint bigR = CURVE.createPoint(rValue, y.toBigInteger());
    // Q = r^-1 (sR - eG); secp256k1 has cofactor 1, so nR = ∞ needs no check.
    BigInteger rInv = BigIntegers.modOddInverse(N, rValue);
    BigInteger u1 = new BigInteger(1, messageHash).negate().multiply(rInv).mod(N);
    BigInteger u2 = new BigInteger(1, s).multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2);
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(uncompressedWithoutPrefix(q));
  }

  private static byte[] uncompressedWithoutPrefix(ECPoint point) {
    byte[] encoded = point.normalize().getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, encoded.length);
  }

  private static byte[] scalarBytes(BigInteger value) {
    return BigIntegers.asUnsignedByteArray(Signature.SCALAR_LENGTH, value);
  }
}
