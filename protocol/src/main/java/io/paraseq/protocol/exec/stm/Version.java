package io.paraseq.protocol.exec.stm;

/**
 * One incarnation of one transaction: the Block-STM version that tags every value in {@link
 * MVMemory} and every read a transaction made. Immutable.
 *
 * @param txIndex the transaction's position in the block, from 0
 * @param incarnation how many times the transaction ran before this run, from 0
 */
record Version(int txIndex, int incarnation) {

  /** Checks both numbers are non-negative. */
  Version {
    if (txIndex < 0 || incarnation < 0) {
      throw new IllegalArgumentException("negative version " + txIndex + "/" + incarnation);
    }
  }
}
