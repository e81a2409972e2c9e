package io.paraseq.sequencer.rest;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.sequencer.rpc.HexCodec;
import io.paraseq.sequencer.store.ChainLog;
import io.paraseq.sequencer.store.ChainReceipt;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * The receipt of an included transaction.
 *
 * @param status {@code success} or {@code failed}
 * @param gasUsed gas it used
 * @param cumulativeGasUsed gas used in its block up to and including it
 * @param effectiveGasPrice wei per gas it paid, decimal
 * @param l1Fee the L1 data fee it was charged, wei, decimal
 * @param contractAddress the contract it created, EIP-55; empty otherwise
 * @param logs its logs in order
 */
@Schema(name = "Receipt", description = "The outcome of an included transaction.")
record ReceiptView(
    @Schema(
            allowableValues = {"success", "failed"},
            example = "success")
        String status,
    @Schema(example = "21000") long gasUsed,
    @Schema(example = "21000") long cumulativeGasUsed,
    @Schema(description = "Wei per gas paid, decimal string.", example = "1000000007")
        String effectiveGasPrice,
    @Schema(description = "The L1 data fee charged, wei, decimal string.", example = "0")
        String l1Fee,
    @Schema(description = "The contract created, EIP-55; null otherwise.")
        Optional<String> contractAddress,
    List<LogView> logs) {

  ReceiptView {
    logs = List.copyOf(logs);
  }

  /** The view of a stored receipt. */
  static ReceiptView of(ChainReceipt receipt) {
    return new ReceiptView(
        receipt.status() == ReceiptStatus.SUCCESS ? "success" : "failed",
        receipt.gasUsed(),
        receipt.cumulativeGasUsed(),
        receipt.effectiveGasPrice().value().toString(),
        receipt.l1Fee().value().toString(),
        receipt.contractAddress().map(Object::toString),
        receipt.logs().stream().map(LogView::of).toList());
  }

  /**
   * One log.
   *
   * @param address the emitting contract, EIP-55
   * @param topics its topics, 32-byte hex
   * @param data its data, hex
   * @param logIndex its index in the block
   */
  @Schema(name = "Log", description = "A log emitted by the transaction.")
  record LogView(
      @Schema(example = "0x4200000000000000000000000000000000000016") String address,
      List<String> topics,
      @Schema(example = "0x") String data,
      @Schema(example = "0") int logIndex) {

    LogView {
      topics = List.copyOf(topics);
    }

    /** The view of a stored log. */
    static LogView of(ChainLog log) {
      return new LogView(
          log.log().address().toString(),
          log.log().topics().stream().map(Object::toString).toList(),
          HexCodec.data(log.log().data()),
          log.logIndex());
    }
  }
}
