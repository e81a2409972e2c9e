package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequential executor's {@link StateAccess}: the block's writes so far over the state before
 * the block. Owned by the thread running the block.
 */
final class BlockOverlay implements StateAccess {

  private final StateView base;
  private final Address feeRecipient;
  private final Map<Address, Account> written = new HashMap<>();
  private final Map<StateKey.StorageKey, Word> writtenSlots = new HashMap<>();

  BlockOverlay(StateView base, Address feeRecipient) {
    this.base = base;
    this.feeRecipient = feeRecipient;
  }

  @Override
  public Account account(Address address) {
    Account account = written.get(address);
    return account != null ? account : base.account(address);
  }

  @Override
  public void setAccount(Address address, Account account) {
    written.put(address, account);
  }

  @Override
  public Word storage(Address address, Hash slot) {
    Word value = writtenSlots.get(new StateKey.StorageKey(address, slot));
    return value != null ? value : base.storage(address, slot);
  }

  @Override
  public void setStorage(Address address, Hash slot, Word value) {
    writtenSlots.put(new StateKey.StorageKey(address, slot), value);
  }

  @Override
  public void creditFeeRecipient(Wei amount) {
    Account account = account(feeRecipient);
    setAccount(
        feeRecipient, account.withBalance(Wei.of(account.balance().value().add(amount.value()))));
  }

  /** The final account of every address written so far. */
  Map<Address, Account> written() {
    return written;
  }

  /** The final value of every storage slot written so far. */
  Map<StateKey.StorageKey, Word> writtenSlots() {
    return writtenSlots;
  }
}
