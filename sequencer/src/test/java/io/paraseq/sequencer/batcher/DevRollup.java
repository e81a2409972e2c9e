package io.paraseq.sequencer.batcher;

import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.RollupDeployer;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.GenesisStateRoot;
import io.paraseq.sequencer.config.ChainProperties;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code Rollup} contract on a test's anvil for a node on the dev chain ({@link
 * DevTransfers#CHAIN}, default genesis), and the node settings that point at it: one place for what
 * the batcher and verifier node tests all set up.
 */
public final class DevRollup {

  /** The state root of the dev chain's default genesis, the contract's first root. */
  public static final Hash GENESIS =
      GenesisStateRoot.of(ChainProperties.withId(DevTransfers.CHAIN.value()));

  /** The contract's challenge period. */
  public static final Duration CHALLENGE = Duration.ofSeconds(5);

  private DevRollup() {}

  /** Deploys the contract from anvil account 0 (owner too), with {@code poster} as sequencer. */
  public static Deployment deploy(AnvilFixture anvil, int poster) {
    return RollupDeployer.deploy(
        anvil.web3j(),
        anvil.credentials(0),
        anvil.credentials(0).getAddress(),
        anvil.credentials(poster).getAddress(),
        GENESIS.bytes().toArray(),
        CHALLENGE,
        Duration.ofSeconds(30));
  }

  /** The node's database (the fixture's schema), L1 node, L1 chain id and rollup address. */
  public static void register(
      DynamicPropertyRegistry registry,
      PostgresFixture db,
      AnvilFixture anvil,
      Deployment deployment) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.l1.rollup-address", deployment::rollup);
  }
}
