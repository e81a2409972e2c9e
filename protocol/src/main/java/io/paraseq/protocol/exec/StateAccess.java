package io.paraseq.protocol.exec;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;

/**
 * The state as one transaction sees it while {@link TransactionProcessor} runs it: reads see the
 * block's earlier transactions and this transaction's own earlier writes. The sequential executor
 * implements it over one overlay for the whole block; Block-STM implements it over its
 * multi-version memory, recording each read and write for validation.
 *
 * <p>An account written {@linkplain Account#isEmpty() empty} (nonce 0, balance 0, no code) is
 * deleted at the end of the block (EIP-161, see {@link SequentialExecutor}); implementations keep
 * it as written until then.
 *
 * <p>One instance serves one thread.
 */
public interface StateAccess {

  /** The current account at {@code address}, {@link Account#EMPTY} when there is none. */
  Account account(Address address);

  /** Makes {@code account} the account at {@code address}. */
  void setAccount(Address address, Account account);

  /**
   * The current value of {@code address}'s storage slot {@code slot}, {@link Word#ZERO} when unset.
   * Only native programs have storage.
   */
  Word storage(Address address, Hash slot);

  /** Writes {@code value} to {@code address}'s storage slot {@code slot}; zero unsets it. */
  void setStorage(Address address, Hash slot, Word value);

  /**
   * Adds {@code amount} to the block's fee recipient. A commutative delta, not a read-write: two
   * transactions that only pay fees do not conflict. A later {@link #account} read of the fee
   * recipient sees every earlier credit.
   */
  void creditFeeRecipient(Wei amount);
}
