package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * Decodes the raw network form of a transaction, strictly (DESIGN.md §3).
 *
 * <p>A leading byte of {@code 0x80} or more starts a legacy RLP list; {@code 0x01}, {@code 0x02}
 * and {@code 0x7e} start EIP-2930, EIP-1559 and deposit envelopes; blob ({@code 0x03}), set-code
 * ({@code 0x04}) and every other byte below {@code 0x80} are {@link
 * InvalidTransaction#TYPE_NOT_SUPPORTED}. Only canonical RLP with the exact field count is
 * accepted, every field within its width, {@code v}/{@code yParity} exactly as the type says, r and
 * s in range with s ≤ n/2, priority fee ≤ fee cap, and gasLimit × gas price below 2^256.
 *
 * <p>Chain-dependent rules (chain id, intrinsic gas, init-code size) and sender recovery are {@link
 * TransactionValidator}'s and {@link TransactionSigner}'s. Every rejection is a {@link
 * TransactionResult.Invalid}; no unchecked exception escapes for any input. Stateless and
 * thread-safe.
 */
public final class TransactionDecoder {

  private static final int FIRST_RLP_BYTE = 0x80;

  private TransactionDecoder() {}

  /** Decodes {@code raw}. */
  public static TransactionResult<Transaction> decode(Bytes raw) {
    return decode(raw.toArray());
  }

  /** Decodes {@code raw}, which is read in place and must not change meanwhile. */
  public static TransactionResult<Transaction> decode(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    try {
      Transaction tx = decodeOrThrow(raw);
      if (tx instanceof SignedTransaction signed) {
        FeeRules.check(signed.payload());
      }
      return TransactionResult.valid(tx);
    } catch (RejectedException e) {
      return TransactionResult.invalid(e.rejection());
    } catch (RlpException e) {
      return TransactionResult.invalid(
          Rejection.of(InvalidTransaction.RLP_MALFORMED, "transaction", e));
    }
  }

  private static Transaction decodeOrThrow(byte[] raw) {
    if (raw.length == 0 || (raw[0] & 0xff) >= FIRST_RLP_BYTE) {
      return LegacyCodec.decode(RlpReader.of(raw));
    }
    int typeByte = raw[0];
    TransactionType type =
        TransactionType.ofTypeByte(typeByte)
            .filter(TransactionType::supported)
            .orElseThrow(() -> unsupported(typeByte));
    RlpReader body = RlpReader.of(raw, 1, raw.length - 1);
    return switch (type) {
      case ACCESS_LIST, DYNAMIC_FEE -> TypedCodec.decode(type, body);
      case DEPOSIT -> DepositCodec.decode(body);
      case LEGACY, BLOB, SET_CODE -> throw unsupported(typeByte);
    };
  }

  private static RejectedException unsupported(int typeByte) {
    String name =
        TransactionType.ofTypeByte(typeByte).map(type -> " (" + type + ")").orElse(" (unknown)");
    return new RejectedException(
        InvalidTransaction.TYPE_NOT_SUPPORTED, String.format("type 0x%02x%s", typeByte, name));
  }
}
