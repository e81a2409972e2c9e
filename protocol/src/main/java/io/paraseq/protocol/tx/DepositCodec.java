package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;

/**
 * Deposits: {@code 0x7e || rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data])}, no
 * signature. {@code isSystemTx} is the integer 0 or 1; {@code to} must be an address.
 */
final class DepositCodec {

  private static final int FIELDS = 8;
  private static final int TYPE_BYTE = 0x7e;

  private DepositCodec() {}

  static DepositTransaction decode(RlpReader rlp) {
    FieldReader in = new FieldReader(rlp, TransactionType.DEPOSIT, FIELDS);
    in.begin();
    Hash sourceHash = in.hash("sourceHash", InvalidTransaction.INVALID_DEPOSIT);
    Address from = in.address("from", InvalidTransaction.INVALID_DEPOSIT);
    Address to =
        in.to()
            .orElseThrow(
                () ->
                    new RejectedException(
                        InvalidTransaction.INVALID_TO, "a deposit cannot create a contract"));
    Wei mint = in.wei("mint", InvalidTransaction.VALUE_TOO_LARGE);
    Wei value = in.wei("value", InvalidTransaction.VALUE_TOO_LARGE);
    long gasLimit = in.uint64("gas", InvalidTransaction.GAS_LIMIT_TOO_LARGE);
    boolean isSystemTx = in.bool("isSystemTx", InvalidTransaction.INVALID_DEPOSIT);
    Bytes data = in.bytes("data");
    in.end();
    return new DepositTransaction(sourceHash, from, to, mint, value, gasLimit, isSystemTx, data);
  }

  static Bytes encode(DepositTransaction tx) {
    RlpWriter out = new RlpWriter().startList();
    out.writeBytes(tx.sourceHash().bytes());
    out.writeBytes(tx.from().bytes());
    out.writeBytes(tx.to().bytes());
    FieldWriter.wei(out, tx.mint());
    FieldWriter.wei(out, tx.value());
    FieldWriter.uint64(out, tx.gasLimit());
    out.writeLong(tx.isSystemTx() ? 1 : 0);
    out.writeBytes(tx.data());
    return FieldWriter.typed(TYPE_BYTE, out.endList());
  }
}
