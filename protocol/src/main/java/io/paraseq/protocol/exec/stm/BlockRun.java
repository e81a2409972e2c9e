package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.BlockExecutionBuilder;
import io.paraseq.protocol.exec.FinalWrites;
import io.paraseq.protocol.exec.TransactionOutcome;
import io.paraseq.protocol.exec.TransactionProcessor;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountChange;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One block under Block-STM: its {@link MVMemory} and {@link Scheduler}, the workers' loop
 * (Gelashvili et al., Algorithm 1: run, try_execute, needs_reexecution) and the assembly of the
 * result once every worker is done.
 *
 * <p>Any number of threads call {@link #work()} at once; {@link #result()} is called once, after
 * every call of {@link #work()} has returned (the joins order it after all their writes).
 *
 * <p>A {@link RuntimeException} thrown by {@link TransactionProcessor} is the incarnation's
 * outcome, not a failure of the block: an incarnation may have read an inconsistent mix of
 * versions, which its validation will catch. Only when the exception is the outcome of a
 * transaction's final incarnation does {@link #result()} throw it: the lowest such transaction's,
 * as the sequential executor would. Anything else that goes wrong in a worker stops the block at
 * once ({@link Scheduler#fail}) and {@link #result()} throws it.
 */
final class BlockRun {

  /** Transactions per part of the diff (the parts split the addresses), at most MAX_DIFF_PARTS. */
  private static final int TXS_PER_DIFF_PART = 512;

  private static final int MAX_DIFF_PARTS = 8;

  /** Transactions per share whose final values one worker collects for the parts of the diff. */
  private static final int TXS_PER_COLLECTION = 1024;

  private final List<VerifiedTransaction> transactions;
  private final TransactionProcessor processor;
  private final StateView base;
  private final MVMemory memory;
  private final Scheduler scheduler;
  private final AtomicReferenceArray<Object> outcomes;
  private final LongAdder executions = new LongAdder();
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicLong conflictsAtLastLook = new AtomicLong();
  private final AtomicInteger hotWindows = new AtomicInteger();
  private final ContentionFallback contention;
  private final LongAdder reexecutions = new LongAdder();
  private final Address feeRecipient;
  private final int diffPartCount;
  private final int collectionCount;
  private final AtomicInteger nextFinishTask = new AtomicInteger();
  private final AtomicInteger collected = new AtomicInteger();
  private final AtomicReferenceArray<Share> collections;
  private final AtomicReferenceArray<Object> shareResults;
  private final AtomicReferenceArray<StateDiff> diffParts;
  private volatile Optional<Account> finalFeeRecipient;

  BlockRun(
      TransactionProcessor processor,
      List<VerifiedTransaction> transactions,
      StateView base,
      Address feeRecipient,
      ContentionFallback contention) {
    this.transactions = List.copyOf(transactions);
    this.contention = contention;
    this.processor = processor;
    this.base = base;
    this.memory = new MVMemory(this.transactions.size(), base, feeRecipient);
    this.scheduler = new Scheduler(this.transactions.size());
    this.outcomes = new AtomicReferenceArray<>(this.transactions.size());
    this.feeRecipient = feeRecipient;
    this.diffPartCount =
        Math.clamp(this.transactions.size() / TXS_PER_DIFF_PART, 1, MAX_DIFF_PARTS);
    this.diffParts = new AtomicReferenceArray<>(diffPartCount);
    this.collectionCount =
        Math.max(1, (this.transactions.size() + TXS_PER_COLLECTION - 1) / TXS_PER_COLLECTION);
    this.collections = new AtomicReferenceArray<>(collectionCount);
    this.shareResults = new AtomicReferenceArray<>(collectionCount);
  }

  /**
   * One worker: takes and runs tasks until the block is done or has failed, then, unless it has
   * failed, builds parts of the diff until none is left. Never throws.
   */
  void work() {
    try {
      IncarnationView view = new IncarnationView(memory);
      Optional<Task> task = Optional.empty();
      while (!scheduler.done()) {
        if (task.isPresent()) {
          Version version = task.get().version();
          task =
              switch (task.get().kind()) {
                case EXECUTION -> tryExecute(version, view);
                case VALIDATION -> needsReexecution(version);
              };
        } else {
          task = scheduler.nextTask();
          if (task.isEmpty()) {
            scheduler.awaitWork();
          }
        }
      }
      if (scheduler.failure().isEmpty() && !scheduler.abandoned()) {
        buildDiffParts();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scheduler.fail(new IllegalStateException("Block-STM worker interrupted", e));
    } catch (Throwable t) {
      scheduler.fail(t);
    }
  }

  /**
   * Whether the block was abandoned by the {@link ContentionFallback} (and did not fail): it has no
   * result, the caller runs it another way.
   */
  boolean abandoned() {
    return scheduler.abandoned() && scheduler.failure().isEmpty();
  }

  /** Stops the block because of {@code cause}; {@link #result()} then throws it. */
  void stop(Throwable cause) {
    scheduler.fail(cause);
  }

  /**
   * The block's execution: outcomes in block order and the diff of the final values.
   *
   * @throws RuntimeException the failure that stopped a worker, or the exception of the lowest
   *     transaction whose final incarnation threw
   */
  BlockExecution result() {
    Optional<Throwable> failure = scheduler.failure();
    if (failure.isPresent()) {
      throw rethrowable(failure.get());
    }
    List<BlockExecutionBuilder> shares = new ArrayList<>(collectionCount);
    for (int share = 0; share < collectionCount; share++) {
      switch (shareResults.get(share)) {
        case BlockExecutionBuilder builder -> shares.add(builder);
        case RuntimeException thrown -> throw thrown;
        case null, default ->
            throw new IllegalStateException("share " + share + " of the receipts is missing");
      }
    }
    TreeMap<Address, AccountChange> changes = new TreeMap<>();
    for (int part = 0; part < diffPartCount; part++) {
      StateDiff diff = diffParts.get(part);
      if (diff == null) {
        throw new IllegalStateException("part " + part + " of the diff is missing");
      }
      changes.putAll(diff.changes()); // the parts' address ranges ascend and are disjoint
    }
    return BlockExecutionBuilder.concat(shares, new StateDiff(changes));
  }

  /**
   * Builds the diff and the receipts together with the other workers, in two steps of tasks taken
   * until none is left. First each share of the transactions: the final values of the locations its
   * transactions wrote last, sorted into the parts of the diff, and the gas its transactions used.
   * Then, once every share is collected, each part of the diff with {@link FinalWrites}: part
   * {@code p} of {@code P} covers the addresses whose first byte {@code b} has {@code b * P / 256
   * == p} (a range of addresses, so the parts concatenate in address order; an account and its
   * slots are in the same part), and the fee recipient's account is in its part; and each share's
   * receipts, its cumulative gas counted on from the shares before it. {@link #result()} only
   * concatenates. Only once the block is done.
   */
  private void buildDiffParts() {
    int size = transactions.size();
    int tasks = 2 * collectionCount + diffPartCount;
    for (int task = nextFinishTask.getAndIncrement();
        task < tasks;
        task = nextFinishTask.getAndIncrement()) {
      if (task < collectionCount) {
        collect(task, size);
        continue;
      }
      // every share is taken, so the threads collecting the rest are running: a short wait
      while (collected.get() < collectionCount) {
        if (scheduler.failure().isPresent()) {
          return;
        }
        Thread.onSpinWait();
      }
      if (task < collectionCount + diffPartCount) {
        buildDiffPart(task - collectionCount);
      } else {
        buildReceipts(task - collectionCount - diffPartCount, size);
      }
    }
  }

  /** Collects share {@code share}: its final values by part of the diff, and its gas. */
  private void collect(int share, int size) {
    FinalValues[] byPart = new FinalValues[diffPartCount];
    Arrays.setAll(byPart, p -> new FinalValues());
    long gas = 0;
    int end = Math.min(size, (share + 1) * TXS_PER_COLLECTION);
    for (int tx = share * TXS_PER_COLLECTION; tx < end; tx++) {
      memory.forEachFinalWrittenBy(
          tx, (key, value) -> byPart[diffPart(key.address())].add(key, value));
      if (outcomes.get(tx) instanceof TransactionOutcome.Included included) {
        gas += included.gasUsed();
      }
    }
    collections.set(share, new Share(byPart, gas));
    collected.incrementAndGet();
  }

  /** Builds part {@code part} of the diff from every share's final values in it. */
  private void buildDiffPart(int part) {
    Map<Address, Account> accounts = new HashMap<>();
    Map<StateKey.StorageKey, Word> slots = new HashMap<>();
    for (int share = 0; share < collectionCount; share++) {
      FinalValues values = collections.get(share).byPart()[part];
      for (int i = 0; i < values.keys.size(); i++) {
        switch (values.keys.get(i)) {
          case StateKey.AccountKey account ->
              accounts.put(account.address(), (Account) values.values.get(i));
          case StateKey.StorageKey slot -> slots.put(slot, (Word) values.values.get(i));
        }
      }
    }
    if (diffPart(feeRecipient) == part) {
      finalFeeRecipient().ifPresent(fee -> accounts.put(feeRecipient, fee));
    }
    // a slot's account, if written, is in this part too: the slot rule needs no other part
    diffParts.set(part, FinalWrites.toDiff(accounts, slots, base));
  }

  /**
   * Builds the receipts of share {@code share}, its first cumulative gas counted on from the gas of
   * the shares before it; or keeps the exception of its lowest transaction whose final incarnation
   * threw.
   */
  private void buildReceipts(int share, int size) {
    long gasBefore = 0;
    for (int earlier = 0; earlier < share; earlier++) {
      gasBefore += collections.get(earlier).gas();
    }
    BlockExecutionBuilder builder = new BlockExecutionBuilder(gasBefore);
    int end = Math.min(size, (share + 1) * TXS_PER_COLLECTION);
    for (int tx = share * TXS_PER_COLLECTION; tx < end; tx++) {
      switch (outcomes.get(tx)) {
        case TransactionOutcome outcome -> builder.add(transactions.get(tx), outcome);
        case RuntimeException thrown -> {
          shareResults.set(share, thrown);
          return;
        }
        case null, default -> {
          shareResults.set(
              share, new IllegalStateException("transaction " + tx + " has no outcome"));
          return;
        }
      }
    }
    shareResults.set(share, builder);
  }

  /** One share's final values by part of the diff, and the gas its transactions used. */
  private record Share(FinalValues[] byPart, long gas) {}

  /** Final values of one share of the transactions in one part of the diff. */
  private static final class FinalValues {
    private final ArrayList<StateKey> keys = new ArrayList<>();
    private final ArrayList<Object> values = new ArrayList<>();

    void add(StateKey key, Object value) {
      keys.add(key);
      values.add(value);
    }
  }

  /** The part of the diff that holds {@code address}. */
  private int diffPart(Address address) {
    return (address.bytes().get(0) & 0xff) * diffPartCount >> 8;
  }

  /** The fee recipient's final account, computed once (any thread may, with the same result). */
  private Optional<Account> finalFeeRecipient() {
    Optional<Account> fee = finalFeeRecipient;
    if (fee == null) {
      fee = memory.finalFeeRecipient();
      finalFeeRecipient = fee;
    }
    return fee;
  }

  /** The block's counts, for {@code threads} workers. */
  BlockStmStats stats(int threads) {
    return new BlockStmStats(
        transactions.size(),
        threads,
        executions.sum(),
        reexecutions.sum(),
        scheduler.validationAborts(),
        scheduler.suspensions(),
        BlockStmStats.Route.PARALLEL,
        abandoned());
  }

  /**
   * Runs {@code version} (try_execute). If a read meets an ESTIMATE, suspends the transaction on
   * its writer, or runs the same incarnation again when that writer has meanwhile executed. {@code
   * view} is the worker's own, reused for each incarnation.
   */
  private Optional<Task> tryExecute(Version version, IncarnationView view) {
    int tx = version.txIndex();
    while (true) {
      view.begin(tx);
      Object outcome;
      try {
        outcome = processor.process(transactions.get(tx), view);
      } catch (ReadBlockedException blocked) {
        outcome = null;
      } catch (RuntimeException thrown) {
        outcome = thrown;
      }
      OptionalInt blockedOn = view.blockedOn();
      if (blockedOn.isPresent()) {
        if (scheduler.addDependency(tx, blockedOn.getAsInt())) {
          return Optional.empty();
        }
        continue;
      }
      executions.increment();
      if (version.incarnation() > 0) {
        reexecutions.increment();
      }
      outcomes.set(tx, outcome);
      boolean wroteNewLocation =
          memory.record(
              version,
              view.reads(),
              outcome instanceof RuntimeException ? MVMemory.NO_WRITES : view.writes());
      Optional<Task> next = scheduler.finishExecution(tx, version.incarnation(), wroteNewLocation);
      int executed = recorded.incrementAndGet();
      if (contention.looksAt(executed)) {
        long conflicts = reexecutions.sum() + scheduler.suspensions();
        boolean hot = contention.hot(conflicts - conflictsAtLastLook.getAndSet(conflicts));
        int streak = hot ? hotWindows.incrementAndGet() : 0;
        if (!hot) {
          hotWindows.set(0);
        }
        if (contention.abandons(transactions.size(), executed, streak)) {
          scheduler.abandon();
          return Optional.empty();
        }
      }
      return next;
    }
  }

  /** Validates {@code version}'s reads; on a change aborts it (needs_reexecution). */
  private Optional<Task> needsReexecution(Version version) {
    int tx = version.txIndex();
    boolean aborted =
        !memory.validateReadSet(tx) && scheduler.tryValidationAbort(tx, version.incarnation());
    if (aborted) {
      memory.convertWritesToEstimates(tx);
    }
    return scheduler.finishValidation(tx, aborted);
  }

  private static RuntimeException rethrowable(Throwable failure) {
    return switch (failure) {
      case RuntimeException runtime -> runtime;
      case Error error -> throw error;
      default -> new IllegalStateException("Block-STM worker failed", failure);
    };
  }
}
