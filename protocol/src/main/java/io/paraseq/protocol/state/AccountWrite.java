package io.paraseq.protocol.state;

import java.util.Objects;

/**
 * What a {@link StateDiff} does to an account record: nothing, set it, or delete it (with all its
 * storage). Handle it with an exhaustive {@code switch}. Immutable.
 */
public sealed interface AccountWrite {

  /** The account record is not written (its storage may be). */
  record Unchanged() implements AccountWrite {}

  /**
   * The account record becomes {@code account}. Its {@code storageRoot} is ignored when applied:
   * {@link WorldState} computes the root from the storage.
   */
  record Updated(Account account) implements AccountWrite {
    /** Checks the account is present. */
    public Updated {
      Objects.requireNonNull(account, "account");
    }
  }

  /** The account and all its storage are removed (EIP-161 cleanup, self-destruct). */
  record Deleted() implements AccountWrite {}

  /** The shared {@link Unchanged}. */
  AccountWrite UNCHANGED = new Unchanged();

  /** The shared {@link Deleted}. */
  AccountWrite DELETED = new Deleted();
}
