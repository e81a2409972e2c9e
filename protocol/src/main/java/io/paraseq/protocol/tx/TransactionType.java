package io.paraseq.protocol.tx;

import java.util.Optional;

/** The transaction types Paraseq knows, with their EIP-2718 type byte. */
public enum TransactionType {
  /** Untyped RLP list, with or without an EIP-155 chain id. */
  LEGACY(-1, true),
  /** EIP-2930: access list, gas price. */
  ACCESS_LIST(0x01, true),
  /** EIP-1559: priority fee and fee cap. */
  DYNAMIC_FEE(0x02, true),
  /** EIP-4844 blob transaction: recognised, not supported. */
  BLOB(0x03, false),
  /** EIP-7702 set-code transaction: recognised, not supported. */
  SET_CODE(0x04, false),
  /** Paraseq deposit, made only by the sequencer from an L1 event. */
  DEPOSIT(0x7e, true);

  private final int typeByte;
  private final boolean supported;

  TransactionType(int typeByte, boolean supported) {
    this.typeByte = typeByte;
    this.supported = supported;
  }

  /** The EIP-2718 type byte; empty for {@link #LEGACY}. */
  public Optional<Integer> typeByte() {
    return typeByte < 0 ? Optional.empty() : Optional.of(typeByte);
  }

  /** Whether Paraseq decodes and executes this type. */
  public boolean supported() {
    return supported;
  }

  /** The type announced by an EIP-2718 leading byte in [0x00, 0x7f], if it is a known one. */
  public static Optional<TransactionType> ofTypeByte(int value) {
    if (value < 0) {
      return Optional.empty();
    }
    for (TransactionType type : values()) {
      if (type.typeByte == value) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
