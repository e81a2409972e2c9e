package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Legacy transactions: {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])}, where
 * {@code v} is 27/28 without a chain id and {@code 35 + 2·chainId + yParity} with one (EIP-155).
 * Signed over {@code rlp([nonce, gasPrice, gasLimit, to, value, data])}, plus {@code [chainId, 0,
 * 0]} under EIP-155.
 */
final class LegacyCodec {

  private static final int FIELDS = 9;
  private static final BigInteger V_BASE = BigInteger.valueOf(27);
  private static final BigInteger V_BASE_EIP155 = BigInteger.valueOf(35);

  private LegacyCodec() {}

  static SignedTransaction decode(RlpReader rlp) {
    FieldReader in = new FieldReader(rlp, TransactionType.LEGACY, FIELDS);
    in.begin();
    long nonce = in.uint64("nonce", InvalidTransaction.NONCE_TOO_LARGE);
    Wei gasPrice = in.wei("gasPrice", InvalidTransaction.FEE_TOO_LARGE);
    long gasLimit = in.uint64("gasLimit", InvalidTransaction.GAS_LIMIT_TOO_LARGE);
    var to = in.to();
    Wei value = in.wei("value", InvalidTransaction.VALUE_TOO_LARGE);
    Bytes data = in.bytes("data");
    BigInteger v = in.uint("v", Wei.BITS, InvalidTransaction.INVALID_V);
    BigInteger r = in.scalar("r", InvalidTransaction.INVALID_SIGNATURE_R);
    BigInteger s = in.scalar("s", InvalidTransaction.INVALID_SIGNATURE_S);
    in.end();
    TransactionSignature signature = SignatureRules.check(yParity(v), r, s);
    return new SignedTransaction(
        new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, chainId(v)), signature);
  }

  static Bytes encode(LegacyTransaction tx, TransactionSignature signature) {
    RlpWriter out = new RlpWriter().startList();
    writeFields(tx, out);
    out.writeBigInteger(v(tx.chainId(), signature.yParity()));
    FieldWriter.rs(out, signature);
    return out.endList().toBytes();
  }

  static Bytes signingPayload(LegacyTransaction tx) {
    RlpWriter out = new RlpWriter().startList();
    writeFields(tx, out);
    tx.chainId()
        .ifPresent(
            chainId -> {
              FieldWriter.chainId(out, chainId);
              out.writeLong(0).writeLong(0);
            });
    return out.endList().toBytes();
  }

  /** The {@code v} of a signature with {@code yParity}, for an optional EIP-155 chain id. */
  static BigInteger v(Optional<ChainId> chainId, int yParity) {
    BigInteger parity = BigInteger.valueOf(yParity);
    return chainId
        .map(id -> V_BASE_EIP155.add(BigInteger.valueOf(id.value()).shiftLeft(1)).add(parity))
        .orElse(V_BASE.add(parity));
  }

  private static void writeFields(LegacyTransaction tx, RlpWriter out) {
    FieldWriter.uint64(out, tx.nonce());
    FieldWriter.wei(out, tx.gasPrice());
    FieldWriter.uint64(out, tx.gasLimit());
    FieldWriter.to(out, tx.to());
    FieldWriter.wei(out, tx.value());
    out.writeBytes(tx.data());
  }

  private static int yParity(BigInteger v) {
    if (isPreEip155(v)) {
      return v.subtract(V_BASE).intValueExact();
    }
    if (v.compareTo(V_BASE_EIP155) >= 0) {
      return v.subtract(V_BASE_EIP155).testBit(0) ? 1 : 0;
    }
    throw new RejectedException(
        InvalidTransaction.INVALID_V, "v=" + v + " is neither 27/28 nor 35+2·chainId+{0,1}");
  }

  private static Optional<ChainId> chainId(BigInteger v) {
    if (isPreEip155(v)) {
      return Optional.empty();
    }
    return Optional.of(ChainIds.of(v.subtract(V_BASE_EIP155).shiftRight(1), "chain id of v=" + v));
  }

  private static boolean isPreEip155(BigInteger v) {
    return v.equals(V_BASE) || v.equals(V_BASE.add(BigInteger.ONE));
  }
}
