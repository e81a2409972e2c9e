package io.paraseq.sequencer.chain;

import io.paraseq.sequencer.ParaseqApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real node in a child JVM, for tests that must kill it hard: {@code java} of this JVM's home,
 * this JVM's class path without the test classes (so the node's component scan sees only the node),
 * main class {@link ParaseqApplication}, settings as {@code --name=value} arguments, on a free
 * loopback port. Its output goes to a log file for diagnosis. {@link #kill()} is SIGKILL ({@link
 * Process#destroyForcibly()} on Linux): no shutdown hook, no graceful stop, exit code 137. {@link
 * #close()} kills it if it still runs; a shutdown hook does too if the test JVM exits first.
 */
public final class NodeProcess implements AutoCloseable {

  private static final int LOG_TAIL_LINES = 60;

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;

  private NodeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.shutdownHook = new Thread(process::destroyForcibly, "node-process-kill-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a node writing its output to {@code log}.
   *
   * @param settings {@code name=value} settings, passed as {@code --name=value}
   */
  public static NodeProcess start(Path log, List<String> settings) throws IOException {
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            nodeClassPath(),
            ParaseqApplication.class.getName(),
            "--server.port=" + port,
            "--server.address=127.0.0.1"));
    settings.forEach(s -> command.add("--" + s));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new NodeProcess(process, log, port);
  }

  /** The JSON-RPC endpoint. */
  public String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Waits until {@code /actuator/health} answers 200 (UP); fails with the log's tail otherwise. */
  public void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest health =
          HttpRequest.newBuilder(URI.create(url() + "actuator/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw failure("the node exited with code " + process.exitValue() + " while starting");
        }
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(200);
      }
    }
    throw failure("the node was not healthy within " + timeout);
  }

  /** Kills the node with SIGKILL and returns its exit code (137 = 128 + 9). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw failure("the node did not die within 30 s of SIGKILL");
    }
    return process.exitValue();
  }

  /** The first match of {@code pattern} in the node's log so far. */
  public Optional<Matcher> findInLog(Pattern pattern) {
    return logLines().stream().map(pattern::matcher).filter(Matcher::find).findFirst();
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook runs anyway.
    }
  }

  private List<String> logLines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  private AssertionError failure(String reason) {
    List<String> lines = logLines();
    return new AssertionError(
        reason
            + " (log "
            + log
            + ")\n--- log tail ---\n"
            + String.join(
                "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())));
  }

  /** This JVM's class path without test-classes folders. */
  private static String nodeClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
