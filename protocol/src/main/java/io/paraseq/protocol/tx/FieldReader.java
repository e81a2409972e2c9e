package io.paraseq.protocol.tx;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the fields of one transaction's RLP list, turning every {@link RlpException} into a {@link
 * RejectedException} that names the field and the transaction rule it broke: a too-wide integer
 * becomes the field's own reason (e.g. {@link InvalidTransaction#NONCE_TOO_LARGE}), a missing field
 * {@link InvalidTransaction#WRONG_FIELD_COUNT}, anything else {@link
 * InvalidTransaction#RLP_MALFORMED}. Not thread-safe; one per decoding.
 */
final class FieldReader {

  private static final int UINT64_BITS = 64;
  private static final int YPARITY_BITS = 8;
  private static final int BOOL_BITS = 8;

  private final RlpReader rlp;
  private final TransactionType type;
  private final int fieldCount;

  FieldReader(RlpReader rlp, TransactionType type, int fieldCount) {
    this.rlp = rlp;
    this.type = type;
    this.fieldCount = fieldCount;
  }

  /** Enters the field list. */
  void begin() {
    read("transaction", InvalidTransaction.RLP_MALFORMED, rlp::enterList);
  }

  /** Checks that no field is left over and that nothing follows the list. */
  void end() {
    if (rlp.hasNext()) {
      throw new RejectedException(
          InvalidTransaction.WRONG_FIELD_COUNT,
          "a " + type + " transaction has " + fieldCount + " fields, found more");
    }
    read(
        "transaction",
        InvalidTransaction.RLP_MALFORMED,
        () -> {
          rlp.exitList();
          rlp.finish();
          return null;
        });
  }

  /** An unsigned integer of at most 64 bits, returned as a long with unsigned semantics. */
  long uint64(String field, InvalidTransaction tooLarge) {
    return uint(field, UINT64_BITS, tooLarge).longValue();
  }

  /** An unsigned integer of at most {@code bits} bits. */
  BigInteger uint(String field, int bits, InvalidTransaction tooLarge) {
    return read(field, tooLarge, () -> rlp.readBigInteger(bits));
  }

  /** An amount of wei. */
  Wei wei(String field, InvalidTransaction tooLarge) {
    return new Wei(uint(field, Wei.BITS, tooLarge));
  }

  /** A byte string of any length. */
  Bytes bytes(String field) {
    return read(field, InvalidTransaction.RLP_MALFORMED, rlp::readBytes);
  }

  /** A recipient: empty (contract creation) or exactly 20 bytes. */
  Optional<Address> to() {
    Bytes to = bytes("to");
    if (to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(address("to", to, InvalidTransaction.INVALID_TO));
  }

  /** Exactly 20 bytes. */
  Address address(String field, InvalidTransaction wrongLength) {
    return address(field, bytes(field), wrongLength);
  }

  /** Exactly 32 bytes. */
  Hash hash(String field, InvalidTransaction wrongLength) {
    Bytes value = bytes(field);
    if (value.length() != Hash.LENGTH) {
      throw new RejectedException(
          wrongLength, field + " must be " + Hash.LENGTH + " bytes, got " + value.length());
    }
    return Hash.of(value);
  }

  /** A boolean: the integer 0 or 1. */
  boolean bool(String field, InvalidTransaction invalid) {
    BigInteger value = uint(field, BOOL_BITS, invalid);
    if (value.compareTo(BigInteger.ONE) > 0) {
      throw new RejectedException(invalid, field + " must be 0 or 1, got " + value);
    }
    return value.signum() == 1;
  }

  /** A typed transaction's chain id. */
  ChainId chainId() {
    return ChainIds.of(uint("chainId", Wei.BITS, InvalidTransaction.INVALID_CHAIN_ID), "chainId");
  }

  /**
   * A typed transaction's yParity, unchecked beyond its width; see {@link #yParity(BigInteger)}.
   */
  BigInteger yParityField() {
    return uint("yParity", YPARITY_BITS, InvalidTransaction.INVALID_Y_PARITY);
  }

  /** A decoded yParity, which must be exactly 0 or 1. */
  static int yParity(BigInteger value) {
    if (value.compareTo(BigInteger.ONE) > 0) {
      throw new RejectedException(
          InvalidTransaction.INVALID_Y_PARITY, "yParity must be 0 or 1, got " + value);
    }
    return value.intValue();
  }

  /** r or s, unchecked beyond its 256-bit width; see {@link SignatureRules#check}. */
  BigInteger scalar(String field, InvalidTransaction tooLarge) {
    return uint(field, Wei.BITS, tooLarge);
  }

  /** An EIP-2930 access list: {@code [[address, [key…]]…]}. */
  List<AccessListEntry> accessList() {
    if (!rlp.hasNext()) {
      throw missing("accessList");
    }
    try {
      rlp.enterList();
      List<AccessListEntry> entries = new ArrayList<>();
      while (rlp.hasNext()) {
        entries.add(accessListEntry(entries.size()));
      }
      rlp.exitList();
      return entries;
    } catch (RlpException e) {
      InvalidTransaction reason =
          switch (e.error()) {
            case WRONG_LENGTH, EXPECTED_LIST, EXPECTED_STRING, MISSING_ITEM ->
                InvalidTransaction.INVALID_ACCESS_LIST;
            default -> InvalidTransaction.RLP_MALFORMED;
          };
      throw new RejectedException(Rejection.of(reason, "accessList", e));
    }
  }

  private AccessListEntry accessListEntry(int index) {
    rlp.enterList();
    Address address = Address.of(rlp.readBytes(Address.LENGTH));
    rlp.enterList();
    List<Hash> keys = new ArrayList<>();
    while (rlp.hasNext()) {
      keys.add(Hash.of(rlp.readBytes(Hash.LENGTH)));
    }
    rlp.exitList();
    if (rlp.hasNext()) {
      throw new RejectedException(
          InvalidTransaction.INVALID_ACCESS_LIST,
          "accessList entry " + index + " has more than [address, storageKeys]");
    }
    rlp.exitList();
    return new AccessListEntry(address, keys);
  }

  private static Address address(String field, Bytes value, InvalidTransaction wrongLength) {
    if (value.length() != Address.LENGTH) {
      throw new RejectedException(
          wrongLength, field + " must be " + Address.LENGTH + " bytes, got " + value.length());
    }
    return Address.of(value);
  }

  private <T> T read(String field, InvalidTransaction tooLarge, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (RlpException e) {
      if (e.error() == RlpError.MISSING_ITEM) {
        throw missing(field);
      }
      InvalidTransaction reason =
          e.error() == RlpError.INTEGER_TOO_LARGE ? tooLarge : InvalidTransaction.RLP_MALFORMED;
      throw new RejectedException(Rejection.of(reason, field, e));
    }
  }

  private RejectedException missing(String field) {
    return new RejectedException(
        InvalidTransaction.WRONG_FIELD_COUNT,
        "a " + type + " transaction has " + fieldCount + " fields; " + field + " is missing");
  }
}
