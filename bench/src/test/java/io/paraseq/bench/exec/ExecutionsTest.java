package io.paraseq.bench.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import org.junit.jupiter.api.Test;

class ExecutionsTest {

  private static final BlockBuilder BUILDER = new BlockBuilder(9, 10);

  @Test
  void equalExecutionsHaveNoDifferenceAndOthersNameTheFirst() {
    BenchBlock block = BUILDER.build(ExecWorkload.TOKENS, 10, 50);
    SequentialExecutor executor = new SequentialExecutor();
    BlockExecution first = executor.execute(block.context(), block.transactions(), block.state());
    BlockExecution again = executor.execute(block.context(), block.transactions(), block.state());
    assertThat(Executions.difference(first, again)).isEmpty();

    BlockExecution shorter =
        executor.execute(block.context(), block.transactions().subList(0, 49), block.state());
    assertThat(Executions.difference(first, shorter)).hasValue("included 49 instead of 50");

    BenchBlock other = BUILDER.build(ExecWorkload.TOKENS, 9, 50);
    BlockExecution different =
        executor.execute(other.context(), other.transactions(), other.state());
    assertThat(Executions.difference(first, different))
        .get()
        .asString()
        .startsWith("transaction 0");
  }

  @Test
  void aSkippedTransactionIsAProblem() {
    BenchBlock block = BUILDER.build(ExecWorkload.TRANSFERS, 2, 20);
    // without the first transaction, its sender's later nonces are too high: skipped
    BlockExecution execution =
        new SequentialExecutor()
            .execute(block.context(), block.transactions().subList(1, 20), block.state());
    assertThat(Executions.problem(block, execution)).get().asString().contains("skipped");
  }
}
