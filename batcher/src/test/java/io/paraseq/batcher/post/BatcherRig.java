package io.paraseq.batcher.post;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.batcher.build.BatchEncoding;
import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.l1.L1ResilienceConfig;
import io.paraseq.batcher.l1.L1TransactionManager;
import io.paraseq.batcher.l1.L1TxConfig;
import io.paraseq.batcher.l1.L1TxStore;
import io.paraseq.batcher.l1.ResilientL1Client;
import io.paraseq.batcher.l1.RollupView;
import io.paraseq.batcher.l1.SteppedClock;
import io.paraseq.batcher.l1.Web3jL1Client;
import io.paraseq.batcher.l1.Web3jTxSigner;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import java.net.URI;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * One batcher wired like the node wires it: the real web3j adapter inside the Resilience4j
 * decorator, a real signer, the transaction manager and batch store on PostgreSQL, the {@code
 * Rollup} at {@code rollup}, blocks from a {@link MemoryBlocks} chain, a stepped clock. Closing it
 * stops the batcher and its web3j client; a new rig on the same schema is a restarted batcher.
 */
final class BatcherRig implements AutoCloseable {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Web3j web3j;
  final ResilientL1Client l1;
  final L1TransactionManager manager;
  final BatchStore store;
  final RollupView rollup;
  final BatchProgress progress = new BatchProgress();
  final Batcher batcher;

  BatcherRig(
      AnvilFixture anvil,
      PostgresFixture db,
      Credentials sequencer,
      Address rollupAddress,
      MemoryBlocks blocks,
      BatcherConfig config,
      SteppedClock clock) {
    this.web3j = Web3jL1Client.connect(URI.create(anvil.rpcUrl()), Duration.ofSeconds(5));
    this.l1 =
        new ResilientL1Client(new Web3jL1Client(web3j), L1ResilienceConfig.DEFAULTS, clock, meters);
    this.manager =
        new L1TransactionManager(
            l1,
            new Web3jTxSigner(sequencer),
            new L1TxStore(db.dataSource()),
            L1TxConfig.DEFAULTS,
            clock,
            meters);
    this.store = new BatchStore(db.dataSource());
    this.rollup = new RollupView(l1, rollupAddress);
    this.batcher =
        new Batcher(
            blocks,
            new BatchEncoding(MemoryBlocks.CHAIN),
            store,
            manager,
            rollup,
            config,
            L1TxConfig.DEFAULTS.maxInFlight(),
            clock,
            progress,
            meters);
  }

  /** {@code n} ticks. */
  void tick(int n) {
    for (int i = 0; i < n; i++) {
      batcher.tick();
    }
  }

  double counter(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  double gauge(String name) {
    var gauge = meters.find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  @Override
  public void close() {
    batcher.close();
    manager.close();
    web3j.shutdown();
  }
}
