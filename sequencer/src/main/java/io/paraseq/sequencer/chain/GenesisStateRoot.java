package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.config.ChainProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The L2 genesis allocation and its state root, in one place for the node ({@link ChainBootstrap},
 * which creates the genesis from it and checks a stored genesis against it) and for the devnet,
 * which must deploy the L1 {@code Rollup} contract with the genesis state root before the node
 * starts.
 *
 * <p>Command line ({@code ./paraseq devnet}, docker compose): {@code GenesisStateRoot [--name=value
 * …]} reads the {@code paraseq.chain.*} settings exactly as the node does (application.yml,
 * profiles, environment, arguments), prints the state root as 0x-hex on standard output and exits
 * 0; on invalid settings it prints the reason on standard error and exits 1.
 */
public final class GenesisStateRoot {

  private GenesisStateRoot() {}

  /**
   * The genesis allocation of these settings.
   *
   * @throws GenesisAllocException if the settings do not describe a valid allocation
   */
  public static GenesisAlloc alloc(ChainProperties properties) {
    return GenesisAllocation.of(properties);
  }

  /** The state root of the genesis allocation (it does not depend on time, chain id or fees). */
  public static Hash of(ChainProperties properties) {
    return WorldState.genesis(alloc(properties)).stateRoot();
  }

  /** The state root of the settings that Spring binds from {@code args} and the environment. */
  static Hash fromConfiguration(String... args) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Settings.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .properties("logging.threshold.console=OFF", "spring.main.banner-mode=off")
            .run(args)) {
      return of(context.getBean(ChainProperties.class));
    }
  }

  /** Prints the root; on invalid settings prints why on standard error and exits 1. */
  public static void main(String[] args) {
    try {
      System.out.println(fromConfiguration(args));
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      System.err.println("cannot compute the genesis state root: " + cause.getMessage());
      System.exit(1);
    }
  }

  /** Binds only the chain settings (not a component: the node never scans it). */
  @EnableConfigurationProperties(ChainProperties.class)
  static class Settings {}
}
