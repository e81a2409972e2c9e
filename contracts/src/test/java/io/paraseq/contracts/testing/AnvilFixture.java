package io.paraseq.contracts.testing;

import io.paraseq.contracts.anvil.AnvilProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A real anvil L1 devnet for tests: one process on a free loopback port, chain id {@value
 * #CHAIN_ID}, the ten {@link DevAccounts} funded, automining.
 *
 * <p>Use it as a JUnit 5 extension, one anvil per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();
 * }</pre>
 *
 * or as a plain {@link AutoCloseable} in try-with-resources. A missing binary or a failed start
 * throws {@link IllegalStateException} with the reason and the tail of anvil's log: the test fails,
 * it is never skipped. Anvil's output goes to {@code target/anvil/anvil-<port>.log} under the
 * working directory.
 *
 * <p>Thread safety: start and close are synchronized; the {@link Web3j} client is thread-safe.
 */
public final class AnvilFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  /** Anvil's default chain id. */
  public static final long CHAIN_ID = 31337;

  /** Receipt polling against anvil: it mines in milliseconds, web3j's default is 15 s. */
  public static final Duration RECEIPT_POLL_INTERVAL = Duration.ofMillis(50);

  private static final int RECEIPT_POLL_ATTEMPTS = 600;

  private final List<String> extraArgs;
  private AnvilProcess process;
  private HttpService http;
  private Web3j web3j;
  private int stoppedPort;

  private AnvilFixture(List<String> extraArgs) {
    this.extraArgs = List.copyOf(extraArgs);
  }

  /** Starts anvil now with the default options. */
  public static AnvilFixture start() {
    return start(List.of());
  }

  /**
   * Starts anvil now with additional command line options (e.g. {@code --block-time 1}); host,
   * port, chain id and account count are set by the fixture.
   */
  public static AnvilFixture start(List<String> extraArgs) {
    AnvilFixture fixture = new AnvilFixture(extraArgs);
    fixture.ensureStarted();
    return fixture;
  }

  /**
   * A fixture that starts anvil only in {@link #beforeAll} or {@link #ensureStarted}, so a start
   * failure is reported by JUnit as a failure of the test class rather than of its initializer.
   */
  public static AnvilFixture create() {
    return create(List.of());
  }

  /** Like {@link #create()}, with additional anvil command line options. */
  public static AnvilFixture create(List<String> extraArgs) {
    return new AnvilFixture(extraArgs);
  }

  /** Starts anvil unless it is already running. */
  public synchronized void ensureStarted() {
    if (process != null) {
      return;
    }
    process = AnvilProcess.start(AnvilBinary.locate(), options(), logDirectory());
    connect();
  }

  /**
   * Stops anvil, keeping its port so that {@link #restart()} brings it back at the same URL. With
   * {@code --state <file>} among the options anvil writes its chain to the file on the way out and
   * reads it back on restart; without, the restarted chain starts from genesis.
   */
  public synchronized void stop() {
    requireStarted();
    stoppedPort = process.port();
    stopProcess();
  }

  /** Starts anvil again on the port it had before {@link #stop()}, with the same options. */
  public synchronized void restart() {
    if (process != null || stoppedPort == 0) {
      throw new IllegalStateException("restart() needs an anvil stopped by stop()");
    }
    process =
        AnvilProcess.startOnPort(AnvilBinary.locate(), options(), logDirectory(), stoppedPort);
    stoppedPort = 0;
    connect();
  }

  /** Mines {@code blocks} blocks at once ({@code anvil_mine}). */
  public void mine(int blocks) {
    call("anvil_mine", List.of("0x" + Integer.toHexString(blocks)), NumberResponse.class);
  }

  /**
   * Turns automine on or off ({@code evm_setAutomine}); off, blocks come only from {@link #mine}.
   */
  public void setAutomine(boolean on) {
    call("evm_setAutomine", List.of(on), NumberResponse.class);
  }

  /**
   * Calls any JSON-RPC method (e.g. {@code anvil_setNextBlockBaseFeePerGas}) and returns its result
   * as parsed JSON (string, number, boolean, list, map or null).
   *
   * @throws IllegalStateException if anvil answers with an error
   */
  public Object rpc(String method, List<?> params) {
    return call(method, params, NumberResponse.class);
  }

  private List<String> options() {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "--chain-id",
            Long.toString(CHAIN_ID),
            "--accounts",
            Integer.toString(DevAccounts.COUNT)));
    options.addAll(extraArgs);
    return options;
  }

  private void connect() {
    try {
      http = new HttpService(process.rpcUrl().toString());
      web3j = Web3j.build(http);
      checkChainId();
      checkAccounts();
    } catch (RuntimeException e) {
      stopProcess();
      throw e;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureStarted();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The HTTP JSON-RPC URL, e.g. {@code http://127.0.0.1:41234}. */
  public synchronized String rpcUrl() {
    requireStarted();
    return process.rpcUrl().toString();
  }

  /** A web3j client connected to this anvil; closed by {@link #close()}. */
  public synchronized Web3j web3j() {
    requireStarted();
    return web3j;
  }

  /** The file anvil's stdout and stderr go to. */
  public synchronized Path logFile() {
    requireStarted();
    return process.logFile();
  }

  /** The credentials of funded development account {@code index} (0 to 9). */
  public Credentials credentials(int index) {
    return DevAccounts.credentials(index);
  }

  /** The credentials of all ten funded development accounts. */
  public List<Credentials> accounts() {
    return DevAccounts.all();
  }

  /**
   * A transaction manager signing with {@code credentials} for chain {@value #CHAIN_ID} that polls
   * for receipts every {@link #RECEIPT_POLL_INTERVAL}.
   */
  public TransactionManager transactionManager(Credentials credentials) {
    Web3j client = web3j();
    return new RawTransactionManager(
        client,
        credentials,
        CHAIN_ID,
        new PollingTransactionReceiptProcessor(
            client, RECEIPT_POLL_INTERVAL.toMillis(), RECEIPT_POLL_ATTEMPTS));
  }

  /** Legacy gas pricing that anvil always accepts: 10 gwei, 10 million gas. */
  public ContractGasProvider gasProvider() {
    return new StaticGasProvider(
        BigInteger.valueOf(10_000_000_000L), BigInteger.valueOf(10_000_000));
  }

  /** Takes a snapshot of the chain ({@code evm_snapshot}) and returns its id. */
  public String snapshot() {
    String id = call("evm_snapshot", List.of(), StringResponse.class);
    if (id == null) {
      throw new IllegalStateException("evm_snapshot returned no id");
    }
    return id;
  }

  /**
   * Reverts the chain to snapshot {@code id} ({@code evm_revert}). As in anvil, a snapshot can be
   * reverted to once; take a new one after reverting.
   */
  public void revert(String id) {
    Boolean reverted = call("evm_revert", List.of(id), BooleanResponse.class);
    if (!Boolean.TRUE.equals(reverted)) {
      throw new IllegalStateException("evm_revert to snapshot " + id + " failed");
    }
  }

  /** Moves the chain time forward by {@code duration} and mines a block with the new time. */
  public void increaseTime(Duration duration) {
    call("evm_increaseTime", List.of(duration.toSeconds()), NumberResponse.class);
    call("evm_mine", List.of(), StringResponse.class);
  }

  /** Stops anvil: destroy, wait, then destroy forcibly. Safe to call more than once. */
  @Override
  public synchronized void close() {
    stopProcess();
  }

  private void checkChainId() {
    BigInteger chainId;
    try {
      chainId = web3j.ethChainId().send().getChainId();
    } catch (IOException e) {
      throw process.failure("eth_chainId failed: " + e.getMessage());
    }
    if (chainId == null || chainId.longValueExact() != CHAIN_ID) {
      throw process.failure("anvil answered eth_chainId " + chainId + ", expected " + CHAIN_ID);
    }
  }

  private void checkAccounts() {
    List<String> accounts;
    try {
      accounts = web3j.ethAccounts().send().getAccounts();
    } catch (IOException e) {
      throw process.failure("eth_accounts failed: " + e.getMessage());
    }
    for (int i = 0; i < DevAccounts.COUNT; i++) {
      String expected = DevAccounts.credentials(i).getAddress();
      if (accounts == null
          || accounts.size() <= i
          || !accounts.get(i).toLowerCase(Locale.ROOT).equals(expected)) {
        throw process.failure(
            "anvil's accounts " + accounts + " are not the development accounts " + expected);
      }
    }
  }

  private <T, R extends Response<T>> T call(String method, List<?> params, Class<R> type) {
    HttpService service;
    synchronized (this) {
      requireStarted();
      service = http;
    }
    try {
      R response = new Request<>(method, params, service, type).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
      }
      return response.getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " failed at " + service.getUrl(), e);
    }
  }

  private void stopProcess() {
    if (web3j != null) {
      web3j.shutdown();
      web3j = null;
      http = null;
    }
    if (process != null) {
      process.close();
      process = null;
    }
  }

  private synchronized void requireStarted() {
    if (process == null) {
      throw new IllegalStateException("anvil is not running: call ensureStarted() first");
    }
  }

  private static Path logDirectory() {
    return Path.of("target", "anvil").toAbsolutePath();
  }

  /** JSON-RPC response with a string result. */
  public static final class StringResponse extends Response<String> {}

  /** JSON-RPC response with a boolean result. */
  public static final class BooleanResponse extends Response<Boolean> {}

  /** JSON-RPC response with a numeric result. */
  public static final class NumberResponse extends Response<Object> {}
}
