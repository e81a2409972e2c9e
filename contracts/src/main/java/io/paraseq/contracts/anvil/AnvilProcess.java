package io.paraseq.contracts.anvil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One anvil process on a free loopback port: the single launcher of anvil for tests (the contracts
 * test fixture) and tools (the load generator). Started with {@code --host 127.0.0.1 --port P} and
 * the caller's options, output to {@code anvil-P.log} in a given folder, ready once it answers
 * {@code eth_chainId}; stopped by {@link #close} or, should the JVM exit first, by a shutdown hook.
 *
 * <p>A port found free can be taken by another process before anvil binds it; the start then fails
 * and is retried on another port, up to {@value #START_ATTEMPTS} times.
 *
 * <p>Not thread-safe: one thread starts and closes it; {@link #rpcUrl} and {@link #logFile} may be
 * read from any thread.
 */
public final class AnvilProcess implements AutoCloseable {

  /** How long anvil gets to answer its first {@code eth_chainId}. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private static final int START_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 40;
  private static final String CHAIN_ID_CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final Process process;
  private final Thread shutdownHook;
  private final URI rpcUrl;
  private final Path logFile;

  private AnvilProcess(Process process, Thread shutdownHook, URI rpcUrl, Path logFile) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.rpcUrl = rpcUrl;
    this.logFile = logFile;
  }

  /**
   * Starts anvil and waits until it answers {@code eth_chainId}.
   *
   * @param binary the anvil executable
   * @param options options after {@code --host} and {@code --port} (e.g. {@code --block-time 1})
   * @param logDirectory where {@code anvil-<port>.log} goes; created if missing
   * @throws IllegalStateException if it does not start, with the tail of its log
   */
  public static AnvilProcess start(Path binary, List<String> options, Path logDirectory) {
    requireExecutable(binary);
    createLogDirectory(logDirectory);
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      AnvilProcess anvil = launch(binary, options, logDirectory, freeLoopbackPort());
      try {
        anvil.awaitReady();
        return anvil;
      } catch (IllegalStateException e) {
        anvil.close();
        last = e;
      }
    }
    throw last;
  }

  /**
   * Starts anvil on loopback port {@code port} (e.g. to restart a stopped anvil where its clients
   * expect it) and waits until it answers {@code eth_chainId}.
   *
   * @throws IllegalStateException if it does not start (e.g. the port is taken), with its log tail
   */
  public static AnvilProcess startOnPort(
      Path binary, List<String> options, Path logDirectory, int port) {
    requireExecutable(binary);
    createLogDirectory(logDirectory);
    AnvilProcess anvil = launch(binary, options, logDirectory, port);
    try {
      anvil.awaitReady();
      return anvil;
    } catch (IllegalStateException e) {
      anvil.close();
      throw e;
    }
  }

  /** The loopback port anvil listens on. */
  public int port() {
    return rpcUrl.getPort();
  }

  /** The JSON-RPC endpoint, {@code http://127.0.0.1:<port>}. */
  public URI rpcUrl() {
    return rpcUrl;
  }

  /** Where anvil's output goes. */
  public Path logFile() {
    return logFile;
  }

  /**
   * An error for a failure of this anvil: {@code reason}, the RPC URL and log file, and the last
   * lines of its log.
   */
  public IllegalStateException failure(String reason) {
    return new IllegalStateException(
        reason + " (rpc " + rpcUrl + ", log " + logFile + ")\n" + logTail());
  }

  /** Stops anvil: terminate, wait up to 5 s, then kill. Safe to call more than once. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyGoneOrExiting) {
        // Removed by an earlier close, or the JVM is exiting and runs the hook anyway.
      }
    }
  }

  private static void requireExecutable(Path binary) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "no anvil executable at "
              + binary.toAbsolutePath()
              + " (install it with contracts/scripts/npm-ensure.sh)");
    }
  }

  private static void createLogDirectory(Path logDirectory) {
    try {
      Files.createDirectories(logDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create anvil log folder " + logDirectory, e);
    }
  }

  private static AnvilProcess launch(
      Path binary, List<String> options, Path logDirectory, int port) {
    Path logFile = logDirectory.resolve("anvil-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(options);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(process::destroyForcibly, "anvil-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(hook);
    return new AnvilProcess(process, hook, URI.create("http://127.0.0.1:" + port), logFile);
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String lastError = "none";
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(rpcUrl)
              .timeout(Duration.ofSeconds(2))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID_CALL))
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw failure("anvil exited with code " + process.exitValue() + " before answering");
        }
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
            return;
          }
          lastError = "HTTP " + response.statusCode() + ": " + response.body();
        } catch (ConnectException notYetListening) {
          lastError = "connection refused";
        } catch (IOException e) {
          lastError = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for anvil", e);
        }
        sleep(Duration.ofMillis(25));
      }
    }
    throw failure(
        "anvil did not answer eth_chainId within "
            + START_TIMEOUT.toSeconds()
            + " s (last error: "
            + lastError
            + ")");
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
      return "--- anvil log tail ---\n" + String.join("\n", lines.subList(from, lines.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for anvil", e);
    }
  }
}
