package io.paraseq.protocol.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * secp256k1 through libsecp256k1, via ACINQ's JNI binding (secp256k1-kmp).
 *
 * <p>libsecp256k1 signs with an RFC 6979 nonce and normalises s to the low half, but its
 * non-recoverable {@code sign} does not report the recovery id, so {@link #sign} finds it by
 * recovering with 0 (and, if needed, 1) and comparing with the signer's key. Thread-safe: the
 * binding uses one libsecp256k1 context that is read-only after creation.
 */
final class NativeSecp256k1 implements Secp256k1Backend {

  /** 0x04 || G: the public key of private key 1, used to check that the library works. */
  private static final byte[] GENERATOR_UNCOMPRESSED =
      HexFormat.of()
          .parseHex(
              "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                  + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");

  private static final int UNCOMPRESSED_LENGTH = 65;
  private static final int COMPACT_LENGTH = 64;

  private final fr.acinq.secp256k1.Secp256k1 lib;

  private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * Loads the native library and checks it by deriving the public key of 1.
   *
   * @throws Exception or {@link LinkageError} if the library is missing, cannot be loaded (e.g. no
   *     {@code --enable-native-access}), or computes a wrong key
   */
  static NativeSecp256k1 load() throws Exception {
    fr.acinq.secp256k1.Secp256k1 lib = fr.acinq.secp256k1.Secp256k1.get();
    byte[] one = new byte[Signature.SCALAR_LENGTH];
    one[one.length - 1] = 1;
    byte[] g = lib.pubkeyCreate(one);
    if (!Arrays.equals(g, GENERATOR_UNCOMPRESSED)) {
      throw new IllegalStateException(
          "libsecp256k1 self-test failed: 1*G = " + HexFormat.of().formatHex(g));
    }
    return new NativeSecp256k1(lib);
  }

  @Override
  public Secp256k1.Backend kind() {
    return Secp256k1.Backend.NATIVE;
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return withoutPrefix(lib.pubkeyCreate(privateKey));
  }

  @Override
  public Signature sign(byte[] messageHash, byte[] privateKey) {
    byte[] compact = lib.sign(messageHash, privateKey, null);
    if (compact.length != COMPACT_LENGTH) {
      throw new IllegalStateException("libsecp256k1 sign returned " + compact.length + " bytes");
    }
    byte[] expected = lib.pubkeyCreate(privateKey);
    for (int recId = 0; recId < 2; recId++) {
      if (Arrays.equals(lib.ecdsaRecover(compact, messageHash, recId), expected)) {
        return new Signature(
            Arrays.copyOfRange(compact, 0, Signature.SCALAR_LENGTH),
            Arrays.copyOfRange(compact, Signature.SCALAR_LENGTH, COMPACT_LENGTH),
            recId);
      }
    }
    // Only when R.x >= n (recId 2 or 3), about 2^-128; Ethereum cannot encode that.
    throw new IllegalStateException("no recovery id 0/1 reproduces the signer's key");
  }

  @Override
  public Optional<byte[]> recover(byte[] messageHash, byte[] r, byte[] s, int recId) {
    byte[] compact = Arrays.copyOf(r, COMPACT_LENGTH);
    System.arraycopy(s, 0, compact, Signature.SCALAR_LENGTH, Signature.SCALAR_LENGTH);
    try {
      return Optional.of(withoutPrefix(lib.ecdsaRecover(compact, messageHash, recId)));
    } catch (Secp256k1Exception noPoint) {
      // libsecp256k1 reports "no such point" only as a failed call; the caller maps it to
      // RECOVERY_FAILED. Inputs were range-checked before, so nothing else lands here.
      return Optional.empty();
    }
  }

  private static byte[] withoutPrefix(byte[] uncompressed) {
    if (uncompressed.length != UNCOMPRESSED_LENGTH || uncompressed[0] != 0x04) {
      throw new IllegalStateException(
          "libsecp256k1 returned a malformed key: " + HexFormat.of().formatHex(uncompressed));
    }
    return Arrays.copyOfRange(uncompressed, 1, UNCOMPRESSED_LENGTH);
  }
}
