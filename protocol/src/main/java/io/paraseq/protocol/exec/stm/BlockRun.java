package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.block.LogsBloom;
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
  private final ContentionFallback contention;
  private final LongAdder reexecutions = new LongAdder();
  private final Address feeRecipient;
  private final int diffPartCount;
  private final int collectionCount;
  private final AtomicInteger nextFinishTask = new AtomicInteger();
  private final AtomicInteger collected = new AtomicInteger();
  private final AtomicReferenceArray<FinalValues[]> collections;
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
    BlockExecutionBuilder builder = new BlockExecutionBuilder();
    for (int i = 0; i < transactions.size(); i++) {
      switch (outcomes.get(i)) {
        case TransactionOutcome outcome -> builder.add(transactions.get(i), outcome);
        case RuntimeException thrown -> throw thrown;
        case null, default ->
            throw new IllegalStateException("transaction " + i + " has no outcome");
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
    return builder.build(new StateDiff(changes));
  }

  /**
   * Builds the diff together with the other workers, in two steps of tasks taken until none is
   * left. First each share of the transactions: the final values of the locations its transactions
   * wrote last, sorted into the parts of the diff. Then, once every share is collected, each part
   * with {@link FinalWrites}: part {@code p} of {@code P} covers the addresses whose first byte
   * {@code b} has {@code b * P / 256 == p} (a range of addresses, so the parts concatenate in
   * address order), and the fee recipient's account is in its part. {@link #result()} only
   * concatenates. Only once the block is done.
   */
  private void buildDiffParts() {
    int size = transactions.size();
    for (int task = nextFinishTask.getAndIncrement();
        task < collectionCount + diffPartCount;
        task = nextFinishTask.getAndIncrement()) {
      if (task < collectionCount) {
        FinalValues[] byPart = new FinalValues[diffPartCount];
        Arrays.setAll(byPart, p -> new FinalValues());
        int end = Math.min(size, (task + 1) * TXS_PER_COLLECTION);
        for (int tx = task * TXS_PER_COLLECTION; tx < end; tx++) {
          memory.forEachFinalWrittenBy(
              tx, key -> true, (key, value) -> byPart[diffPart(key.address())].add(key, value));
        }
        collections.set(task, byPart);
        collected.incrementAndGet();
        continue;
      }
      // every share is taken, so the threads collecting the rest are running: a short wait
      while (collected.get() < collectionCount) {
        if (scheduler.failure().isPresent()) {
          return;
        }
        Thread.onSpinWait();
      }
      int part = task - collectionCount;
      Map<Address, Account> accounts = new HashMap<>();
      Map<StateKey.StorageKey, Word> slots = new HashMap<>();
      for (int share = 0; share < collectionCount; share++) {
        FinalValues values = collections.get(share)[part];
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
      diffParts.set(part, FinalWrites.toDiff(accounts, slots, this::finalAccount, base));
    }
  }

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

  /** The block's final account of {@code address}, null when no transaction wrote it. */
  private Account finalAccount(Address address) {
    return address.equals(feeRecipient)
        ? finalFeeRecipient().orElse(null)
        : memory.finalAccount(address);
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
        false,
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
      if (outcome instanceof TransactionOutcome.Included included && !included.logs().isEmpty()) {
        // hashes every log item here, in parallel: the items keep their digests, so the receipts'
        // blooms, built in block order after the workers finish, only OR bits together
        LogsBloom.of(included.logs());
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
              outcome instanceof RuntimeException ? Map.of() : view.writes());
      Optional<Task> next = scheduler.finishExecution(tx, version.incarnation(), wroteNewLocation);
      int executed = recorded.incrementAndGet();
      if (contention.looksAt(executed)) {
        long conflicts = reexecutions.sum() + scheduler.suspensions();
        long since = conflicts - conflictsAtLastLook.getAndSet(conflicts);
        if (contention.abandons(transactions.size(), executed, conflicts, since)) {
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
