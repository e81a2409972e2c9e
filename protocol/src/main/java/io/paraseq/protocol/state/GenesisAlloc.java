package io.paraseq.protocol.state;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The accounts of a genesis state, as the {@code alloc} of a genesis file: address → balance,
 * nonce, storage and code hash. Sorted by address. Immutable.
 *
 * @param accounts the allocation of each address; unmodifiable
 */
public record GenesisAlloc(NavigableMap<Address, Allocation> accounts) {

  /** Copies {@code accounts} into address order. */
  public GenesisAlloc {
    accounts = Collections.unmodifiableNavigableMap(new TreeMap<>(accounts));
  }

  /** The allocation {@code accounts}. */
  public static GenesisAlloc of(Map<Address, Allocation> accounts) {
    return new GenesisAlloc(new TreeMap<>(accounts));
  }

  /**
   * One genesis account. Immutable.
   *
   * @param balance the balance
   * @param nonce the nonce, unsigned 64-bit (usually 0)
   * @param storage the non-zero storage slots (zero words are ignored); unmodifiable
   * @param codeHash the account's code hash: {@link Account#EMPTY_CODE_HASH} for an account without
   *     code, a native program's code hash for a program account
   */
  public record Allocation(
      Wei balance, long nonce, NavigableMap<Hash, Word> storage, Hash codeHash) {

    /** Copies {@code storage}. */
    public Allocation {
      Objects.requireNonNull(balance, "balance");
      Objects.requireNonNull(codeHash, "codeHash");
      storage = Collections.unmodifiableNavigableMap(new TreeMap<>(storage));
    }

    /** An account without code. */
    public Allocation(Wei balance, long nonce, NavigableMap<Hash, Word> storage) {
      this(balance, nonce, storage, Account.EMPTY_CODE_HASH);
    }

    /** An account with {@code balance}, nonce 0, no storage and no code. */
    public static Allocation of(Wei balance) {
      return new Allocation(balance, 0, Collections.emptyNavigableMap());
    }

    /** This allocation with {@code nonce}. */
    public Allocation withNonce(long nonce) {
      return new Allocation(balance, nonce, storage, codeHash);
    }

    /** This allocation with {@code storage}. */
    public Allocation withStorage(Map<Hash, Word> storage) {
      return new Allocation(balance, nonce, new TreeMap<>(storage), codeHash);
    }

    /** This allocation with {@code codeHash}. */
    public Allocation withCodeHash(Hash codeHash) {
      return new Allocation(balance, nonce, storage, codeHash);
    }
  }
}
