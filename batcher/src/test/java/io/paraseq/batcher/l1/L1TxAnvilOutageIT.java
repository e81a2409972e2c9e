package io.paraseq.batcher.l1;

import static io.paraseq.batcher.l1.RollupOnAnvil.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

/**
 * The L1 node goes away in the middle of posting and comes back: anvil runs with {@code --state},
 * so it writes its chain on the way down and reads it back on restart (its transaction pool does
 * not survive). The manager must fail its polls without a busy loop, open and later close its
 * circuit, re-send what the node lost with the very same bytes, and leave no duplicate and no gap
 * in the contract's batches.
 */
class L1TxAnvilOutageIT {

  private static final Path STATE = stateFile();

  @RegisterExtension
  static final AnvilFixture anvil = AnvilFixture.create(List.of("--state", STATE.toString()));

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  final Credentials sequencer = anvil.credentials(1);
  final SteppedClock clock = new SteppedClock();

  @Test
  void anvilStoppedMidPostingAndRestartedLeavesNoDuplicateAndNoGap() {
    RollupOnAnvil rollup = RollupOnAnvil.deploy(anvil, sequencer);
    try (ManagerRig rig = new ManagerRig(anvil, db, sequencer, L1TxConfig.DEFAULTS, clock)) {
      rollup.submit(rig.manager, 0);
      rig.manager.poll();
      rig.manager.poll();
      assertThat(status(rig, 0)).isEqualTo(L1TxStatus.INCLUDED);

      anvil.setAutomine(false);
      rollup.submit(rig.manager, 1);
      rollup.submit(rig.manager, 2);
      rig.manager.poll();
      Map<Long, Hash> signed = new HashMap<>();
      for (long seq = 1; seq <= 2; seq++) {
        assertThat(status(rig, seq)).isEqualTo(L1TxStatus.SENT);
        signed.put(seq, tx(rig, seq).attempts().getFirst().txHash());
      }

      anvil.stop();
      rollup.submit(rig.manager, 3);
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(rig.manager::poll).isInstanceOf(L1UnavailableException.class);
      }
      assertThat(rig.l1.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(rig.meters.get("paraseq.l1tx.circuit.state").gauge().value()).isEqualTo(1.0);

      anvil.restart();
      assertThatThrownBy(rig.manager::poll)
          .as("the circuit stays open until its wait is over")
          .isInstanceOf(L1CircuitOpenException.class);
      clock.advance(ManagerRig.RESILIENCE.circuitOpenWait().plusSeconds(1));
      rig.manager.poll();
      assertThat(rig.l1.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
      assertThat(rig.meters.get("paraseq.l1tx.circuit.state").gauge().value()).isZero();

      rig.manager.poll();
      anvil.mine(3);
      rig.manager.poll();

      for (long seq = 0; seq <= 3; seq++) {
        L1Tx tx = tx(rig, seq);
        assertThat(tx.status()).as("batch %d", seq).isEqualTo(L1TxStatus.CONFIRMED);
        assertThat(tx.attempts()).as("batch %d signed once", seq).hasSize(1);
        assertThat(tx.inclusion().orElseThrow().success()).isTrue();
      }
      for (long seq = 1; seq <= 2; seq++) {
        assertThat(tx(rig, seq).inclusion().orElseThrow().txHash()).isEqualTo(signed.get(seq));
      }
      assertThat(rollup.nextSeq(rig.l1)).isEqualTo(4);
      assertThat(rollup.appendedSeqs()).containsExactly(0L, 1L, 2L, 3L);
    }
  }

  private static L1Tx tx(ManagerRig rig, long seq) {
    return rig.manager.find(intent(seq)).orElseThrow();
  }

  private static L1TxStatus status(ManagerRig rig, long seq) {
    return tx(rig, seq).status();
  }

  private static Path stateFile() {
    try {
      Path dir = Files.createDirectories(Path.of("target", "anvil-state").toAbsolutePath());
      Path file = Files.createTempFile(dir, "outage-", ".json");
      Files.delete(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
