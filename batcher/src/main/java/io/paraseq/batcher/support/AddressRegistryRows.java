package io.paraseq.batcher.support;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address registry's rows ({@code address_registry}, migration V10), inside the caller's
 * database transaction: the batcher's batch store and the verifier's cursor store write them
 * together with their own rows. Stateless.
 */
public final class AddressRegistryRows {

  private AddressRegistryRows() {}

  /**
   * The stored registry.
   *
   * @throws IllegalStateException if the indexes are not 0, 1, 2, … (rows changed outside Paraseq)
   */
  public static AddressRegistry load(Connection c) throws SQLException {
    List<Address> entries = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT idx, address FROM address_registry ORDER BY idx");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long idx = rs.getLong(1);
        if (idx != entries.size()) {
          throw new IllegalStateException(
              "address_registry has index " + idx + " where " + entries.size() + " belongs");
        }
        entries.add(Address.of(Bytes.of(rs.getBytes(2))));
      }
    }
    return AddressRegistry.of(entries);
  }

  /**
   * Appends {@code addresses} at indexes {@code firstIndex, firstIndex + 1, …}. A primary-key or
   * unique violation (another writer, or a registry that is not the one the batch was encoded
   * against) fails the caller's transaction.
   */
  public static void append(Connection c, int firstIndex, List<Address> addresses)
      throws SQLException {
    if (addresses.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO address_registry (idx, address) VALUES (?, ?)")) {
      long idx = firstIndex;
      for (Address address : addresses) {
        ps.setLong(1, idx++);
        ps.setBytes(2, address.bytes().toArray());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
