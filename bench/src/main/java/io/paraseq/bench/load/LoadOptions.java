package io.paraseq.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load generator's command line, validated.
 *
 * @param target which nodes to measure
 * @param rpcUrl the Paraseq node's JSON-RPC endpoint (required unless the target is anvil only)
 * @param senders sender accounts
 * @param transactions transfers in the measured run
 * @param warmup transfers sent and included before the measured run (not measured): a fresh node's
 *     JIT compilers take about a fifth of the CPU in its first seconds
 * @param concurrency lanes, i.e. concurrent HTTP connections sending transactions
 * @param batchSize most calls per JSON-RPC batch
 * @param rate offered transactions per second (open loop), empty for a closed loop
 * @param seed the seed of the sender keys and recipients
 * @param fees the fees of every transfer
 * @param valueWei the value of every transfer
 * @param anvilBinary the anvil executable (required when anvil is measured)
 * @param anvilArgs extra anvil options (e.g. {@code --block-time 1})
 * @param logDirectory where anvil's log goes
 * @param timeout how long to wait without progress: for a reply, for inclusions, under
 *     back-pressure
 * @param poll the pause between two {@code eth_blockNumber} polls
 * @param batcher whether to sample the Paraseq node's batcher metrics ({@code /actuator/prometheus}
 *     next to {@code --rpc-url}) and report the posting lag, batches, bytes and L1 gas
 */
