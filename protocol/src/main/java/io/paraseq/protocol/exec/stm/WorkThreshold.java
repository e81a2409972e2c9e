package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.program.ProgramKind;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.types.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost rule of {@link BlockStmExecutor}: a block runs in parallel only when its estimated work
 * spread over the extra workers outweighs Block-STM's bookkeeping, i.e. when {@code work × (threads
 * − 1) ≥ bookkeepingCost × transactions}, where {@code work} is the sum of the transactions'
 * estimated costs by kind. With ideal scheduling, Block-STM on {@code threads} workers takes about
 * {@code (work + bookkeeping) / threads}, which beats the sequential executor's {@code work}
 * exactly then. The count alone cannot say it: a block of 10,000 ETH transfers (about 1–2 µs each,
 * less than their bookkeeping) never ran faster in parallel in the issue-6 grid, while 1,000 swaps
 * (15–20 µs each) did.
 *
 * <p>Costs are in units of about one plain ETH transfer's sequential execution, integers, by kind:
 * a transaction without calldata, a contract creation, or a call to an account that is not a native
 * program costs {@code transferCost}; a call to an ERC-20 token {@code tokenCost}; a call to an AMM
 * pair {@code pairCost}. The kind comes from the recipient's code hash in the block's base state
 * (looked up once per recipient that receives calldata). {@link #DEFAULT} is measured
 * (docs/block-stm.md, issue 6 part 9). A {@code bookkeepingCost} of 0 turns the rule off: every
 * block passes ({@link #OFF}). Immutable.
 *
 * @param transferCost the cost of a plain transfer, at least 0
 * @param tokenCost the cost of an ERC-20 call, at least 0
 * @param pairCost the cost of an AMM pair call, at least 0
 * @param bookkeepingCost Block-STM's extra cost per transaction, at least 0 (0: the rule is off)
 */
public record WorkThreshold(int transferCost, int tokenCost, int pairCost, int bookkeepingCost) {

  /** No rule: every block passes. */
  public static final WorkThreshold OFF = new WorkThreshold(1, 1, 1, 0);

  /**
   * The node's default: an ETH transfer 1, an ERC-20 call 4, an AMM pair call 10, bookkeeping 2 per
   * transaction (the issue-6 grid: about 1–2, 5–7 and 15–20 µs sequentially; one-thread Block-STM
   * at 0.5–0.7× on ETH transfers and 0.7–0.8× on tokens and swaps).
   */
  public static final WorkThreshold DEFAULT = new WorkThreshold(1, 4, 10, 2);

  /** Checks that no cost is negative. */
  public WorkThreshold {
    if (transferCost < 0 || tokenCost < 0 || pairCost < 0 || bookkeepingCost < 0) {
      throw new IllegalArgumentException(
          "costs must not be negative: transfer "
              + transferCost
              + ", token "
              + tokenCost
              + ", pair "
              + pairCost
              + ", bookkeeping "
              + bookkeepingCost);
    }
  }

  /** Whether the rule lets every block through (a bookkeeping cost of 0). */
  public boolean isOff() {
    return bookkeepingCost == 0;
  }

  /**
   * Whether {@code ordered} is worth running in parallel on {@code threads} workers: {@code
   * work(ordered, state) × (threads − 1) ≥ bookkeepingCost × ordered.size()}. Always when the rule
   * is off; with the rule on, never on one thread.
   */
  public boolean paysOff(List<VerifiedTransaction> ordered, StateView state, int threads) {
    if (isOff()) {
      return true;
    }
    return work(ordered, state) * (threads - 1) >= (long) bookkeepingCost * ordered.size();
  }

  /** The block's estimated work: the sum of its transactions' {@link #cost}s. */
  public long work(List<VerifiedTransaction> ordered, StateView state) {
    Map<Address, Integer> byRecipient = new HashMap<>();
    long work = 0;
    for (VerifiedTransaction tx : ordered) {
      work += cost(tx.transaction(), state, byRecipient);
    }
    return work;
  }

  /** The estimated cost of {@code tx} in a block over {@code state}. */
  public int cost(VerifiedTransaction tx, StateView state) {
    return cost(tx.transaction(), state, new HashMap<>());
  }

  /**
   * The cost of {@code tx}, the cost of a call to each recipient looked up once in {@code seen}.
   */
  private int cost(Transaction tx, StateView state, Map<Address, Integer> seen) {
    Optional<Address> to = tx.recipient();
    if (tx.data().isEmpty() || to.isEmpty()) {
      return transferCost;
    }
    Integer cost = seen.get(to.get());
    if (cost == null) {
      cost = callCost(state, to.get());
      seen.put(to.get(), cost);
    }
    return cost;
  }

  private int callCost(StateView state, Address to) {
    return ProgramKind.byCodeHash(state.account(to).codeHash())
        .map(
            kind ->
                switch (kind) {
                  case ERC20 -> tokenCost;
                  case AMM_PAIR -> pairCost;
                })
        .orElse(transferCost);
  }
}
