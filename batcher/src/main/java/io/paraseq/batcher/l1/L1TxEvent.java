package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Hash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One status transition of an intent, from its history.
 *
 * @param status the status entered
 * @param txHash the attempt concerned, if any
 * @param blockNumber the L1 block concerned, if any
 * @param blockHash that block's hash, if any
 * @param detail a short text (why, e.g. the reorg's new block hash)
 * @param at when
 */
public record L1TxEvent(
    L1TxStatus status,
    Optional<Hash> txHash,
    OptionalLong blockNumber,
    Optional<Hash> blockHash,
    Optional<String> detail,
    Instant at) {

  /** Checks the fields. */
  public L1TxEvent {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(blockNumber, "blockNumber");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
