package io.paraseq.bench.load;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run against one target: read its chain id, fund the senders from the development accounts
 * (batched transfers, waiting for their inclusion), sign the measured transfers, then send them and
 * time their inclusion. Everything before the measured phase happens before its clock starts.
 * Progress goes to {@code log}, one line every {@value #PROGRESS_SECONDS} s. Used by one thread.
 */
final class LoadRun {

  static final long PROGRESS_SECONDS = 2;

  /** How long inclusion may stall before the funding phase nudges the target. */
  static final long NUDGE_AFTER_MS = 1000;

  /** Share of the dev accounts' balance the senders may get; the rest pays the funding fees. */
  private static final int FUNDING_PERCENT = 90;

  private static final int NONCE_QUERIES_PER_REQUEST = 500;
  private static final int METHOD_NOT_FOUND = -32601;

  /** How often the batcher's meters are read with {@code --batcher}. */
  static final Duration BATCHER_SAMPLE_INTERVAL = Duration.ofMillis(250);

  private final LoadOptions options;
  private final PrintStream log;
  private boolean notedMissingNonces;

  /** A run with {@code options}, reporting progress to {@code log}. */
  LoadRun(LoadOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  /**
   * Runs the whole workload against the node at {@code url}.
   *
   * @param name the target's name in the report
   * @throws RpcException if the target fails or funding does not complete
   */
  RunResult run(String name, URI url) {
    try (RpcClient rpc = new RpcClient(url, options.timeout())) {
      long chainId = RpcClient.quantity(rpc.result("eth_chainId", "[]"));
      log("%s: %s, chain id %d", name, url, chainId);
      List<Account> senders = SenderKeys.derive(options.seed(), options.senders());
      fund(name, rpc, ChainId.of(chainId), senders);
      warmUp(name, rpc, ChainId.of(chainId), senders);
      Optional<BatcherSampler> batcher = Optional.empty();
      try {
        if (options.batcher()) {
          batcher = Optional.of(startBatcher(name, rpc, url));
        }
        RunResult result = measure(name, rpc, chainId, senders, batcher);
        log(
            "%s: done: accepted %,d, included %,d, end-to-end %.0f tx/s",
            name, result.submit().accepted(), result.included(), result.endToEndTps());
        return result;
      } finally {
        batcher.ifPresent(BatcherSampler::stop);
      }
    }
  }

  /** Signs the measured transfers, sends them and times them; with a batcher, reports on it. */
  private RunResult measure(
      String name,
      RpcClient rpc,
      long chainId,
      List<Account> senders,
      Optional<BatcherSampler> batcher) {
    long signStart = System.nanoTime();
    NoncePlan plan =
        NoncePlan.of(options.transactions(), nextNonces(rpc, senders), options.concurrency());
    Workload workload = transfers(plan, senders, 0, ChainId.of(chainId));
    log(
        "%s: signed %,d transfers of %,d senders in %.1f s; measuring (%s, %d lanes, batches of %d)",
        name,
        workload.size(),
        plan.senders(),
        seconds(System.nanoTime() - signStart),
        options.schedule().describe(),
        plan.lanes(),
        options.batchSize());

    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    Phase phase = execute(name, rpc, workload, options.schedule(), () -> false);
    double cpuSeconds = seconds(processCpuNanos() - cpuBefore);
    RunResult result =
        RunResult.of(
            name,
            chainId,
            options.schedule().describe(),
            options.senders(),
            phase.times(),
            phase.submit(),
            phase.blocks(),
            cpuSeconds);
    if (batcher.isEmpty()) {
      return result;
    }
    long lastInclusion = phase.times().lastIncluded();
    if (lastInclusion == TxTimes.UNSET) {
      log("%s: no transfer was included: no batcher report", name);
      return result;
    }
    long lastBlock = phase.blocks().lastWorkloadBlock();
    awaitConfirmed(name, batcher.get(), lastBlock, "the run's last block " + lastBlock);
    BatcherReport report =
        BatcherReport.of(batcher.get().stop(), start, lastInclusion, lastBlock, result.included());
    return result.withBatcher(report);
  }

  /**
   * Starts sampling the node's batcher meters and waits until every block so far (funding and
   * warm-up) is in a confirmed batch, so the measured run's batches start from a clean slate.
   *
   * @throws RpcException if the node runs no batcher, or its batcher halts or stalls
   */
  private BatcherSampler startBatcher(String name, RpcClient rpc, URI url) {
    MetricsClient metrics = new MetricsClient(url, options.timeout());
    BatcherSampler sampler =
        new BatcherSampler(() -> BatcherSnapshot.of(metrics.read()), BATCHER_SAMPLE_INTERVAL);
    sampler.start();
    try {
      long head = RpcClient.quantity(rpc.result("eth_blockNumber", "[]"));
      log(
          "%s: batcher metrics at %s; waiting until blocks 1..%d are in confirmed batches",
          name, metrics.url(), head);
      long waitStart = System.nanoTime();
      if (!awaitConfirmed(name, sampler, head, "the blocks before the run")) {
        throw new RpcException("the batcher did not confirm the blocks before the measured run");
      }
      log(
          "%s: blocks 1..%d confirmed on L1 after %.1f s",
          name, head, seconds(System.nanoTime() - waitStart));
      return sampler;
    } catch (RuntimeException e) {
      try {
        sampler.stop();
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  /**
   * Waits until the batcher's {@code paraseq_batcher_confirmed_block} reaches {@code block}.
   *
   * @return false if it did not move for {@code --timeout}
   * @throws RpcException if the batcher halted
   */
  private boolean awaitConfirmed(String name, BatcherSampler sampler, long block, String what) {
    long confirmed = -1;
    long lastChange = System.nanoTime();
    while (true) {
      BatcherSnapshot now = sampler.latest().snapshot();
      if (now.halted()) {
        throw new RpcException(
            "the node's batcher halted (paraseq_batcher_halted = 1); see its log");
      }
      if (now.confirmedBlock() >= block) {
        return true;
      }
      if (now.confirmedBlock() != confirmed) {
        confirmed = now.confirmedBlock();
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > options.timeout().toNanos()) {
        log(
            "%s: the batcher confirmed nothing past block %d in %d s while waiting for %s",
            name, confirmed, options.timeout().toSeconds(), what);
        return false;
      }
      try {
        Thread.sleep(BATCHER_SAMPLE_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted while waiting for the batcher", e);
      }
    }
  }

  /**
   * The transfers of {@code plan}: transfer {@code i} goes to the recipient of index {@code
   * firstRecipient + i}, so the warm-up and the measured run pay different fresh addresses.
   */
  private Workload transfers(
      NoncePlan plan, List<Account> senders, int firstRecipient, ChainId chainId) {
    return Workload.sign(
        plan,
        senders,
        i -> Recipients.of(options.seed(), firstRecipient + i),
        Wei.of(options.valueWei()),
        options.fees(),
        chainId);
  }

  /**
   * The warm-up: {@code --warmup} transfers from the same senders, sent as the measured run sends
   * them and waited for, before its clock starts. Setup, like funding: a stalled anvil is nudged.
   */
  private void warmUp(String name, RpcClient rpc, ChainId chainId, List<Account> senders) {
    if (options.warmup() == 0) {
      return;
    }
    NoncePlan plan =
        NoncePlan.of(options.warmup(), nextNonces(rpc, senders), options.concurrency());
    Workload warmup = transfers(plan, senders, options.transactions(), chainId);
    long start = System.nanoTime();
    Phase phase = execute(name + " warm-up", rpc, warmup, options.schedule(), new MineNudge(rpc));
    log(
        "%s: warmed up with %,d transfers (%,d included) in %.1f s, not measured",
        name, warmup.size(), phase.included(), seconds(System.nanoTime() - start));
  }

  /** The funding transfers: dev account {@code j mod 10} pays sender {@code j}. */
  private void fund(String name, RpcClient rpc, ChainId chainId, List<Account> senders) {
    List<Account> devs = DevKeys.accounts();
    BigInteger perSender = fundingPerSender();
    log(
        "%s: funding %,d senders with %s ETH each from the %d dev accounts",
        name, senders.size(), ether(perSender), devs.size());
    NoncePlan plan = NoncePlan.of(senders.size(), nextNonces(rpc, devs), options.concurrency());
    Workload funding =
        Workload.sign(
            plan, devs, i -> senders.get(i).address(), Wei.of(perSender), options.fees(), chainId);
    long start = System.nanoTime();
    Phase phase =
        execute(name + " funding", rpc, funding, new Schedule.ClosedLoop(), new MineNudge(rpc));
    if (phase.included() < senders.size()) {
      throw new RpcException(
          "funding incomplete: "
              + phase.included()
              + " of "
              + senders.size()
              + " transfers included; refused: "
              + phase.submit().rejected());
    }
    log(
        "%s: funded in %.1f s (%d blocks)",
        name, seconds(System.nanoTime() - start), phase.blocks().blocks());
  }

  /**
   * What each sender gets: enough for all its transfers at the full fee cap (so no base fee rise
   * can make a sender run dry), unless that exceeds {@value #FUNDING_PERCENT} % of what the dev
   * accounts hold, in which case they share that.
   */
  private BigInteger fundingPerSender() {
    int transfers = options.transactions() + options.warmup();
    int perSender = (transfers + options.senders() - 1) / options.senders();
    BigInteger need =
        options.fees().maxCost(Wei.of(options.valueWei())).multiply(BigInteger.valueOf(perSender));
    BigInteger budget =
        DevAccounts.BALANCE
            .value()
            .multiply(BigInteger.valueOf(DevAccounts.ADDRESSES.size() * FUNDING_PERCENT))
            .divide(BigInteger.valueOf(100L * options.senders()));
    if (need.compareTo(budget) > 0) {
      log(
          "note: %d transfers per sender at the full fee cap would need %s ETH per sender; giving"
              + " %s ETH (enough unless the base fee nears the cap)",
          perSender, ether(need), ether(budget));
      return budget;
    }
    return need;
  }

  /**
   * The next nonce of each account ({@code eth_getTransactionCount(address, "pending")}, batched);
   * all zero, with a note, if the target does not serve that method (a fresh chain is assumed).
   */
  private long[] nextNonces(RpcClient rpc, List<Account> accounts) {
    long[] nonces = new long[accounts.size()];
    for (int from = 0; from < accounts.size(); from += NONCE_QUERIES_PER_REQUEST) {
      int to = Math.min(accounts.size(), from + NONCE_QUERIES_PER_REQUEST);
      StringBuilder body = new StringBuilder("[");
      for (int i = from; i < to; i++) {
        body.append(i > from ? "," : "")
            .append("{\"jsonrpc\":\"2.0\",\"id\":")
            .append(i)
            .append(",\"method\":\"eth_getTransactionCount\",\"params\":[\"")
            .append(accounts.get(i).address().toLowerHex())
            .append("\",\"pending\"]}");
      }
      for (RpcReply reply : rpc.batch(body.append(']').toString())) {
        switch (reply) {
          case RpcReply.Ok ok -> nonces[(int) ok.id()] = RpcClient.quantity(ok.result());
          case RpcReply.Err err when err.code() == METHOD_NOT_FOUND -> {
            log(
                "note: %s has no eth_getTransactionCount; assuming a fresh chain (nonces 0)",
                rpc.url());
            return new long[accounts.size()];
          }
          case RpcReply.Err err ->
              throw new RpcException(
                  "eth_getTransactionCount failed: " + err.code() + " " + err.message());
        }
      }
    }
    return nonces;
  }

  /**
   * Sends {@code workload} and follows blocks until all accepted transactions are included.
   *
   * @param nudge called when inclusion stalls for {@value #NUDGE_AFTER_MS} ms; returns whether it
   *     did anything (and may be called again)
   */
  private Phase execute(
      String name, RpcClient rpc, Workload workload, Schedule schedule, Nudge nudge) {
    long head = RpcClient.quantity(rpc.result("eth_blockNumber", "[]"));
    TxTimes times = new TxTimes(workload.size());
    BlockFollower follower = new BlockFollower(rpc, workload, times, head, options.poll());
    Submitter submitter =
        new Submitter(rpc, workload, schedule, options.batchSize(), options.timeout(), times);
    ScheduledExecutorService progress =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("load-progress").daemon().unstarted(r));
    progress.scheduleAtFixedRate(
        () ->
            log(
                "%s: accepted %,d, included %,d of %,d",
                name, submitter.accepted(), follower.included(), workload.size()),
        PROGRESS_SECONDS,
        PROGRESS_SECONDS,
        TimeUnit.SECONDS);
    follower.start();
    SubmitStats submit;
    try {
      submit = submitter.run(System.nanoTime());
      awaitInclusion(name, follower, submit.accepted(), nudge);
    } catch (RuntimeException e) {
      try {
        follower.stop();
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    } finally {
      progress.shutdownNow();
    }
    return new Phase(times, submit, follower.stop());
  }

  /** Waits until {@code accepted} transactions are included, or nothing moves for the timeout. */
  private void awaitInclusion(String name, BlockFollower follower, long accepted, Nudge nudge) {
    int seen = follower.included();
    long lastChange = System.nanoTime();
    long lastNudge = lastChange;
    while (seen < accepted && !follower.failed()) {
      long now = System.nanoTime();
      if (now - Math.max(lastChange, lastNudge) > TimeUnit.MILLISECONDS.toNanos(NUDGE_AFTER_MS)
          && nudge.nudge()) {
        lastNudge = now;
        log(
            "%s: inclusion stalled with %,d pending; mined a block by evm_mine",
            name, accepted - seen);
      }
      if (now - lastChange > options.timeout().toNanos()) {
        log(
            "%s: %,d accepted transactions not included after %d s without progress; stopping",
            name, accepted - seen, options.timeout().toSeconds());
        return;
      }
      try {
        Thread.sleep(options.poll());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException("interrupted while waiting for inclusion", e);
      }
      int included = follower.included();
      if (included != seen) {
        seen = included;
        lastChange = System.nanoTime();
      }
    }
  }

  /** What to do when inclusion stalls. */
  @FunctionalInterface
  private interface Nudge {
    /** Tries to get stalled transactions included; whether it did anything. */
    boolean nudge();
  }

  /**
   * Setup only (the funding phase, never the measured one): anvil 1.7's automine can leave ready
   * transactions unmined under concurrent submission (foundry-rs/foundry#10122); {@code evm_mine}
   * mines them. A target without {@code evm_mine} (Paraseq) answers an error once and is then left
   * alone.
   */
  private static final class MineNudge implements Nudge {
    private final RpcClient rpc;
    private boolean supported = true;

    MineNudge(RpcClient rpc) {
      this.rpc = rpc;
    }

    @Override
    public boolean nudge() {
      if (supported && rpc.call("evm_mine", "[]") instanceof RpcReply.Err) {
        supported = false;
      }
      return supported;
    }
  }

  /** What one phase recorded. */
  private record Phase(TxTimes times, SubmitStats submit, BlockStats blocks) {
    long included() {
      long n = 0;
      for (int i = 0; i < times.size(); i++) {
        n += times.included(i) != TxTimes.UNSET ? 1 : 0;
      }
      return n;
    }
  }

  private void log(String format, Object... args) {
    log.println("[load] " + String.format(Locale.ROOT, format, args));
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String ether(BigInteger wei) {
    return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
  }
}
