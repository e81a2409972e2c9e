package io.paraseq.protocol.rlp;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A streaming RLP encoder that writes every payload byte once.
 *
 * <p>Strings are appended to one growable buffer together with their headers. A list's header
 * depends on the length of its contents, which is known only at {@link #endList()}; instead of
 * shifting the contents to make room, the writer remembers where each list starts and how long its
 * payload is, and inserts the headers while copying the buffer out ({@link #writeTo}). So a
 * transaction's fields are copied exactly twice: into the buffer and into the result.
 *
 * <p>Not thread-safe: one writer per thread. {@link #reset()} lets a thread reuse one writer for
 * millions of encodings without new allocations once the buffers have grown.
 */
public final class RlpWriter {

  private byte[] buffer = new byte[256];
  private int size;

  /** Start position in {@link #buffer} of every list, in the order the lists were started. */
  private int[] listStarts = new int[16];

  /** Payload length (with nested headers) of every list, filled in when the list ends. */
  private int[] listPayloadLengths = new int[16];

  private int listCount;

  /** Indexes (into listStarts) of the lists not yet ended, innermost last. */
  private int[] openLists = new int[8];

  /** {@link #headerBytes} at the moment each open list was started. */
  private int[] headerBytesAtOpen = new int[8];

  private int openDepth;

  /** Total size of all list headers still to be inserted. */
  private int headerBytes;

  /** A new, empty writer. */
  public RlpWriter() {}

  /** Appends a byte string. */
  public RlpWriter writeBytes(Bytes value) {
    int length = value.length();
    if (length == 1 && (value.get(0) & 0xff) < 0x80) {
      return writeSingleByte(value.get(0));
    }
    writeStringHeader(length);
    value.copyTo(buffer, size);
    size += length;
    return this;
  }

  /** Appends the byte string {@code source[offset .. offset+length)}. */
  public RlpWriter writeBytes(byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    if (length == 1 && (source[offset] & 0xff) < 0x80) {
      return writeSingleByte(source[offset]);
    }
    writeStringHeader(length);
    System.arraycopy(source, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** Appends the byte string {@code source}. */
  public RlpWriter writeBytes(byte[] source) {
    return writeBytes(source, 0, source.length);
  }

  /**
   * Appends a non-negative integer in minimal big-endian form (zero is the empty string).
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public RlpWriter writeLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
    }
    if (value > 0 && value < 0x80) {
      return writeSingleByte((byte) value);
    }
    int length = RlpIntegers.byteLength(value);
    ensureCapacity(1 + length);
    buffer[size++] = (byte) (0x80 + length);
    for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /**
   * Appends a non-negative integer in minimal big-endian form.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() >= 0 && value.bitLength() <= RlpIntegers.LONG_BITS) {
      return writeLong(value.longValue());
    }
    return writeBytes(RlpIntegers.minimalBytes(value));
  }

  /** Appends {@code item} and, for a list, everything inside it. */
  public RlpWriter write(RlpItem item) {
    switch (item) {
      case RlpString string -> writeBytes(string.bytes());
      case RlpList list -> {
        startList();
        for (RlpItem element : list.items()) {
          write(element);
        }
        endList();
      }
    }
    return this;
  }

  /**
   * Appends an item that is already RLP-encoded, as is. The caller vouches that {@code encoded} is
   * exactly one canonical item (for example a raw transaction taken from a block).
   */
  public RlpWriter writeEncoded(Bytes encoded) {
    ensureCapacity(encoded.length());
    encoded.copyTo(buffer, size);
    size += encoded.length();
    return this;
  }

  /** Opens a list: the items written until the matching {@link #endList()} are its elements. */
  public RlpWriter startList() {
    if (listCount == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, listCount * 2);
      listPayloadLengths = Arrays.copyOf(listPayloadLengths, listCount * 2);
    }
    if (openDepth == openLists.length) {
      openLists = Arrays.copyOf(openLists, openDepth * 2);
      headerBytesAtOpen = Arrays.copyOf(headerBytesAtOpen, openDepth * 2);
    }
    listStarts[listCount] = size;
    openLists[openDepth] = listCount;
    headerBytesAtOpen[openDepth] = headerBytes;
    listCount++;
    openDepth++;
    return this;
  }

  /**
   * Closes the innermost open list.
   *
   * @throws IllegalStateException if no list is open
   */
  public RlpWriter endList() {
    if (openDepth == 0) {
      throw new IllegalStateException("endList() without a matching startList()");
    }
    openDepth--;
    int index = openLists[openDepth];
    int nestedHeaders = headerBytes - headerBytesAtOpen[openDepth];
    int payloadLength = Math.addExact(size - listStarts[index], nestedHeaders);
    listPayloadLengths[index] = payloadLength;
    headerBytes = Math.addExact(headerBytes, RlpHeaders.size(payloadLength));
    return this;
  }

  /**
   * Length of the complete encoding.
   *
   * @throws IllegalStateException if a list is still open
   */
  public int encodedLength() {
    requireClosed();
    return Math.addExact(size, headerBytes);
  }

  /**
   * Writes the complete encoding into {@code destination} at {@code offset}; needs {@link
   * #encodedLength()} bytes of room. Returns the offset just past the last byte written.
   */
  public int writeTo(byte[] destination, int offset) {
    Objects.checkFromIndexSize(offset, encodedLength(), destination.length);
    int from = 0;
    int to = offset;
    for (int i = 0; i < listCount; i++) {
      int start = listStarts[i];
      System.arraycopy(buffer, from, destination, to, start - from);
      to += start - from;
      from = start;
      to = RlpHeaders.write(destination, to, RlpHeaders.LIST_BASE, listPayloadLengths[i]);
    }
    System.arraycopy(buffer, from, destination, to, size - from);
    return to + size - from;
  }

  /** The complete encoding as a new array. */
  public byte[] toByteArray() {
    byte[] out = new byte[encodedLength()];
    writeTo(out, 0);
    return out;
  }

  /** The complete encoding. */
  public Bytes toBytes() {
    return Bytes.of(toByteArray());
  }

  /** Forgets everything written, keeping the buffers for reuse. */
  public void reset() {
    size = 0;
    listCount = 0;
    openDepth = 0;
    headerBytes = 0;
  }

  private RlpWriter writeSingleByte(byte value) {
    ensureCapacity(1);
    buffer[size++] = value;
    return this;
  }

  private void writeStringHeader(int payloadLength) {
    ensureCapacity(RlpHeaders.size(payloadLength) + payloadLength);
    size = RlpHeaders.write(buffer, size, RlpHeaders.STRING_BASE, payloadLength);
  }

  private void ensureCapacity(int extra) {
    int needed = Math.addExact(size, extra);
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }

  private void requireClosed() {
    if (openDepth != 0) {
      throw new IllegalStateException(openDepth + " list(s) still open");
    }
  }
}