record LoadOptions(
    Target target,
    Optional<URI> rpcUrl,
    int senders,
    int transactions,
    int warmup,
    int concurrency,
    int batchSize,
    Optional<Double> rate,
    long seed,
    Fees fees,
    long valueWei,
    Optional<Path> anvilBinary,
    List<String> anvilArgs,
    Path logDirectory,
    Duration timeout,
    Duration poll,
    boolean batcher) {

  /** Transfers of the warm-up phase unless {@code --warmup} says otherwise. */
  static final int DEFAULT_WARMUP = 10_000;

  /** The usage text, every option with its default. */
  static final String USAGE =
      """
      Usage: ./paraseq bench load [options]
        (or java -cp bench/target/benchmarks.jar io.paraseq.bench.load.LoadMain [options])

        --target paraseq|anvil|both  what to measure (default paraseq); both: Paraseq, then a fresh
                                     anvil with the same workload, side by side with the ratio
        --rpc-url URL                the Paraseq node (./paraseq bench load starts one and sets it)
        --senders N                  sender accounts, funded from the dev accounts (default 1000)
        --txs M                      transfers in the measured run (default 100000)
        --warmup W                   transfers sent and included first, not measured, so both
                                     targets are measured warm (default 10000; 0: none)
        --concurrency C              concurrent connections (lanes) sending (default 8)
        --batch-size B               calls per JSON-RPC batch (default 100)
        --rate R                     open loop at R tx/s (default: closed loop, as fast as accepted)
        --seed S                     seed of sender keys and recipients (default 1)
        --max-fee-gwei F             fee cap of every transfer, gwei (default 10000)
        --tip-gwei T                 priority fee of every transfer, gwei (default 1)
        --value-wei V                value of every transfer, wei (default 1)
        --anvil-bin PATH             anvil executable (default $PARASEQ_ANVIL_BIN)
        --anvil-args "ARGS"          extra anvil options, e.g. "--block-time 1" (default none:
                                     anvil's automine)
        --log-dir DIR                where anvil's log goes (default .bench)
        --timeout SECONDS            give up waiting after this long without progress: for a reply,
                                     for inclusions, under back-pressure (default 60)
        --poll-ms MS                 eth_blockNumber polling interval (default 10)
        --batcher                    the node runs its batcher: ./paraseq bench load starts a fresh
                                     anvil L1 and Rollup for it; the generator samples the node's
                                     batcher metrics and reports the posting lag under load, the
                                     time until every block is in a confirmed batch, batches,
                                     bytes and L1 gas per transfer (Paraseq only)
        -h, --help                   this text
      """;

  /**
   * Parses {@code args}; {@code --name value} and {@code --name=value} both work.
   *
   * @param environment the process environment ({@code PARASEQ_ANVIL_BIN})
   * @throws UsageException naming the wrong or missing option
   */
  static LoadOptions parse(List<String> args, Map<String, String> environment)
      throws UsageException {
    Target target = Target.PARASEQ;
    Optional<URI> rpcUrl = Optional.empty();
    int senders = 1000;
    int transactions = 100_000;
    int warmup = DEFAULT_WARMUP;
    int concurrency = 8;
    int batchSize = 100;
    Optional<Double> rate = Optional.empty();
    long seed = 1;
    long maxFeeGwei = 10_000;
    long tipGwei = 1;
    long valueWei = 1;
    Optional<Path> anvilBinary =
        Optional.ofNullable(environment.get("PARASEQ_ANVIL_BIN"))
            .filter(s -> !s.isBlank())
            .map(Path::of);
    List<String> anvilArgs = List.of();
    Path logDirectory = Path.of(".bench");
    long timeoutSeconds = 60;
    long pollMs = 10;
    boolean batcher = false;

    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      String name = arg;
      Optional<String> inline = Optional.empty();
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        inline = Optional.of(arg.substring(eq + 1));
      }
      if (name.equals("-h") || name.equals("--help")) {
        throw new UsageException("");
      }
      if (!name.startsWith("--")) {
        throw new UsageException("unexpected argument: " + arg);
      }
      if (name.equals("--batcher")) {
        if (inline.isPresent()) {
          throw new UsageException("--batcher takes no value: " + arg);
        }
        batcher = true;
        continue;
      }
      if (inline.isEmpty() && rest.isEmpty()) {
        throw new UsageException(name + " needs a value");
      }
      String value = inline.orElseGet(() -> rest.remove(0));
      switch (name) {
        case "--target" -> target = target(value);
        case "--rpc-url" -> rpcUrl = Optional.of(uri(value));
        case "--senders" -> senders = (int) number(name, value, 1, 10_000_000);
        case "--txs" -> transactions = (int) number(name, value, 1, 100_000_000);
        case "--warmup" -> warmup = (int) number(name, value, 0, 100_000_000);
        case "--concurrency" -> concurrency = (int) number(name, value, 1, 1024);
        case "--batch-size" -> batchSize = (int) number(name, value, 1, 100_000);
        case "--rate" -> rate = Optional.of(rate(value));
        case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--max-fee-gwei" -> maxFeeGwei = number(name, value, 1, 1_000_000_000);
        case "--tip-gwei" -> tipGwei = number(name, value, 0, 1_000_000_000);
        case "--value-wei" -> valueWei = number(name, value, 0, Long.MAX_VALUE);
        case "--anvil-bin" -> anvilBinary = Optional.of(Path.of(value));
        case "--anvil-args" ->
            anvilArgs =
                Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        case "--log-dir" -> logDirectory = Path.of(value);
        case "--timeout" -> timeoutSeconds = number(name, value, 1, 86_400);
        case "--poll-ms" -> pollMs = number(name, value, 1, 10_000);
        default -> throw new UsageException("unknown option: " + name);
      }
    }
    if (tipGwei > maxFeeGwei) {
      throw new UsageException("--tip-gwei " + tipGwei + " is above --max-fee-gwei " + maxFeeGwei);
    }
    if (target.paraseq() && rpcUrl.isEmpty()) {
      throw new UsageException("--target " + name(target) + " needs --rpc-url of the Paraseq node");
    }
    if (batcher && !target.paraseq()) {
      throw new UsageException(
          "--batcher measures the Paraseq node's batcher: not with --target anvil");
    }
    if (target.anvil() && anvilBinary.isEmpty()) {
      throw new UsageException(
          "--target " + name(target) + " needs --anvil-bin (or PARASEQ_ANVIL_BIN)");
    }
    return new LoadOptions(
        target,
        rpcUrl,
        senders,
        transactions,
        warmup,
        concurrency,
        batchSize,
        rate,
        seed,
        Fees.ofGwei(maxFeeGwei, tipGwei),
        valueWei,
        anvilBinary,
        anvilArgs,
        logDirectory,
        Duration.ofSeconds(timeoutSeconds),
        Duration.ofMillis(pollMs),
        batcher);
  }

  /** The schedule the options ask for. */
  Schedule schedule() {
    return rate.<Schedule>map(Schedule.OpenLoop::new).orElseGet(Schedule.ClosedLoop::new);
  }

  /** The lower-case name of {@code target} as written on the command line. */
  static String name(Target target) {
    return target.name().toLowerCase(Locale.ROOT);
  }

  private static Target target(String value) throws UsageException {
    for (Target t : Target.values()) {
      if (name(t).equals(value)) {
        return t;
      }
    }
    throw new UsageException("--target must be paraseq, anvil or both: " + value);
  }

  private static URI uri(String value) throws UsageException {
    try {
      URI uri = URI.create(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new UsageException("--rpc-url must be an http(s) URL: " + value);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--rpc-url is not a URL: " + value);
    }
  }

  private static long number(String name, String value, long min, long max) throws UsageException {
    long parsed;
    try {
      parsed = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number: " + value);
    }
    if (parsed < min || parsed > max) {
      throw new UsageException(name + " must be in [" + min + ", " + max + "]: " + value);
    }
    return parsed;
  }

  private static double rate(String value) throws UsageException {
    try {
      double parsed = Double.parseDouble(value);
      if (parsed > 0 && !Double.isInfinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--rate must be a positive number of tx/s: " + value);
  }
}
