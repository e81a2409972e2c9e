package io.paraseq.batcher.l1;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import java.net.URI;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * One transaction manager wired like the node wires it: the real web3j adapter (behind a
 * pass-through {@link FaultInjectingL1Client} that tests may arm) inside the Resilience4j
 * decorator, a real signer, the PostgreSQL store, a stepped clock and a simple meter registry.
 * Closing it stops the manager and its web3j client.
 */
final class ManagerRig implements AutoCloseable {

  /** Fast retries and a small circuit window, so tests of outages take little time. */
  static final L1ResilienceConfig RESILIENCE =
      new L1ResilienceConfig(
          2, Duration.ofMillis(20), Duration.ofMillis(40), 4, 4, 50, Duration.ofSeconds(30), 1);

  final SteppedClock clock;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Web3j web3j;
  final Web3jL1Client rawL1;
  final FaultInjectingL1Client faults;
  final ResilientL1Client l1;
  final L1TxStore store;
  final L1TransactionManager manager;

  ManagerRig(
      AnvilFixture anvil,
      PostgresFixture db,
      Credentials sequencer,
      L1TxConfig config,
      SteppedClock clock) {
    this.clock = clock;
    this.web3j = Web3jL1Client.connect(URI.create(anvil.rpcUrl()), Duration.ofSeconds(5));
    this.rawL1 = new Web3jL1Client(web3j);
    this.faults = new FaultInjectingL1Client(rawL1);
    this.l1 = new ResilientL1Client(faults, RESILIENCE, clock, meters);
    this.store = new L1TxStore(db.dataSource());
    this.manager =
        new L1TransactionManager(l1, new Web3jTxSigner(sequencer), store, config, clock, meters);
  }

  double counter(String name) {
    var counter = meters.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    manager.close();
    web3j.shutdown();
  }
}
