package io.paraseq.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh anvil for one run: started from the given binary on a free loopback port with anvil's
 * defaults (chain id 31337, the ten dev accounts funded, automine) plus the extra options, output
 * to a log file; stopped by {@link #close} or, on Ctrl-C, by a shutdown hook. Not thread-safe: the
 * main thread starts and closes it.
 */
final class AnvilProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_CHARS = 2000;

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
   * @param extraArgs options after {@code --host} and {@code --port}
   * @param logDirectory where {@code anvil-<port>.log} goes
   * @throws IllegalStateException if it does not start, with the tail of its log
   */
  static AnvilProcess start(Path binary, List<String> extraArgs, Path logDirectory) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "no anvil executable at "
              + binary.toAbsolutePath()
              + " (install it with contracts/scripts/npm-ensure.sh)");
    }
    int port = freeLoopbackPort();
    Path logFile;
    try {
      logFile = Files.createDirectories(logDirectory).resolve("anvil-" + port + ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logDirectory, e);
    }
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(extraArgs);
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
    Thread hook = new Thread(process::destroyForcibly, "anvil-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    AnvilProcess anvil =
        new AnvilProcess(process, hook, URI.create("http://127.0.0.1:" + port), logFile);
    try {
      anvil.awaitReady();
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
    return anvil;
  }

  /** The JSON-RPC endpoint. */
  URI rpcUrl() {
    return rpcUrl;
  }

  /** Where anvil's output goes. */
  Path logFile() {
    return logFile;
  }

  /** Stops anvil: terminate, wait up to 5 s, then kill. Safe to call twice. */
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
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the hook runs anyway, and killing a dead process is harmless.
      }
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    RuntimeException last = null;
    try (RpcClient rpc = new RpcClient(rpcUrl, Duration.ofSeconds(2))) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw failure("anvil exited with code " + process.exitValue());
        }
        try {
          rpc.result("eth_chainId", "[]");
          return;
        } catch (RpcException e) {
          last = e;
        }
        sleep(Duration.ofMillis(50));
      }
    }
    throw failure(
        "anvil did not answer within "
            + START_TIMEOUT.toSeconds()
            + " s"
            + (last == null ? "" : " (" + last.getMessage() + ")"));
  }

  private IllegalStateException failure(String reason) {
    String tail;
    try {
      String log = Files.readString(logFile, StandardCharsets.UTF_8);
      tail = log.substring(Math.max(0, log.length() - LOG_TAIL_CHARS));
    } catch (IOException e) {
      tail = "(cannot read the log: " + e.getMessage() + ")";
    }
    return new IllegalStateException(reason + " (log " + logFile + "):\n" + tail);
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
