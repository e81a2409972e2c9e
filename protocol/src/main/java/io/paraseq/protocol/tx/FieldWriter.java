package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Writes transaction fields in their canonical RLP form, the inverse of {@link FieldReader}. */
final class FieldWriter {

  private FieldWriter() {}

  /** An unsigned 64-bit value held in a long. */
  static void uint64(RlpWriter out, long value) {
    if (value >= 0) {
      out.writeLong(value);
    } else {
      out.writeBigInteger(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  static void wei(RlpWriter out, Wei value) {
    out.writeBigInteger(value.value());
  }

  static void chainId(RlpWriter out, ChainId chainId) {
    out.writeLong(chainId.value());
  }

  static void to(RlpWriter out, Optional<Address> to) {
    out.writeBytes(to.map(Address::bytes).orElse(Bytes.EMPTY));
  }

  static void accessList(RlpWriter out, List<AccessListEntry> accessList) {
    out.startList();
    for (AccessListEntry entry : accessList) {
      out.startList().writeBytes(entry.address().bytes()).startList();
      for (Hash key : entry.storageKeys()) {
        out.writeBytes(key.bytes());
      }
      out.endList().endList();
    }
    out.endList();
  }

  /** r and s as minimal integers. */
  static void rs(RlpWriter out, TransactionSignature signature) {
    out.writeBigInteger(SignatureRules.toInteger(signature.r()));
    out.writeBigInteger(SignatureRules.toInteger(signature.s()));
  }

  /** {@code typeByte || encoding}. */
  static Bytes typed(int typeByte, RlpWriter out) {
    byte[] bytes = new byte[1 + out.encodedLength()];
    bytes[0] = (byte) typeByte;
    out.writeTo(bytes, 1);
    return Bytes.of(bytes);
  }
}
