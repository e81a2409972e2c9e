package io.paraseq.protocol.crypto;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;

/**
 * secp256k1 ECDSA as Ethereum uses it: deterministic low-s signing, public-key and address
 * recovery, and address derivation.
 *
 * <p>This facade validates every input the same way whichever backend does the arithmetic, and
 * reports expected failures (bad signatures, bad keys) as {@link SignatureError} values. Wrong
 * array lengths for hashes or public keys are programming errors and throw {@link
 * IllegalArgumentException}. {@link #get()} uses libsecp256k1 when it loads and BouncyCastle
 * otherwise. Instances are immutable and thread-safe; arrays are copied, never kept.
 */
public final class Secp256k1 {

  /** Length of a message hash in bytes. */
  public static final int HASH_LENGTH = 32;

  /** Length of an uncompressed public key without its 0x04 prefix (x || y). */
  public static final int PUBLIC_KEY_LENGTH = 64;

  /** Length of an address in bytes. */
  public static final int ADDRESS_LENGTH = 20;

  /** The implementation doing the curve arithmetic. */
  public enum Backend {
    /** libsecp256k1 through JNI. */
    NATIVE,
    /** BouncyCastle, pure Java. */
    BOUNCY_CASTLE
  }

  private static final System.Logger LOG = System.getLogger(Secp256k1.class.getName());

  private final Secp256k1Backend backend;

