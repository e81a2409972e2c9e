package io.paraseq.sequencer.verifier;

import io.paraseq.sequencer.ParaseqApplication;
import io.paraseq.sequencer.config.NodeProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A verifier in the sequencer's process ({@code paraseq.verifier.embedded=true}): a second,
 * independent application context in the verifier role, with its own schema, port, connection pool
 * and meters, started after the sequencer is up and stopped before it. It shares nothing with the
 * sequencer but the JVM: it reads L1 like a verifier in its own process would.
 *
 * <p>Its settings are the sequencer's (the same environment variables, profiles, arguments and test
 * properties) with the role, schema, port and genesis timestamp (the sequencer's block 0's) set on
 * top, and no batcher and no embedded verifier of its own.
 */
final class EmbeddedVerifier implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedVerifier.class);

  private static final String GENESIS_TIMESTAMP = "paraseq.genesis.timestamp";

  /** Property sources the child builds itself (its own files, environment and arguments). */
  private static final Set<String> OWN_SOURCES =
      Set.of(
          "systemEnvironment",
          "systemProperties",
          "commandLineArgs",
          "random",
          "configurationProperties",
          "servletConfigInitParams",
          "servletContextInitParams",
          "server.ports",
          "applicationInfo");

  private final ConfigurableEnvironment parent;
  private final String[] parentArgs;
  private final Map<String, String> overrides;
  private final LongSupplier genesisTimestamp;
  private volatile ConfigurableApplicationContext child;

  /**
   * A verifier with the parent's settings and {@code overrides} on top, and the genesis timestamp
   * {@code genesisTimestamp} gives at start (the parent's chain exists by then).
   */
  EmbeddedVerifier(
      ConfigurableEnvironment parent,
      String[] parentArgs,
      Map<String, String> overrides,
      LongSupplier genesisTimestamp) {
    this.parent = Objects.requireNonNull(parent, "parent");
    this.parentArgs = parentArgs.clone();
    this.genesisTimestamp = Objects.requireNonNull(genesisTimestamp, "genesisTimestamp");
    Map<String, String> all = new HashMap<>(overrides);
    all.put(GENESIS_TIMESTAMP, "");
    this.overrides = Map.copyOf(all);
  }

  @Override
  public void start() {
    log.info(
        "starting the embedded verifier schema={} port={}",
        overrides.get("paraseq.db.schema"),
        overrides.get("server.port"));
    child =
        new SpringApplicationBuilder(ParaseqApplication.class)
            .profiles(parent.getActiveProfiles())
            .properties(inheritedProperties())
            .run(arguments());
  }

  /** The embedded verifier's HTTP port, once started. */
  Optional<Integer> port() {
    ConfigurableApplicationContext c = child;
    return c == null
        ? Optional.empty()
        : Optional.ofNullable(c.getEnvironment().getProperty("local.server.port", Integer.class));
  }

  /** The embedded verifier's context, once started. */
  Optional<ConfigurableApplicationContext> context() {
    return Optional.ofNullable(child);
  }

  /**
   * The parent's properties that the child would not read itself (test properties, inlined
   * properties), as the child's defaults.
   */
  private Map<String, Object> inheritedProperties() {
    Map<String, Object> inherited = new HashMap<>();
    List<PropertySource<?>> sources = new ArrayList<>();
    parent.getPropertySources().forEach(sources::add);
    for (PropertySource<?> source : sources.reversed()) { // lowest precedence first
      if (OWN_SOURCES.contains(source.getName())
          || source.getName().startsWith("Config resource")
          || !(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        Object value = enumerable.getProperty(name);
        if (value != null) {
          inherited.put(name, value.toString());
        }
      }
    }
    return inherited;
  }

  /** The parent's arguments, without those the overrides replace, then the overrides. */
  private String[] arguments() {
    List<String> args = new ArrayList<>();
    Arrays.stream(parentArgs)
        .filter(arg -> overrides.keySet().stream().noneMatch(k -> arg.startsWith("--" + k + "=")))
        .filter(arg -> !arg.startsWith("--" + NodeProperties.ROLE_PROPERTY + "="))
        .forEach(args::add);
    overrides.forEach(
        (key, value) ->
            args.add(
                "--"
                    + key
                    + "="
                    + (key.equals(GENESIS_TIMESTAMP)
                        ? Long.toString(genesisTimestamp.getAsLong())
                        : value)));
    return args.toArray(String[]::new);
  }

  @Override
  public void stop() {
    ConfigurableApplicationContext c = child;
    if (c != null) {
      log.info("stopping the embedded verifier");
      c.close();
      child = null;
    }
  }

  @Override
  public boolean isRunning() {
    return child != null;
  }

  /** Late: after the sequencer's web server is up; stopped first. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
