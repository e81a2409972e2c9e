package io.paraseq.sequencer.rest;

/** The block a {@code /v1/blocks/{block}} request names: the head, or a number. */
sealed interface BlockRef {

  /** The head: the latest sealed and persisted block. */
  record Latest() implements BlockRef {}

  /**
   * A block by number.
   *
   * @param number the block number, non-negative
   */
  record Number(long number) implements BlockRef {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("negative block number " + number);
      }
    }
  }
}
