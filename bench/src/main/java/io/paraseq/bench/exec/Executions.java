package io.paraseq.bench.exec;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.ExecutedTransaction;
import java.util.Optional;

/** Checks on executions: the workload did what it should, and two executions are equal. */
final class Executions {

  private Executions() {}

  /**
   * Why {@code execution} of {@code block} is not a clean run (a skipped or failed transaction, or
   * a transaction count that differs), or empty if it is. Every generated transaction must succeed,
   * or the figures would not measure the workload described.
   */
  static Optional<String> problem(BenchBlock block, BlockExecution execution) {
    if (!execution.skipped().isEmpty()) {
      return Optional.of(
          execution.skipped().size()
              + " transactions skipped, the first: "
              + execution.skipped().getFirst());
    }
    if (execution.included().size() != block.transactions().size()) {
      return Optional.of(
          execution.included().size() + " of " + block.transactions().size() + " included");
    }
    for (int i = 0; i < execution.included().size(); i++) {
      ExecutedTransaction executed = execution.included().get(i);
      if (executed.receipt().status() != ReceiptStatus.SUCCESS) {
        return Optional.of("transaction " + i + " failed: " + executed);
      }
    }
    return Optional.empty();
  }

  /**
   * The first difference between {@code expected} and {@code actual}, or empty if they are equal.
   */
  static Optional<String> difference(BlockExecution expected, BlockExecution actual) {
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    if (expected.included().size() != actual.included().size()) {
      return Optional.of(
          "included " + actual.included().size() + " instead of " + expected.included().size());
    }
    for (int i = 0; i < expected.included().size(); i++) {
      if (!expected.included().get(i).equals(actual.included().get(i))) {
        return Optional.of(
            "transaction "
                + i
                + ": "
                + actual.included().get(i)
                + " instead of "
                + expected.included().get(i));
      }
    }
    if (!expected.skipped().equals(actual.skipped())) {
      return Optional.of("skipped " + actual.skipped() + " instead of " + expected.skipped());
    }
    if (!expected.diff().equals(actual.diff())) {
      return Optional.of("the state diffs differ");
    }
    return Optional.of("gas used or logs bloom differ");
  }
}
