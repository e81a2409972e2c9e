package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the final account of every address a block touched into the block's {@link StateDiff}, the
 * one place of the block-level write rules:
 *
 * <ul>
 *   <li><b>EIP-161:</b> a touched account that ends the block {@linkplain Account#isEmpty() empty}
 *       (nonce 0, balance 0, no code) is deleted, as Ethereum has done since Spurious Dragon. A
 *       {@link StateView} shows an absent address and an existing empty account alike, so the
 *       deletion is always written (for an address that never existed it changes nothing). Today
 *       only zero-value credits produce such accounts: a zero-value transfer or deposit to a fresh
 *       address, or a zero fee paid to a fresh fee recipient.
 *   <li>a non-empty account equal to what {@code base} holds is left out: the diff holds changes
 *       only;
 *   <li>a storage slot whose final value equals what {@code base} holds is left out too; slots of
 *       an account deleted by the first rule are dropped with it (only native programs have
 *       storage, and their accounts have code, so they are never empty).
 * </ul>
 *
 * Deciding per block rather than per transaction gives the same state: an account that a
 * transaction leaves empty can only become non-empty again by a later credit, which overrides the
 * deletion. The result is in address order, so it is deterministic.
 */
public final class FinalWrites {

  private FinalWrites() {}

  /** The diff that takes {@code base} to the accounts {@code touched}, writing no storage. */
  public static StateDiff toDiff(Map<Address, Account> touched, StateView base) {
    return toDiff(touched, Map.of(), base);
  }

  /**
   * The diff that takes {@code base} to the accounts {@code touched} and the storage slots {@code
   * slots}.
   */
  public static StateDiff toDiff(
      Map<Address, Account> touched, Map<StateKey.StorageKey, Word> slots, StateView base) {
    return toDiff(touched, slots, touched::get, base);
  }

  /**
   * The part of a block's diff that covers the accounts {@code touched} and the slots {@code
   * slots}, a share of the block's final values: parts built from disjoint shares and merged give
   * the diff of the whole. The slot rule needs the final account of a slot's address, which may lie
   * in another share: {@code finalAccount} gives it for every address of the block (null for one
   * the block did not write).
   */
  public static StateDiff toDiff(
      Map<Address, Account> touched,
      Map<StateKey.StorageKey, Word> slots,
      Function<Address, Account> finalAccount,
      StateView base) {
    StateDiff.Builder diff = StateDiff.builder();
    new TreeMap<>(slots)
        .forEach(
            (slot, value) -> {
              Account account = finalAccount.apply(slot.address());
              if ((account == null || !account.isEmpty())
                  && !value.equals(base.storage(slot.address(), slot.slot()))) {
                diff.setStorage(slot.address(), slot.slot(), value);
              }
            });
    new TreeMap<>(touched)
        .forEach(
            (address, account) -> {
              if (account.isEmpty()) {
                diff.deleteAccount(address);
              } else if (!account.equals(base.account(address))) {
                diff.setAccount(address, account);
              }
            });
    return diff.build();
  }
}
