package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.state.Account;
import java.util.Objects;

/**
 * Where a value a transaction read came from, what validation compares when it reads the location
 * again. Immutable; equal origins mean the transaction would read the same value.
 */
sealed interface ReadOrigin {

  /** No lower transaction wrote the location: the value came from the state before the block. */
  record Base() implements ReadOrigin {}

  /** The value written by {@code version}, the highest lower transaction that wrote it. */
  record Written(Version version) implements ReadOrigin {
    /** Requires the version. */
    public Written {
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * The fee recipient's account, summed from the last lower write (or the base) and the fee credits
   * of the lower transactions after it. Compared by value: the credits of many transactions make
   * it, and a transaction's result depends only on the value it saw.
   */
  record Summed(Account account) implements ReadOrigin {
    /** Requires the account. */
    public Summed {
      Objects.requireNonNull(account, "account");
    }
  }

  /** The origin of a base read (one instance is enough). */
  ReadOrigin BASE = new Base();
}
