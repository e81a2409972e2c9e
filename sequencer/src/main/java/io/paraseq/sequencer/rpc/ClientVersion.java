package io.paraseq.sequencer.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The node's self-description for {@code web3_clientVersion}, in geth's shape: {@code
 * Paraseq/v0.1.0/linux-amd64/java25}.
 *
 * @param text the full string
 */
record ClientVersion(String text) {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.paraseq/paraseq-sequencer/pom.properties";

  /**
   * This process's version: the jar's {@code Implementation-Version} or its Maven {@code
   * pom.properties}; {@code dev} when run from classes (tests, the IDE).
   */
  static ClientVersion current() {
    String version =
        Optional.ofNullable(ClientVersion.class.getPackage().getImplementationVersion())
            .or(ClientVersion::pomVersion)
            .orElse("dev");
    return of(
        version,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.version().feature());
  }

  static ClientVersion of(String version, String osName, String arch, int javaFeature) {
    return new ClientVersion(
        "Paraseq/v" + version + "/" + os(osName) + "-" + arch + "/java" + javaFeature);
  }

  /** geth's GOOS names for the common systems, else the lower-case name without spaces. */
  private static String os(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    if (name.startsWith("windows")) {
      return "windows";
    }
    return name.replace(' ', '_');
  }

  private static Optional<String> pomVersion() {
    try (InputStream in = ClientVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
    }
  }
}
