package io.paraseq.sequencer.batcher;

import io.paraseq.batcher.build.SealedBlock;
import io.paraseq.batcher.build.SealedBlocks;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.store.ChainStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The batcher's {@link SealedBlocks} port over the node's chain tables: the head is the published
 * {@link ChainHead} (only committed blocks are published), blocks and their user transactions
 * (deposits, type {@code 0x7e}, are left out: they are not batch data) are read with plain JDBC in
 * one read-only transaction per call, through the {@code blocks} primary key and the {@code
 * transactions (block_number, tx_index)} key. Reads only, on the batcher's thread: the block
 * producer is never waited on. Chosen over {@code store.ChainQueries}, which decodes every
 * transaction and builds API views the batcher does not need.
 */
final class ChainSealedBlocks implements SealedBlocks {

  private static final String SIZES =
      "SELECT block_number, sum(octet_length(raw)) FROM transactions"
          + " WHERE block_number BETWEEN ? AND ? AND tx_type <> 126"
          + " GROUP BY block_number ORDER BY block_number";
  private static final String BLOCKS =
      "SELECT number, timestamp, state_root, l1_base_fee FROM blocks WHERE number BETWEEN ? AND ?"
          + " ORDER BY number";
  private static final String TXS =
      "SELECT block_number, raw, sender FROM transactions"
          + " WHERE block_number BETWEEN ? AND ? AND tx_type <> 126"
          + " ORDER BY block_number, tx_index";

  private final DataSource dataSource;
  private final ChainHead head;

  ChainSealedBlocks(DataSource dataSource, ChainHead head) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.head = Objects.requireNonNull(head, "head");
  }

  @Override
  public long head() {
    return head.current().number();
  }

  @Override
  public List<SealedBlock> range(long from, long to, long rawByteBudget) {
    long last = Math.min(to, head());
    if (from < 1 || from > last) {
      return List.of();
    }
    return read(
        c -> {
          long stop = stopBlock(c, from, last, rawByteBudget);
          List<BlockRow> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(BLOCKS)) {
            ps.setLong(1, from);
            ps.setLong(2, stop);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new BlockRow(
                        rs.getLong(1), rs.getLong(2), hash(rs.getBytes(3)), Wei.of(rs.getLong(4))));
              }
            }
          }
          try (PreparedStatement ps = c.prepareStatement(TXS)) {
            ps.setLong(1, from);
            ps.setLong(2, stop);
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
              int index = 0;
              while (rs.next()) {
                long number = rs.getLong(1);
                while (rows.get(index).number != number) {
                  index++;
                }
                rows.get(index).raws.add(Bytes.of(rs.getBytes(2)));
                rows.get(index).senders.add(Address.of(Bytes.of(rs.getBytes(3))));
              }
            }
          }
          return rows.stream()
              .map(
                  r ->
                      new SealedBlock(
                          r.number, r.timestamp, r.stateRoot, r.l1BaseFee, r.raws, r.senders))
              .toList();
        });
  }

  @Override
  public Optional<BlockInfo> info(long number) {
    return read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(BLOCKS)) {
            ps.setLong(1, number);
            ps.setLong(2, number);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new BlockInfo(number, rs.getLong(2), hash(rs.getBytes(3))))
                  : Optional.empty();
            }
          }
        });
  }

  /** The last block to read: where the raw bytes from {@code from} first reach the budget. */
  private static long stopBlock(Connection c, long from, long last, long budget)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SIZES)) {
      ps.setLong(1, from);
      ps.setLong(2, last);
      long total = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          total += rs.getLong(2);
          if (total >= budget) {
            return rs.getLong(1);
          }
        }
      }
    }
    return last;
  }

  private static Hash hash(byte[] bytes) {
    return Hash.of(Bytes.of(bytes));
  }

  private <T> T read(SqlRead<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setReadOnly(false);
      }
    } catch (SQLException e) {
      throw new ChainStoreException("reading sealed blocks for the batcher", e);
    }
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T run(Connection c) throws SQLException;
  }

  private static final class BlockRow {
    final long number;
    final long timestamp;
    final Hash stateRoot;
    final Wei l1BaseFee;
    final List<Bytes> raws = new ArrayList<>();
    final List<Address> senders = new ArrayList<>();

    BlockRow(long number, long timestamp, Hash stateRoot, Wei l1BaseFee) {
      this.number = number;
      this.timestamp = timestamp;
      this.stateRoot = stateRoot;
      this.l1BaseFee = l1BaseFee;
    }
  }
}
