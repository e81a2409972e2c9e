package io.paraseq.protocol.exec;

import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unsigned message run by {@code eth_call} and {@code eth_estimateGas}: what a transaction from
 * {@code from} would carry, without nonce or signature (calls never check the nonce, as geth's).
 * {@link TransactionProcessor#call} runs it. Immutable.
 *
 * <p>Fees follow geth's call semantics: a legacy gas price {@code g} is {@code feeCap = tipCap =
 * g}; with both zero ({@link #hasFees()} false) the base fee is not checked and no gas is paid, so
 * a call needs no funds beyond its value.
 *
 * @param from the sender (the zero address when the caller names none)
 * @param to the recipient; empty for a contract creation
 * @param gasLimit the gas limit, unsigned 64-bit
 * @param feeCap the most wei per gas paid (EIP-1559 max fee, or the gas price)
 * @param tipCap the priority fee cap (EIP-1559 max priority fee, or the gas price)
 * @param value the wei sent along
 * @param data call data, or init code for a creation
 * @param accessList the EIP-2930 access list (charged as intrinsic gas)
 */
public record CallMessage(
    Address from,
    Optional<Address> to,
    long gasLimit,
    Wei feeCap,
    Wei tipCap,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList) {

  /** Copies the access list and requires every component. */
  public CallMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(feeCap, "feeCap");
    Objects.requireNonNull(tipCap, "tipCap");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }

  /** Whether a fee was given: a non-zero fee cap or tip cap. */
  public boolean hasFees() {
    return feeCap.value().signum() != 0 || tipCap.value().signum() != 0;
  }

  /** Whether the message creates a contract. */
  public boolean isContractCreation() {
    return to.isEmpty();
  }

  /** This message with another gas limit (what the gas estimation varies). */
  public CallMessage withGasLimit(long gasLimit) {
    return new CallMessage(from, to, gasLimit, feeCap, tipCap, value, data, accessList);
  }
}
