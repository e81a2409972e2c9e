package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;

/**
 * Reads named fields of one RLP list from a strict {@link RlpReader}, turning every {@link
 * RlpException} and every missing or extra field into a {@link RejectedDataException} that names
 * the field. Writes unsigned 64-bit integers. Not thread-safe: one instance per decoding.
 */
final class Fields {

  private static final int UINT64_BITS = 64;
  private static final int UINT256_BITS = 256;

  private final RlpReader reader;
  private final String structure;
  private final int fieldCount;
  private int read;

  private Fields(RlpReader reader, String structure, int fieldCount) {
    this.reader = reader;
    this.structure = structure;
    this.fieldCount = fieldCount;
  }

  /** Enters the next item of {@code reader}, which must be a list of {@code fieldCount} fields. */
  static Fields enter(RlpReader reader, String structure, int fieldCount) {
    try {
      reader.enterList();
    } catch (RlpException e) {
      throw new RejectedDataException(BlockDecodeFailure.rlp(structure, e));
    }
    return new Fields(reader, structure, fieldCount);
  }

  /** Leaves the list; fails with {@link BlockDecodeError#WRONG_FIELD_COUNT} if items remain. */
  void exit() {
    if (reader.hasNext()) {
      throw reject(
          BlockDecodeError.WRONG_FIELD_COUNT,
          structure + " has more than " + fieldCount + " fields");
    }
    try {
      reader.exitList();
    } catch (RlpException e) {
      throw new RejectedDataException(BlockDecodeFailure.rlp(structure, e));
    }
  }

  /** The reader, positioned at the next field, for nested structures. */
  RlpReader reader(String field) {
    next(field);
    return reader;
  }

  Hash hash(String field) {
    return Hash.of(bytes(field, Hash.LENGTH));
  }

  Address address(String field) {
    return Address.of(bytes(field, Address.LENGTH));
  }

  Bytes bytes(String field, int length) {
    next(field);
    try {
      return reader.readBytes(length);
    } catch (RlpException e) {
      throw new RejectedDataException(BlockDecodeFailure.rlp(structure + "." + field, e));
    }
  }

  Bytes bytes(String field) {
    next(field);
    try {
      return reader.readBytes();
    } catch (RlpException e) {
      throw new RejectedDataException(BlockDecodeFailure.rlp(structure + "." + field, e));
    }
  }

  /** An unsigned 64-bit integer, returned as a long with unsigned semantics. */
  long uint64(String field) {
    return uint(field, UINT64_BITS).longValue();
  }

  BigInteger uint256(String field) {
    return uint(field, UINT256_BITS);
  }

  BigInteger uint(String field, int maxBits) {
    next(field);
    try {
      return reader.readBigInteger(maxBits);
    } catch (RlpException e) {
      throw new RejectedDataException(BlockDecodeFailure.rlp(structure + "." + field, e));
    }
  }

  /** Wraps an RLP fault found while reading a nested structure inside {@code field}. */
  RejectedDataException rlpFault(String field, RlpException cause) {
    return new RejectedDataException(BlockDecodeFailure.rlp(structure + "." + field, cause));
  }

  static RejectedDataException reject(BlockDecodeError reason, String detail) {
    return new RejectedDataException(BlockDecodeFailure.of(reason, detail));
  }

  private void next(String field) {
    if (!reader.hasNext()) {
      throw reject(
          BlockDecodeError.WRONG_FIELD_COUNT,
          structure + " has " + read + " fields, expected " + fieldCount + " (" + field + ")");
    }
    read++;
  }

  /** Writes {@code value} as an unsigned 64-bit integer. */
  static void writeUint64(RlpWriter writer, long value) {
    if (value >= 0) {
      writer.writeLong(value);
    } else {
      writer.writeBigInteger(new BigInteger(Long.toUnsignedString(value)));
    }
  }
}
