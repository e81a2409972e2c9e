package io.paraseq.protocol.block;

import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * The consensus receipt of one transaction, as committed to by a header's receipts root.
 *
 * <p>Encoding: legacy {@code rlp([status, cumulativeGasUsed, logsBloom, [log…]])}; EIP-2930 and
 * EIP-1559 {@code typeByte || rlp(same)} (EIP-2718). Deposits ({@code 0x7e}) use the same form,
 * {@code 0x7e || rlp(same)}: this is the OP Stack's pre-Regolith deposit receipt, without the later
 * {@code depositNonce} and {@code depositReceiptVersion} fields, which Paraseq does not need (a
 * deposit's nonce is known from its transaction). Blob and set-code types are not executed by
 * Paraseq, so their receipts are not accepted.
 *
 * <p>The L1 data fee ({@code l1Fee}) shown by the JSON-RPC receipt is not part of the consensus
 * encoding and lives elsewhere.
 *
 * @param type the type of the transaction
 * @param status whether it executed or failed
 * @param cumulativeGasUsed gas used in the block up to and including this transaction, unsigned
 *     64-bit
 * @param logsBloom the bloom of {@code logs}
 * @param logs the logs, in emission order
 */
public record Receipt(
    TransactionType type,
    ReceiptStatus status,
    long cumulativeGasUsed,
    LogsBloom logsBloom,
    List<Log> logs) {

  /**
   * Copies the logs and checks the type and the bloom.
   *
   * @throws IllegalArgumentException if the type is not executed by Paraseq, or the bloom is not
   *     the bloom of the logs
   */
  public Receipt {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
    if (!type.supported()) {
      throw new IllegalArgumentException("no receipts for unsupported type " + type);
    }
    if (!logsBloom.isBloomOf(logs)) {
      throw new IllegalArgumentException("logs bloom does not match the logs: " + logsBloom);
    }
  }

  /** A receipt whose bloom is computed from {@code logs}. */
  public static Receipt of(
      TransactionType type, ReceiptStatus status, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, status, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /**
   * Decodes the consensus encoding strictly: canonical RLP, exactly four fields, status 0 or 1, at
   * most four 32-byte topics per log, a bloom equal to the bloom of the logs, no trailing bytes.
   */
  public static DecodeResult<Receipt> decode(Bytes encoded) {
    return ReceiptCodec.decode(encoded);
  }

  /** The consensus encoding: the value stored under rlp(index) in the receipts trie. */
  public Bytes encoded() {
    return ReceiptCodec.encode(this);
  }
}
