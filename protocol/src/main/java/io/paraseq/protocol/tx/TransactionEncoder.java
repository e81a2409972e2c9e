package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Bytes;

/**
 * Writes transactions in their raw network form, the exact inverse of {@link TransactionDecoder}:
 * decoding and re-encoding any accepted input gives the same bytes. Stateless and thread-safe.
 */
public final class TransactionEncoder {

  private TransactionEncoder() {}

  /** The raw form: an RLP list for legacy, {@code type || rlp(fields)} for typed transactions. */
  public static Bytes encode(Transaction tx) {
    return switch (tx) {
      case SignedTransaction signed ->
          switch (signed.payload()) {
            case LegacyTransaction legacy -> LegacyCodec.encode(legacy, signed.signature());
            case AccessListTransaction typed -> TypedCodec.encode(typed, signed.signature());
            case DynamicFeeTransaction typed -> TypedCodec.encode(typed, signed.signature());
          };
      case DepositTransaction deposit -> DepositCodec.encode(deposit);
    };
  }

  /** The bytes a signature commits to; their keccak256 is the signing hash. */
  public static Bytes signingPayload(UnsignedTransaction tx) {
    return switch (tx) {
      case LegacyTransaction legacy -> LegacyCodec.signingPayload(legacy);
      case AccessListTransaction typed -> TypedCodec.signingPayload(typed);
      case DynamicFeeTransaction typed -> TypedCodec.signingPayload(typed);
    };
  }
}
