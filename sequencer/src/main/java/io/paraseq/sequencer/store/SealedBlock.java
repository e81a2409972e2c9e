package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A sealed block and everything {@link ChainStore#persist} writes with it. Immutable.
 *
 * @param block the block (header and body)
 * @param included its transactions with receipts, gas used and effective gas price, in block order
 * @param diff the block's state writes (storage slots, cleared storage, deleted accounts)
 * @param accounts the account record after the block of every address in {@code diff}; empty when
 *     the account no longer exists. Carries the storage root the world state computed (a diff's own
 *     records do not)
 * @param poolDeletes hashes whose pool rows go with the block (its transactions, and candidates the
 *     block skipped)
 * @param l1BaseFee the L1 base fee the block's L1 data fees were computed from ({@code
 *     BlockContext.l1BaseFee}; not in the header, so stored beside it for the batcher)
 */
public record SealedBlock(
    Block block,
    List<ExecutedTransaction> included,
    StateDiff diff,
    Map<Address, Optional<Account>> accounts,
    List<Hash> poolDeletes,
    Wei l1BaseFee) {

  /** Copies the collections and requires every component. */
  public SealedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(l1BaseFee, "l1BaseFee");
    Objects.requireNonNull(diff, "diff");
    included = List.copyOf(included);
    accounts = Map.copyOf(accounts);
    poolDeletes = List.copyOf(poolDeletes);
    if (!accounts.keySet().equals(diff.changes().keySet())) {
      throw new IllegalArgumentException("account records do not match the diff's addresses");
    }
  }

  /**
   * The block with the account records of {@code diff}'s addresses read from {@code after}, the
   * state with the block applied ({@link Account#EMPTY} reads as absent, as EIP-161 leaves no empty
   * account behind).
   */
  public static SealedBlock of(
      Block block,
      List<ExecutedTransaction> included,
      StateDiff diff,
      StateView after,
      List<Hash> poolDeletes,
      Wei l1BaseFee) {
    Map<Address, Optional<Account>> accounts = new TreeMap<>();
    for (Address address : diff.changes().keySet()) {
      Account account = after.account(address);
      accounts.put(
          address, account.equals(Account.EMPTY) ? Optional.empty() : Optional.of(account));
    }
    return new SealedBlock(block, included, diff, accounts, poolDeletes, l1BaseFee);
  }
}
