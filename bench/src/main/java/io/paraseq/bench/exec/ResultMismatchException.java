package io.paraseq.bench.exec;

/**
 * A Block-STM execution differed from the sequential one on the same block: a correctness failure,
 * never a figure. The message names the cell, the executor, the iteration and the first difference.
 */
final class ResultMismatchException extends Exception {

  private static final long serialVersionUID = 1L;

  ResultMismatchException(String message) {
    super(message);
  }
}
