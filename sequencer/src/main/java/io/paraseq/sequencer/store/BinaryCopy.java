package io.paraseq.sequencer.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows of one table in PostgreSQL's binary {@code COPY} format, sent with one {@code COPY … FROM
 * STDIN (FORMAT binary)} inside the caller's transaction. For the per-block and per-batch inserts:
 * {@code COPY} stores the rows with heap multi-inserts (one WAL record per page instead of one per
 * row) and needs neither the arrays nor the materialised {@code unnest} of an {@code INSERT …
 * SELECT}; binary fields need no text parsing (docs/benchmarks.md, "PostgreSQL CPU per transfer").
 *
 * <p>Each row writes exactly the listed columns, in order; the others take their defaults (as a
 * {@code DEFAULT nextval(…)} evaluated row by row in the order written). A failed {@code COPY}
 * (e.g. a unique violation, SQLSTATE 23505) throws the server's {@link SQLException} and leaves the
 * transaction aborted, as a failed {@code INSERT} does.
 *
 * <p>Not thread-safe: one writer fills and sends it.
 */
final class BinaryCopy {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
  private static final BigInteger NUMERIC_BASE = BigInteger.valueOf(10_000);
  private static final int NUMERIC_NEGATIVE = 0x4000;

  private final String sql;
  private final int columns;
  private byte[] buffer;
  private int length;
  private int rows;
  private int fieldsInRow;

  /**
   * An empty copy into {@code table}'s {@code columns} (names as written in SQL), with room for
   * about {@code expectedBytes} before it grows.
   */
  BinaryCopy(String table, List<String> columns, int expectedBytes) {
    Objects.requireNonNull(table, "table");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a copy needs at least one column");
    }
    this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
    this.columns = columns.size();
    this.buffer = new byte[Math.max(64, expectedBytes)];
    put(SIGNATURE);
    putInt(0); // flags: no OIDs
    putInt(0); // no header extension
    this.fieldsInRow = this.columns;
  }

  /** Starts the next row; the previous one must have all its fields. */
  BinaryCopy row() {
    requireCompleteRow();
    putShort(columns);
    fieldsInRow = 0;
    rows++;
    return this;
  }

  /** A {@code bytea} field (or a domain over it). */
  BinaryCopy bytea(byte[] value) {
    field(value.length);
    put(value);
    return this;
  }

  /** A {@code bytea} field, SQL NULL when {@code value} is null. */
  BinaryCopy nullableBytea(byte[] value) {
    return value == null ? nullField() : bytea(value);
  }

  /** A {@code bigint} field (or a domain over it). */
  BinaryCopy int8(long value) {
    field(8);
    putLong(value);
    return this;
  }

  /** An {@code integer} field. */
  BinaryCopy int4(int value) {
    field(4);
    putInt(value);
    return this;
  }

  /** A {@code smallint} field. */
  BinaryCopy int2(short value) {
    field(2);
    putShort(value);
    return this;
  }

  /**
   * A {@code numeric} field (or a domain over it) holding the integer {@code value}: base-10,000
   * digits, most significant first, without trailing zero digits (PostgreSQL's own form).
   */
  BinaryCopy numeric(BigInteger value) {
    BigInteger magnitude = value.abs();
    short[] digits = new short[magnitude.bitLength() / 13 + 1]; // 10,000 > 2^13
    int count = 0;
    if (magnitude.bitLength() < 63) {
      for (long rest = magnitude.longValue(); rest != 0; rest /= 10_000) {
        digits[count++] = (short) (rest % 10_000);
      }
    } else {
      for (BigInteger rest = magnitude; rest.signum() != 0; ) {
        BigInteger[] qr = rest.divideAndRemainder(NUMERIC_BASE);
        digits[count++] = qr[1].shortValue();
        rest = qr[0];
      }
    }
    int lowest = 0; // digits[] is least significant first; drop trailing zero digits
    while (lowest < count && digits[lowest] == 0) {
      lowest++;
    }
    int stored = count - lowest;
    field(8 + 2 * stored);
    putShort(stored);
    putShort(stored == 0 ? 0 : count - 1); // weight: the power of 10,000 of the first digit
    putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : 0);
    putShort(0); // display scale: an integer
    for (int i = count - 1; i >= lowest; i--) {
      putShort(digits[i]);
    }
    return this;
  }

  /**
   * A {@code timestamptz} field, rounded to the microsecond (PostgreSQL's precision) as the server
   * rounds a text timestamp.
   */
  BinaryCopy timestamptz(Instant value) {
    Duration since = Duration.between(POSTGRES_EPOCH, value);
    field(8);
    putLong(
        Math.addExact(
            Math.multiplyExact(since.getSeconds(), 1_000_000L), (since.getNano() + 500) / 1_000));
    return this;
  }

  /** An SQL NULL field. */
  BinaryCopy nullField() {
    startField();
    putInt(-1);
    return this;
  }

  /** Number of rows written so far. */
  int rows() {
    return rows;
  }

  /**
   * Sends the rows with one {@code COPY} on {@code connection} (inside its current transaction)
   * unless there are none; returns the number of rows stored.
   */
  long execute(Connection connection) throws SQLException {
    requireCompleteRow();
    if (rows == 0) {
      return 0;
    }
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    putShort(-1); // the file trailer
    try {
      copy.writeToCopy(buffer, 0, length);
      return copy.endCopy();
    } finally {
      length -= 2; // rows may still be added and sent again (e.g. after a rollback)
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private void field(int size) {
    startField();
    putInt(size);
  }

  private void startField() {
    if (fieldsInRow >= columns) {
      throw new IllegalStateException(
          "row " + rows + " has more than " + columns + " fields (or no row was started)");
    }
    fieldsInRow++;
  }

  private void requireCompleteRow() {
    if (fieldsInRow != columns) {
      throw new IllegalStateException(
          "row " + rows + " has " + fieldsInRow + " of its " + columns + " fields");
    }
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void putShort(int value) {
    ensure(2);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void putInt(int value) {
    ensure(4);
    buffer[length++] = (byte) (value >>> 24);
    buffer[length++] = (byte) (value >>> 16);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void putLong(long value) {
    putInt((int) (value >>> 32));
    putInt((int) value);
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
