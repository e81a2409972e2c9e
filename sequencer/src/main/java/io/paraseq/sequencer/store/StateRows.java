package io.paraseq.sequencer.store;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountChange;
import io.paraseq.protocol.state.AccountWrite;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a block's state diff to the flat rows ({@code accounts}, {@code storage}, V2) inside the
 * caller's transaction, a set-based statement for each kind of change, in {@link AccountChange}'s
 * order: clear storage, delete and write slots (a zero word deletes), then the account records (as
 * the world state computed them, with their storage roots).
 *
 * <p>Account records are upserted, unless the state before the block is known (the state the
 * database holds): then an account absent from it is inserted and a present one updated — a plain
 * insert checks the key once where {@code ON CONFLICT} checks it before inserting, which is half of
 * a transfer's account writes when it pays a new address (the inserts go in with one binary {@code
 * COPY}, {@link BinaryCopy}). An update that finds fewer rows than expected upserts them (the rows
 * stay right); an insert that finds a row fails the statement with a unique violation, and {@link
 * ChainStore} writes the block again with upserts.
 */
final class StateRows {

  private static final String ACCOUNT_COLUMNS =
      " FROM unnest(?::bytea[], ?::int8[], ?::numeric[], ?::bytea[], ?::bytea[])"
          + " AS x(a, n, b, s, c)";
  private static final String UPSERT_ACCOUNTS =
      "INSERT INTO accounts (address, nonce, balance, storage_root, code_hash) SELECT a, n, b, s, c"
          + ACCOUNT_COLUMNS
          + " ON CONFLICT (address) DO UPDATE SET"
          + " nonce = EXCLUDED.nonce, balance = EXCLUDED.balance,"
          + " storage_root = EXCLUDED.storage_root, code_hash = EXCLUDED.code_hash";
  private static final List<String> COPY_COLUMNS =
      List.of("address", "nonce", "balance", "storage_root", "code_hash");
  // address, nonce, a balance of up to 78 digits, two hashes, with field lengths.
  private static final int COPY_ROW_BYTES = 160;
  private static final String UPDATE_ACCOUNTS =
      "UPDATE accounts SET nonce = x.n, balance = x.b, storage_root = x.s, code_hash = x.c"
          + ACCOUNT_COLUMNS
          + " WHERE accounts.address = x.a";
  private static final String DELETE_ACCOUNTS = "DELETE FROM accounts WHERE address = ANY(?)";
  private static final String CLEAR_STORAGE = "DELETE FROM storage WHERE address = ANY(?)";
  private static final String UPSERT_SLOTS =
      "INSERT INTO storage (address, slot, value) SELECT a, k, v FROM unnest(?::bytea[],"
          + " ?::bytea[], ?::bytea[]) AS x(a, k, v)"
          + " ON CONFLICT (address, slot) DO UPDATE SET value = EXCLUDED.value";
  private static final String DELETE_SLOTS =
      "DELETE FROM storage s USING unnest(?::bytea[], ?::bytea[]) AS x(a, k)"
          + " WHERE s.address = x.a AND s.slot = x.k";

  private StateRows() {}

