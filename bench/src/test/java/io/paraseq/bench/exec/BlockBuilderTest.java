package io.paraseq.bench.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockBuilderTest {

  private static final BlockBuilder BUILDER = new BlockBuilder(5, 40);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  @Test
  void theSameSeedGivesTheSameBlockAndState() {
    for (ExecWorkload workload : ExecWorkload.values()) {
      BenchBlock first = BUILDER.build(workload, 30, 200);
      BenchBlock again = new BlockBuilder(5, 30).build(workload, 30, 200);
      assertThat(again.transactions()).isEqualTo(first.transactions());
      assertThat(again.alloc()).isEqualTo(first.alloc());
      assertThat(again.state().stateRoot()).isEqualTo(first.state().stateRoot());
      assertThat(again.cell()).isEqualTo(first.cell());

      BenchBlock otherSeed = new BlockBuilder(6, 30).build(workload, 30, 200);
      assertThat(otherSeed.transactions()).isNotEqualTo(first.transactions());
    }
  }

  @Test
  void transactionsAreSignedByTheirSendersInNonceOrderAmongTheAccounts() {
    for (ExecWorkload workload : ExecWorkload.values()) {
      BenchBlock block = BUILDER.build(workload, 10, 150);
      assertThat(block.transactions()).hasSize(150);
      Set<Address> accounts = new HashSet<>();
      for (int j = 0; j < 10; j++) {
        accounts.add(BUILDER.account(j));
      }
      Map<Address, Long> next = new HashMap<>();
      for (VerifiedTransaction tx : block.transactions()) {
        assertThat(TransactionSigner.sender(tx.transaction()))
            .isEqualTo(TransactionResult.valid(tx.sender()));
        assertThat(accounts).contains(tx.sender());
        long expected = next.getOrDefault(tx.sender(), 0L);
        assertThat(((SignedTransaction) tx.transaction()).payload().nonce()).isEqualTo(expected);
        next.put(tx.sender(), expected + 1);
        Address to = tx.transaction().recipient().orElseThrow();
        switch (workload) {
          case TRANSFERS -> assertThat(to).isIn(accounts).isNotEqualTo(tx.sender());
          case TOKENS -> assertThat(to).isEqualTo(BlockBuilder.TOKEN_A);
          case SWAPS -> {
            int index = indexOf(tx.sender(), 10);
            assertThat(to).isEqualTo(BlockBuilder.pool(index % BlockBuilder.pools(10)));
          }
        }
      }
    }
  }

  @Test
  void accountsAreFundedAndSwappersMayPayTheirPool() {
    BenchBlock swaps = BUILDER.build(ExecWorkload.SWAPS, 40, 10);
    assertThat(swaps.pools()).isEqualTo(4);
    for (int j = 0; j < 40; j++) {
      Address account = BUILDER.account(j);
      assertThat(swaps.state().account(account).balance())
          .isEqualTo(Wei.of(BlockBuilder.ETH.multiply(BigInteger.valueOf(1_000))));
      for (Address token : new Address[] {BlockBuilder.TOKEN_A, BlockBuilder.TOKEN_B}) {
        assertThat(swaps.state().storage(token, Erc20Layout.balance(account)).toBigInteger())
            .isEqualTo(BlockBuilder.ETH.multiply(BigInteger.valueOf(1_000_000)));
        assertThat(
                swaps
                    .state()
                    .storage(token, Erc20Layout.allowance(account, BlockBuilder.pool(j % 4))))
            .isEqualTo(Word.of(MAX));
        assertThat(
                swaps
                    .state()
                    .storage(token, Erc20Layout.allowance(account, BlockBuilder.pool((j + 1) % 4))))
            .isEqualTo(Word.ZERO);
      }
    }
    assertThat(BUILDER.build(ExecWorkload.SWAPS, 2, 10).pools()).isEqualTo(1);
    assertThat(BUILDER.build(ExecWorkload.SWAPS, 19, 10).pools()).isEqualTo(1);
    assertThat(BUILDER.build(ExecWorkload.TOKENS, 20, 10).pools()).isZero();
    assertThat(BlockBuilder.pools(10_000)).isEqualTo(1_000);
  }

  @Test
  void everyTransactionOfEveryWorkloadSucceedsSequentially() {
    for (ExecWorkload workload : ExecWorkload.values()) {
      for (int accounts : new int[] {2, 40}) {
        BenchBlock block = BUILDER.build(workload, accounts, 300);
        BlockExecution execution =
            new SequentialExecutor().execute(block.context(), block.transactions(), block.state());
        assertThat(Executions.problem(block, execution)).isEmpty();
        assertThat(execution.diff().isEmpty()).isFalse();
      }
    }
  }

  private static int indexOf(Address account, int accounts) {
    for (int j = 0; j < accounts; j++) {
      if (BUILDER.account(j).equals(account)) {
        return j;
      }
    }
    throw new AssertionError(account + " is not an account");
  }
}
