package io.paraseq.batcher.derive;

import io.paraseq.batcher.support.AddressRegistryRows;
import io.paraseq.batcher.support.SqlTransactions;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The verifier's cursor ({@code verifier_cursor}, migration V9): one row, read at start and written
 * after every verified batch and every fully read L1 range; and the address registry the verified
 * batches built ({@code address_registry}, V10), whose appends commit with the cursor of the batch
 * that made them. Thread-safe (no state but the data source).
 */
public final class VerifierCursorStore {

  private final DataSource dataSource;

  /** Uses {@code dataSource}, whose schema has the V9 migration applied. */
  public VerifierCursorStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The stored cursor, if any.
   *
   * @throws IllegalStateException if it belongs to another Rollup contract
   */
  public Optional<VerifierCursor> load(Address rollup) {
    return SqlTransactions.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT rollup, next_seq, last_block, last_state_root, next_l1_block"
                          + " FROM verifier_cursor WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            Address stored = Address.of(Bytes.of(rs.getBytes(1)));
            if (!stored.equals(rollup)) {
              throw new IllegalStateException(
                  "the verifier's schema follows Rollup "
                      + stored
                      + ", not "
                      + rollup
                      + "; start on an empty schema to follow another contract");
            }
            return Optional.of(
                new VerifierCursor(
                    rs.getLong(2),
                    rs.getLong(3),
                    Hash.of(Bytes.of(rs.getBytes(4))),
                    rs.getLong(5)));
          }
        },
        VerifierCursorStore::failed);
  }

  /** The address registry after the last verified batch. */
  public AddressRegistry loadRegistry() {
    return SqlTransactions.inTransaction(
        dataSource, AddressRegistryRows::load, VerifierCursorStore::failed);
  }

  /** Stores {@code cursor} for {@code rollup}, replacing the row. */
  public void save(Address rollup, VerifierCursor cursor) {
    save(rollup, cursor, 0, List.of());
  }

  /**
   * Stores {@code cursor} for {@code rollup} and appends {@code registryAppends} to the address
   * registry at indexes from {@code registrySize} on, in one transaction: the cursor after an
   * accepted batch and the addresses that batch registers.
   */
  public void save(
      Address rollup, VerifierCursor cursor, int registrySize, List<Address> registryAppends) {
    SqlTransactions.inTransaction(
        dataSource,
        c -> {
          AddressRegistryRows.append(c, registrySize, registryAppends);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO verifier_cursor (id, rollup, next_seq, last_block,"
                      + " last_state_root, next_l1_block) VALUES (1, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (id) DO UPDATE SET rollup = EXCLUDED.rollup,"
                      + " next_seq = EXCLUDED.next_seq, last_block = EXCLUDED.last_block,"
                      + " last_state_root = EXCLUDED.last_state_root,"
                      + " next_l1_block = EXCLUDED.next_l1_block, updated_at = now()")) {
            ps.setBytes(1, rollup.bytes().toArray());
            ps.setLong(2, cursor.nextSeq());
            ps.setLong(3, cursor.lastBlock());
            ps.setBytes(4, cursor.lastStateRoot().bytes().toArray());
            ps.setLong(5, cursor.nextL1Block());
            ps.executeUpdate();
            return null;
          }
        },
        VerifierCursorStore::failed);
  }

  private static RuntimeException failed(SQLException e) {
    return new IllegalStateException("verifier_cursor: " + e.getMessage(), e);
  }
}
