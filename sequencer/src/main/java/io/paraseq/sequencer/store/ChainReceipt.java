package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipt of an included transaction with everything a client asks about it.
 *
 * @param transactionHash the transaction
 * @param location its block and index
 * @param type its type
 * @param from its sender
 * @param to its recipient; empty for a contract creation
 * @param contractAddress the contract it created, if any
 * @param status whether it executed or failed
 * @param cumulativeGasUsed gas used in the block up to and including it
 * @param gasUsed gas it used
 * @param effectiveGasPrice the wei per gas it paid
 * @param l1Fee the L1 data fee it was charged (DESIGN.md §3)
 * @param logsBloom the bloom of its logs
 * @param logs its logs, with their block-wide indexes
 */
public record ChainReceipt(
    Hash transactionHash,
    TransactionLocation location,
    TransactionType type,
    Address from,
    Optional<Address> to,
    Optional<Address> contractAddress,
    ReceiptStatus status,
    long cumulativeGasUsed,
    long gasUsed,
    Wei effectiveGasPrice,
    Wei l1Fee,
    LogsBloom logsBloom,
    List<ChainLog> logs) {

  /** Requires every component and copies the logs. */
  public ChainReceipt {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(contractAddress, "contractAddress");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
    Objects.requireNonNull(l1Fee, "l1Fee");
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
  }
}
