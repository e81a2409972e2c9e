package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;

/**
 * EIP-2718 typed user transactions, {@code type || rlp([fields…, yParity, r, s])}, signed over
 * {@code type || rlp([fields…])}:
 *
 * <ul>
 *   <li>EIP-2930 ({@code 0x01}): {@code chainId, nonce, gasPrice, gasLimit, to, value, data,
 *       accessList};
 *   <li>EIP-1559 ({@code 0x02}): {@code chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
 *       gasLimit, to, value, data, accessList}.
 * </ul>
 */
final class TypedCodec {

  private static final int ACCESS_LIST_FIELDS = 11;
  private static final int DYNAMIC_FEE_FIELDS = 12;

  private TypedCodec() {}

  /** Decodes the RLP part of an EIP-2930 or EIP-1559 envelope. */
  static SignedTransaction decode(TransactionType type, RlpReader rlp) {
    int fields = type == TransactionType.ACCESS_LIST ? ACCESS_LIST_FIELDS : DYNAMIC_FEE_FIELDS;
    FieldReader in = new FieldReader(rlp, type, fields);
    in.begin();
    UnsignedTransaction payload =
        type == TransactionType.ACCESS_LIST ? readAccessList(in) : readDynamicFee(in);
    BigInteger yParity = in.yParityField();
    BigInteger r = in.scalar("r", InvalidTransaction.INVALID_SIGNATURE_R);
    BigInteger s = in.scalar("s", InvalidTransaction.INVALID_SIGNATURE_S);
    in.end();
    return new SignedTransaction(payload, SignatureRules.check(FieldReader.yParity(yParity), r, s));
  }

  static Bytes encode(UnsignedTransaction tx, TransactionSignature signature) {
    RlpWriter out = new RlpWriter().startList();
    writeFields(tx, out);
    out.writeLong(signature.yParity());
    FieldWriter.rs(out, signature);
    return FieldWriter.typed(typeByte(tx), out.endList());
  }

  static Bytes signingPayload(UnsignedTransaction tx) {
    RlpWriter out = new RlpWriter().startList();
    writeFields(tx, out);
    return FieldWriter.typed(typeByte(tx), out.endList());
  }

  private static AccessListTransaction readAccessList(FieldReader in) {
    ChainId chainId = in.chainId();
    long nonce = in.uint64("nonce", InvalidTransaction.NONCE_TOO_LARGE);
    Wei gasPrice = in.wei("gasPrice", InvalidTransaction.FEE_TOO_LARGE);
    long gasLimit = in.uint64("gasLimit", InvalidTransaction.GAS_LIMIT_TOO_LARGE);
    var to = in.to();
    Wei value = in.wei("value", InvalidTransaction.VALUE_TOO_LARGE);
    Bytes data = in.bytes("data");
    return new AccessListTransaction(
        chainId, nonce, gasPrice, gasLimit, to, value, data, in.accessList());
  }

  private static DynamicFeeTransaction readDynamicFee(FieldReader in) {
    ChainId chainId = in.chainId();
    long nonce = in.uint64("nonce", InvalidTransaction.NONCE_TOO_LARGE);
    Wei priorityFee = in.wei("maxPriorityFeePerGas", InvalidTransaction.FEE_TOO_LARGE);
    Wei maxFee = in.wei("maxFeePerGas", InvalidTransaction.FEE_TOO_LARGE);
    long gasLimit = in.uint64("gasLimit", InvalidTransaction.GAS_LIMIT_TOO_LARGE);
    var to = in.to();
    Wei value = in.wei("value", InvalidTransaction.VALUE_TOO_LARGE);
    Bytes data = in.bytes("data");
    return new DynamicFeeTransaction(
        chainId, nonce, priorityFee, maxFee, gasLimit, to, value, data, in.accessList());
  }

  private static void writeFields(UnsignedTransaction tx, RlpWriter out) {
    switch (tx) {
      case AccessListTransaction t -> {
        FieldWriter.chainId(out, t.chainId());
        FieldWriter.uint64(out, t.nonce());
        FieldWriter.wei(out, t.gasPrice());
      }
      case DynamicFeeTransaction t -> {
        FieldWriter.chainId(out, t.chainId());
        FieldWriter.uint64(out, t.nonce());
        FieldWriter.wei(out, t.maxPriorityFeePerGas());
        FieldWriter.wei(out, t.maxFeePerGas());
      }
      case LegacyTransaction t -> throw new IllegalArgumentException("not a typed transaction");
    }
    FieldWriter.uint64(out, tx.gasLimit());
    FieldWriter.to(out, tx.to());
    FieldWriter.wei(out, tx.value());
    out.writeBytes(tx.data());
    FieldWriter.accessList(out, tx.accessList());
  }

  private static int typeByte(UnsignedTransaction tx) {
    return tx.type()
        .typeByte()
        .orElseThrow(() -> new IllegalArgumentException("not a typed transaction: " + tx.type()));
  }
}
