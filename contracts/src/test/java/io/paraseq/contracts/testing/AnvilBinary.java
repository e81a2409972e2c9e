package io.paraseq.contracts.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the anvil binary installed by the contracts module's pinned npm toolchain.
 *
 * <p>Order: system property {@value #BIN_PROPERTY}, environment variable {@value #BIN_ENV}, then
 * {@code <paraseq.root>/contracts/node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil} (Surefire
 * sets {@code paraseq.root} to the reactor root), then the same relative path found by walking up
 * from the working directory. An explicitly configured path that is not executable is an error,
 * never silently replaced by another binary.
 */
final class AnvilBinary {

  static final String BIN_PROPERTY = "paraseq.anvil.bin";
  static final String BIN_ENV = "PARASEQ_ANVIL_BIN";
  static final String ROOT_PROPERTY = "paraseq.root";

  private AnvilBinary() {}

  static Path locate() {
    Optional<String> explicit =
        Optional.ofNullable(System.getProperty(BIN_PROPERTY))
            .or(() -> Optional.ofNullable(System.getenv(BIN_ENV)))
            .filter(s -> !s.isBlank());
    if (explicit.isPresent()) {
      Path path = Path.of(explicit.get()).toAbsolutePath();
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(
            "anvil binary configured by -D"
                + BIN_PROPERTY
                + " or "
                + BIN_ENV
                + " is not an executable file: "
                + path);
      }
      return path;
    }

    Path relative = npmRelativePath();
    List<Path> tried = new ArrayList<>();
    String root = System.getProperty(ROOT_PROPERTY);
    if (root != null && !root.isBlank()) {
      Path candidate = Path.of(root).resolve("contracts").resolve(relative).toAbsolutePath();
      tried.add(candidate);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("contracts").resolve(relative);
      tried.add(candidate);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "anvil binary not found. Install the pinned toolchain with contracts/scripts/npm-ensure.sh"
            + " (or ./mvnw -pl contracts generate-sources), or point -D"
            + BIN_PROPERTY
            + " / "
            + BIN_ENV
            + " at an anvil binary. Tried: "
            + tried);
  }

  /** {@code node_modules/@foundry-rs/anvil-<os>-<arch>/bin/anvil}, as npm installs it here. */
  static Path npmRelativePath() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String npmOs = os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
    String npmArch = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return Path.of("node_modules", "@foundry-rs", "anvil-" + npmOs + "-" + npmArch, "bin", "anvil");
  }
}
