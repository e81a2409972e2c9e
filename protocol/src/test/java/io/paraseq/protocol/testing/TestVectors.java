package io.paraseq.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the reference vectors live and how to list them.
 *
 * <p>The folder is the system property {@code paraseq.vectors.dir} (Surefire sets it from the POM
 * property of the same name, which {@code -Dparaseq.vectors.dir=…} overrides); if unset, it is
 * {@code ../shared/test-vectors/ethereum-tests} relative to the reactor root.
 */
public final class TestVectors {

  /** The system property naming the vector folder. */
  public static final String PROPERTY = "paraseq.vectors.dir";

  private TestVectors() {}

  /** The vector root folder (for example the ethereum-tests checkout). */
  public static Path root() {
    String configured = System.getProperty(PROPERTY, "").trim();
    if (!configured.isEmpty()) {
      return reactorRoot().resolve(configured).normalize();
    }
    return reactorRoot().resolve("../shared/test-vectors/ethereum-tests").normalize();
  }

  /**
   * The suite folder: {@code root()/suite} when it exists, else {@code root()} itself, so a runner
   * can be pointed at either the ethereum-tests root or a folder of its own vectors.
   */
  public static Path suite(String suite) {
    Path root = root();
    Path nested = root.resolve(suite);
    return Files.isDirectory(nested) ? nested : root;
  }

  /** All {@code *.json} files below {@code folder}, sorted; fails if the folder is missing. */
  public static List<Path> jsonFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "vector folder " + folder + " does not exist (set -D" + PROPERTY + "=…)");
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and parses one JSON file. */
  public static Json read(Path file) {
    try {
      return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static Path reactorRoot() {
    String configured = System.getProperty("paraseq.root", "").trim();
    if (!configured.isEmpty()) {
      return Path.of(configured).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve(".mvn"))) {
        return d;
      }
    }
    return dir;
  }
}