  /**
   * Writes {@code sealed}'s state changes; {@code before} is the state the database holds before
   * the block, when known.
   */
  static void write(Connection connection, SealedBlock sealed, Optional<StateView> before)
      throws SQLException {
    List<byte[]> cleared = new ArrayList<>();
    List<byte[]> slotDeleteAddresses = new ArrayList<>();
    List<byte[]> slotDeleteKeys = new ArrayList<>();
    List<byte[]> slotAddresses = new ArrayList<>();
    List<byte[]> slotKeys = new ArrayList<>();
    List<byte[]> slotValues = new ArrayList<>();
    AccountColumns inserts = new AccountColumns();
    AccountColumns updates = new AccountColumns();
    AccountColumns upserts = new AccountColumns();
    List<byte[]> deletedAccounts = new ArrayList<>();
    for (Map.Entry<Address, AccountChange> entry : sealed.diff().changes().entrySet()) {
      byte[] address = entry.getKey().bytes().toArray();
      AccountChange change = entry.getValue();
      Optional<Account> after = sealed.accounts().get(entry.getKey());
      boolean implicitDelete = after.isEmpty() && !(change.write() instanceof AccountWrite.Deleted);
      if (change.storageCleared() || implicitDelete) {
        // Absent after the block without an explicit delete: drop any leftover storage too.
        cleared.add(address);
      }
      for (Map.Entry<Hash, Word> slot : change.storage().entrySet()) {
        if (slot.getValue().isZero()) {
          slotDeleteAddresses.add(address);
          slotDeleteKeys.add(slot.getKey().bytes().toArray());
        } else {
          slotAddresses.add(address);
          slotKeys.add(slot.getKey().bytes().toArray());
          slotValues.add(slot.getValue().bytes().toArray());
        }
      }
      if (after.isEmpty()) {
        deletedAccounts.add(address);
      } else if (before.isEmpty()) {
        upserts.add(address, after.get());
      } else if (before.get().account(entry.getKey()).equals(Account.EMPTY)) {
        inserts.add(address, after.get()); // no row: the database keeps no empty account
      } else {
        updates.add(address, after.get());
      }
    }
    // Order matters: clears before slot writes; account rows are independent of slots.
    SqlArrays.deleteWhereAny(connection, CLEAR_STORAGE, cleared);
    if (!slotDeleteKeys.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement(DELETE_SLOTS)) {
        SqlArrays.bytea(connection, delete, 1, slotDeleteAddresses.toArray(byte[][]::new));
        SqlArrays.bytea(connection, delete, 2, slotDeleteKeys.toArray(byte[][]::new));
        delete.executeUpdate();
      }
    }
    if (!slotKeys.isEmpty()) {
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT_SLOTS)) {
        SqlArrays.bytea(connection, upsert, 1, slotAddresses.toArray(byte[][]::new));
        SqlArrays.bytea(connection, upsert, 2, slotKeys.toArray(byte[][]::new));
        SqlArrays.bytea(connection, upsert, 3, slotValues.toArray(byte[][]::new));
        upsert.executeUpdate();
      }
    }
    inserts.copy(connection);
    if (updates.execute(connection, UPDATE_ACCOUNTS) < updates.size()) {
      updates.execute(connection, UPSERT_ACCOUNTS); // a row was missing: the upsert writes it
    }
    upserts.execute(connection, UPSERT_ACCOUNTS);
    SqlArrays.deleteWhereAny(connection, DELETE_ACCOUNTS, deletedAccounts);
  }

  /** Account records as the columns of {@link #ACCOUNT_COLUMNS}. */
  private static final class AccountColumns {
    private final List<byte[]> addresses = new ArrayList<>();
    private final List<Long> nonces = new ArrayList<>();
    private final List<BigDecimal> balances = new ArrayList<>();
    private final List<byte[]> storageRoots = new ArrayList<>();
    private final List<byte[]> codeHashes = new ArrayList<>();

    void add(byte[] address, Account account) {
      addresses.add(address);
      nonces.add(account.nonce());
      balances.add(new BigDecimal(account.balance().value()));
      storageRoots.add(account.storageRoot().bytes().toArray());
      codeHashes.add(account.codeHash().bytes().toArray());
    }

    int size() {
      return addresses.size();
    }

    /** Inserts the rows with one {@code COPY} unless there are none. */
    void copy(Connection connection) throws SQLException {
      BinaryCopy rows = new BinaryCopy("accounts", COPY_COLUMNS, size() * COPY_ROW_BYTES);
      for (int i = 0; i < size(); i++) {
        rows.row()
            .bytea(addresses.get(i))
            .int8(nonces.get(i))
            .numeric(balances.get(i).toBigIntegerExact())
            .bytea(storageRoots.get(i))
            .bytea(codeHashes.get(i));
      }
      rows.execute(connection);
    }

    /** Runs {@code sql} over the rows unless there are none; returns the rows it changed. */
    int execute(Connection connection, String sql) throws SQLException {
      if (addresses.isEmpty()) {
        return 0;
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        SqlArrays.bytea(connection, statement, 1, addresses.toArray(byte[][]::new));
        SqlArrays.int8(connection, statement, 2, nonces.toArray(Long[]::new));
        SqlArrays.numeric(connection, statement, 3, balances.toArray(BigDecimal[]::new));
        SqlArrays.bytea(connection, statement, 4, storageRoots.toArray(byte[][]::new));
        SqlArrays.bytea(connection, statement, 5, codeHashes.toArray(byte[][]::new));
        return statement.executeUpdate();
      }
    }
  }
}
