package io.paraseq.batcher.post;

import io.paraseq.protocol.types.Bytes;

/**
 * The gas limit of an {@code appendBatch} transaction, computed from its calldata rather than
 * estimated (an estimate of batch {@code k+1} reverts while batch {@code k} is not yet on L1).
 *
 * <p>Intrinsic gas counts calldata tokens (a zero byte 1 token, any other byte 4): the standard
 * cost is 4 gas per token, and since Prague (EIP-7623) at least 10 gas per token (the floor). The
 * call itself copies and hashes the data (memory grows with its square) and writes five storage
 * slots: an allowance of 200,000 gas plus 12 per data word plus words²/512 covers it with room; the
 * limit is 20 % above that.
 */
final class AppendBatchGas {

  private static final long TX_GAS = 21_000;
  private static final long STANDARD_PER_TOKEN = 4;
  private static final long FLOOR_PER_TOKEN = 10;
  private static final long EXECUTION_BASE = 200_000;

  private AppendBatchGas() {}

  /** The gas limit for a transaction with {@code calldata}. */
  static long limit(Bytes calldata) {
    long tokens = 0;
    for (int i = 0; i < calldata.length(); i++) {
      tokens += calldata.get(i) == 0 ? 1 : 4;
    }
    long words = (calldata.length() + 31L) / 32;
    long execution = EXECUTION_BASE + 12 * words + words * words / 512;
    long standard = TX_GAS + STANDARD_PER_TOKEN * tokens + execution;
    long floor = TX_GAS + FLOOR_PER_TOKEN * tokens;
    return Math.max(standard, floor) * 6 / 5;
  }
}