  Secp256k1(Secp256k1Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /**
   * Returns the shared instance: native if libsecp256k1 loads, else BouncyCastle. The choice is
   * made and logged once, on first use.
   */
  public static Secp256k1 get() {
    return DefaultHolder.INSTANCE;
  }

  /** Returns a pure-Java instance regardless of whether the native library is available. */
  public static Secp256k1 bouncyCastle() {
    return new Secp256k1(new BouncyCastleSecp256k1());
  }

  /** Which backend this instance uses. */
  public Backend backend() {
    return backend.kind();
  }

  /**
   * Signs a 32-byte hash: RFC 6979 nonce, low s (EIP-2), recId 0 or 1.
   *
   * @return the signature, or {@link SignatureError#INVALID_PRIVATE_KEY}
   */
  public Secp256k1Result<Signature> sign(byte[] messageHash, byte[] privateKey) {
    return switch (PrivateKey.of(privateKey)) {
      case Secp256k1Result.Ok<PrivateKey> ok -> Secp256k1Result.ok(sign(messageHash, ok.value()));
      case Secp256k1Result.Err<PrivateKey> err -> Secp256k1Result.err(err.reason());
    };
  }

  /** Signs a 32-byte hash with an already validated key; see {@link #sign(byte[], byte[])}. */
  public Signature sign(byte[] messageHash, PrivateKey privateKey) {
    return backend.sign(hash(messageHash), privateKey.bytes());
  }

  /**
   * Derives the 64-byte public key.
   *
   * @return the key, or {@link SignatureError#INVALID_PRIVATE_KEY}
   */
  public Secp256k1Result<byte[]> publicKey(byte[] privateKey) {
    return switch (PrivateKey.of(privateKey)) {
      case Secp256k1Result.Ok<PrivateKey> ok -> Secp256k1Result.ok(publicKey(ok.value()));
      case Secp256k1Result.Err<PrivateKey> err -> Secp256k1Result.err(err.reason());
    };
  }

  /** Derives the 64-byte public key of an already validated key. */
  public byte[] publicKey(PrivateKey privateKey) {
    return backend.publicKey(privateKey.bytes());
  }

  /**
   * Returns the Ethereum address of a 64-byte public key: the last 20 bytes of its keccak-256.
   *
   * @throws IllegalArgumentException if the key is not 64 bytes
   */
  public static byte[] address(byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "public key must be " + PUBLIC_KEY_LENGTH + " bytes, got " + publicKey.length);
    }
    byte[] digest = Keccak256.hash(publicKey);
    return Arrays.copyOfRange(digest, digest.length - ADDRESS_LENGTH, digest.length);
  }

  /** Recovers the signer's 64-byte public key, requiring low s (EIP-2). */
  public Secp256k1Result<byte[]> recoverPublicKey(byte[] messageHash, Signature signature) {
    return recoverPublicKey(messageHash, signature, SValuePolicy.LOW_S_ONLY);
  }

  /**
   * Recovers the signer's 64-byte public key.
   *
   * @return the key, or the first failed check in this order: {@link
   *     SignatureError#INVALID_RECOVERY_ID}, {@link SignatureError#R_OUT_OF_RANGE}, {@link
   *     SignatureError#S_OUT_OF_RANGE}, {@link SignatureError#S_NOT_LOW} (only under {@link
   *     SValuePolicy#LOW_S_ONLY}), {@link SignatureError#RECOVERY_FAILED}
   */
  public Secp256k1Result<byte[]> recoverPublicKey(
      byte[] messageHash, Signature signature, SValuePolicy policy) {
    byte[] hash = hash(messageHash);
    byte[] r = signature.r();
    byte[] s = signature.s();
    int recId = signature.recId();
    if (recId != 0 && recId != 1) {
      return Secp256k1Result.err(SignatureError.INVALID_RECOVERY_ID);
    }
    if (!CurveOrder.isValidScalar(r)) {
      return Secp256k1Result.err(SignatureError.R_OUT_OF_RANGE);
    }
    if (!CurveOrder.isValidScalar(s)) {
      return Secp256k1Result.err(SignatureError.S_OUT_OF_RANGE);
    }
    if (policy == SValuePolicy.LOW_S_ONLY && !CurveOrder.isLow(s)) {
      return Secp256k1Result.err(SignatureError.S_NOT_LOW);
    }
    return backend
        .recover(hash, r, s, recId)
        .<Secp256k1Result<byte[]>>map(Secp256k1Result::ok)
        .orElseGet(() -> Secp256k1Result.err(SignatureError.RECOVERY_FAILED));
  }

  /** Recovers the signer's 20-byte address, requiring low s (EIP-2). */
  public Secp256k1Result<byte[]> recoverAddress(byte[] messageHash, byte[] r, byte[] s, int recId) {
    return recoverAddress(messageHash, r, s, recId, SValuePolicy.LOW_S_ONLY);
  }

  /**
   * Recovers the signer's 20-byte address; failures as in {@link #recoverPublicKey(byte[],
   * Signature, SValuePolicy)}.
   *
   * @throws IllegalArgumentException if r or s is not 32 bytes
   */
  public Secp256k1Result<byte[]> recoverAddress(
      byte[] messageHash, byte[] r, byte[] s, int recId, SValuePolicy policy) {
    return switch (recoverPublicKey(messageHash, new Signature(r, s, recId), policy)) {
      case Secp256k1Result.Ok<byte[]> ok -> Secp256k1Result.ok(address(ok.value()));
      case Secp256k1Result.Err<byte[]> err -> Secp256k1Result.err(err.reason());
    };
  }

  @Override
  public String toString() {
    return "Secp256k1[backend=" + backend.kind() + "]";
  }

  private static byte[] hash(byte[] messageHash) {
    if (messageHash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          "message hash must be " + HASH_LENGTH + " bytes, got " + messageHash.length);
    }
    return messageHash.clone();
  }

  /** Chooses the backend once, on first use of {@link #get()}. */
  private static final class DefaultHolder {
    static final Secp256k1 INSTANCE = new Secp256k1(chooseBackend());

    private static Secp256k1Backend chooseBackend() {
      try {
        NativeSecp256k1 loaded = NativeSecp256k1.load();
        LOG.log(Level.INFO, "secp256k1 backend=native");
        return loaded;
      } catch (Exception | LinkageError e) {
        // Not swallowed: the reason is logged and the pure-Java backend takes over.
        LOG.log(Level.WARNING, "secp256k1 backend=bouncycastle reason=" + e);
        return new BouncyCastleSecp256k1();
      }
    }
  }
}
