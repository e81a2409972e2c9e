package io.paraseq.protocol.tx;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.crypto.SValuePolicy;
import io.paraseq.protocol.crypto.Secp256k1;
import io.paraseq.protocol.crypto.Secp256k1Result;
import io.paraseq.protocol.crypto.Signature;
import io.paraseq.protocol.crypto.SignatureError;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;

/**
 * Signs user transactions and recovers their senders with secp256k1, low s only (EIP-2).
 *
 * <p>The signing hash is keccak256 of {@link TransactionEncoder#signingPayload}: EIP-155's {@code
 * [..., chainId, 0, 0]} for a legacy transaction with a chain id, the pre-EIP-155 list without one,
 * {@code type || rlp(fields)} for typed transactions. Stateless and thread-safe.
 */
public final class TransactionSigner {

  private TransactionSigner() {}

  /** The hash a signature of {@code tx} signs. */
  public static Hash signingHash(UnsignedTransaction tx) {
    return Hash.keccak(TransactionEncoder.signingPayload(tx));
  }

  /** Signs {@code tx}: deterministic (RFC 6979), canonical low s. */
  public static SignedTransaction sign(UnsignedTransaction tx, PrivateKey key) {
    Signature signature = Secp256k1.get().sign(signingHash(tx).bytes().toArray(), key);
    return new SignedTransaction(
        tx,
        new TransactionSignature(
            signature.recId(), Bytes.of(signature.r()), Bytes.of(signature.s())));
  }

  /**
   * The sender: the signer of a user transaction, {@code from} for a deposit.
   *
   * @return the address, or the reason no sender can be recovered
   */
  public static TransactionResult<Address> sender(Transaction tx) {
    return switch (tx) {
      case SignedTransaction signed -> recoverSender(signed);
      case DepositTransaction deposit -> TransactionResult.valid(deposit.from());
    };
  }

  /**
   * Recovers the signer of {@code tx}.
   *
   * @return the address, or {@link InvalidTransaction#SENDER_RECOVERY_FAILED} (or the range reason,
   *     for a signature built in code rather than decoded)
   */
  public static TransactionResult<Address> recoverSender(SignedTransaction tx) {
    TransactionSignature signature = tx.signature();
    Secp256k1Result<byte[]> recovered =
        Secp256k1.get()
            .recoverAddress(
                signingHash(tx.payload()).bytes().toArray(),
                signature.r().toArray(),
                signature.s().toArray(),
                signature.yParity(),
                SValuePolicy.LOW_S_ONLY);
    return switch (recovered) {
      case Secp256k1Result.Ok<byte[]> ok ->
          TransactionResult.valid(Address.of(Bytes.of(ok.value())));
      case Secp256k1Result.Err<byte[]> err ->
          TransactionResult.invalid(reason(err.reason()), "sender recovery: " + err.reason());
    };
  }

  private static InvalidTransaction reason(SignatureError error) {
    return switch (error) {
      case R_OUT_OF_RANGE -> InvalidTransaction.INVALID_SIGNATURE_R;
      case S_OUT_OF_RANGE -> InvalidTransaction.INVALID_SIGNATURE_S;
      case S_NOT_LOW -> InvalidTransaction.S_NOT_LOW;
      case INVALID_RECOVERY_ID -> InvalidTransaction.INVALID_Y_PARITY;
      case RECOVERY_FAILED, INVALID_PRIVATE_KEY -> InvalidTransaction.SENDER_RECOVERY_FAILED;
    };
  }
}
