package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads domain values out of chain table rows for {@link ChainQueries}: hashes, addresses and wei
 * from their columns, headers and transactions decoded from their stored encodings (a row that does
 * not decode is a {@link ChainStoreException}: the database no longer holds what the node wrote).
 */
final class ChainRows {

  private ChainRows() {}

  static Hash hash(ResultSet rs, int column) throws SQLException {
    return Hash.of(Bytes.of(rs.getBytes(column)));
  }

  static Address address(ResultSet rs, int column) throws SQLException {
    return Address.of(Bytes.of(rs.getBytes(column)));
  }

  static Optional<Address> optionalAddress(ResultSet rs, int column) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    return bytes == null ? Optional.empty() : Optional.of(Address.of(Bytes.of(bytes)));
  }

  static Wei wei(ResultSet rs, int column) throws SQLException {
    return Wei.of(rs.getBigDecimal(column).toBigIntegerExact());
  }

  /**
   * A log from its columns: the address at {@code addressColumn}, then {@code topic0} … {@code
   * topic3} (a log with fewer topics has nulls after its last), then the data.
   */
  static Log log(ResultSet rs, int addressColumn) throws SQLException {
    List<Hash> topics = new ArrayList<>(Log.MAX_TOPICS);
    for (int t = 0; t < Log.MAX_TOPICS; t++) {
      byte[] topic = rs.getBytes(addressColumn + 1 + t);
      if (topic == null) {
        break;
      }
      topics.add(Hash.of(Bytes.of(topic)));
    }
    return new Log(
        address(rs, addressColumn),
        topics,
        Bytes.of(rs.getBytes(addressColumn + 1 + Log.MAX_TOPICS)));
  }

  /** The header stored for block {@code number}, checked to be that block's. */
  static BlockHeader header(long number, byte[] rlp) {
    BlockHeader header =
        BlockHeader.decode(Bytes.of(rlp))
            .valueIfDecoded()
            .orElseThrow(
                () -> new ChainStoreException("block row " + number + " holds no valid header"));
    if (header.number() != number) {
      throw new ChainStoreException(
          "block row " + number + " holds the header of block " + header.number());
    }
    return header;
  }

  /** The transaction stored as {@code raw} under {@code hash}. */
  static Transaction transaction(Hash hash, byte[] raw) {
    return switch (TransactionDecoder.decode(raw)) {
      case TransactionResult.Valid<Transaction>(Transaction tx) -> tx;
      case TransactionResult.Invalid<Transaction>(var rejection) ->
          throw new ChainStoreException(
              "stored transaction " + hash + " does not decode: " + rejection.message());
    };
  }

  /** The transaction type of a {@code tx_type} column (0 legacy, else the type byte). */
  static TransactionType type(int code) {
    if (code == 0) {
      return TransactionType.LEGACY;
    }
    return TransactionType.ofTypeByte(code)
        .orElseThrow(() -> new ChainStoreException("unknown stored transaction type " + code));
  }
}
