package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
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
  public void creditFeeRecipient(Wei amount) {
    Account account = account(feeRecipient);
    setAccount(
        feeRecipient, account.withBalance(Wei.of(account.balance().value().add(amount.value()))));
  }

  /** The final account of every address written so far. */
  Map<Address, Account> written() {
    return written;
  }
}
