package io.paraseq.protocol.exec.stm;

import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.exec.Txs;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkThresholdTest {

  private static final WorkThreshold RULE = new WorkThreshold(1, 4, 10, 2);

  /** 5 senders: 5 approvals of token A (ERC-20 calls) and 5 swaps through the pair. */
  private final Workloads.Workload pool = Workloads.hotPool(5);

  private final StateView state = WorldState.genesis(pool.alloc()).view();

  @Test
  void eachTransactionCostsWhatItsKindCosts() {
    VerifiedTransaction approval = pool.block().get(0);
    VerifiedTransaction swap = pool.block().get(1);
    VerifiedTransaction transfer = transfer(0);
    VerifiedTransaction dataToAnAccount =
        Txs.eip1559(
            address(1),
            0,
            address(2),
            BigInteger.ONE,
            2 * GWEI,
            GWEI,
            50_000,
            Bytes.of((byte) 1, (byte) 2));
    VerifiedTransaction creation =
        Txs.legacy(
            address(1),
            0,
            Optional.empty(),
            BigInteger.ZERO,
            GWEI,
            100_000,
            Bytes.of((byte) 0x60),
            Optional.of(ChainId.PARASEQ_DEFAULT));
    VerifiedTransaction emptyCallToAProgram =
        Txs.eip1559(address(1), 0, Workloads.PAIR, BigInteger.ONE, 2 * GWEI, GWEI);

    assertThat(RULE.cost(approval, state)).isEqualTo(4);
    assertThat(RULE.cost(swap, state)).isEqualTo(10);
    assertThat(RULE.cost(transfer, state)).isEqualTo(1);
    assertThat(RULE.cost(dataToAnAccount, state)).isEqualTo(1);
    assertThat(RULE.cost(creation, state)).isEqualTo(1);
    assertThat(RULE.cost(emptyCallToAProgram, state)).isEqualTo(1);
    assertThat(RULE.work(pool.block(), state)).isEqualTo(5 * 4 + 5 * 10);
  }

  @Test
  void plainTransfersNeverPayOffAndProgramCallsDo() {
    List<VerifiedTransaction> transfers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      transfers.add(transfer(i));
    }
    // work 10,000 × (2 − 1) < 2 × 10,000: the bookkeeping outweighs what a second worker saves
    assertThat(RULE.paysOff(transfers, state, 2)).isFalse();
    assertThat(RULE.paysOff(transfers, state, 3)).isTrue(); // 10,000 × 2 ≥ 20,000
    assertThat(RULE.paysOff(pool.block(), state, 2)).isTrue(); // 70 ≥ 20
    assertThat(RULE.paysOff(pool.block(), state, 1)).isFalse(); // one thread never pays off
    assertThat(RULE.paysOff(List.of(), state, 2)).isTrue();
    // a mixed block of 70: 10 program calls (work 70) and 60 transfers (60): 130 < 2 × 70
    List<VerifiedTransaction> mixed = new ArrayList<>(pool.block());
    mixed.addAll(transfers.subList(0, 60));
    Collections.shuffle(mixed);
    assertThat(RULE.work(mixed, state)).isEqualTo(130);
    assertThat(RULE.paysOff(mixed, state, 2)).isFalse();
    // dearer token calls: 5 × 6 + 5 × 10 + 60 = 140 ≥ 140
    assertThat(new WorkThreshold(1, 6, 10, 2).paysOff(mixed, state, 2)).isTrue();
  }

  @Test
  void offLetsEveryBlockThroughAndCostsMustNotBeNegative() {
    assertThat(WorkThreshold.OFF.isOff()).isTrue();
    assertThat(WorkThreshold.DEFAULT.isOff()).isFalse();
    assertThat(WorkThreshold.OFF.paysOff(List.of(transfer(0)), state, 1)).isTrue();
    assertThatThrownBy(() -> new WorkThreshold(-1, 4, 10, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkThreshold(1, 4, 10, -2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static VerifiedTransaction transfer(int sender) {
    return Txs.eip1559(address(0x1000 + sender), 0, address(0x1), BigInteger.ONE, 2 * GWEI, GWEI);
  }
}
