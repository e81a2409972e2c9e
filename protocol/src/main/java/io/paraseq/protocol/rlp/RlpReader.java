package io.paraseq.protocol.rlp;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A strict, zero-copy cursor over RLP input.
 *
 * <p>The reader walks the input in place: entering a list, reading a field or skipping one copies
 * nothing but the value asked for. Only canonical encodings are accepted; every violation throws
 * {@link RlpException} with its {@link RlpError} and the offset of the offending item, and no other
 * exception escapes for any input.
 *
 * <p>Typical use for a transaction: {@code enterList()}, one {@code read…} per field, {@code
 * exitList()} (which rejects extra fields), then {@code finish()} (which rejects trailing bytes).
 *
 * <p>The reader does not copy the input array: the caller must not change it while reading. Not
 * thread-safe.
 */
public final class RlpReader {

  /** Deepest list nesting accepted; deeper input fails with {@link RlpError#NESTING_TOO_DEEP}. */
  public static final int MAX_DEPTH = 1024;

  private final byte[] input;
  private final int start;
  private final int end;
  private int position;

  /** End offset of every list entered and not yet exited, innermost last. */
  private int[] listEnds = new int[8];

  private int depth;

  // The header of the item at `position`, as last parsed by parseHeader().
  private boolean headerIsList;
  private int payloadOffset;
  private int payloadLength;

  private RlpReader(byte[] input, int start, int end) {
    this.input = input;
    this.start = start;
    this.end = end;
    this.position = start;
  }

  /** A reader over all of {@code input}, which is not copied. */
  public static RlpReader of(byte[] input) {
    return new RlpReader(Objects.requireNonNull(input, "input"), 0, input.length);
  }

  /** A reader over {@code input[offset .. offset+length)}, which is not copied. */
  public static RlpReader of(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    return new RlpReader(input, offset, offset + length);
  }

  /** A reader over {@code input}. */
  public static RlpReader of(Bytes input) {
    return of(input.toArray());
  }

  /** True when the current list (or, outside any list, the input) has another item. */
  public boolean hasNext() {
    return position < limit();
  }

  /**
   * True when the next item is a list.
   *
   * @throws RlpException {@link RlpError#MISSING_ITEM} (or {@link RlpError#INPUT_EMPTY}) if there
   *     is no next item
   */
  public boolean nextIsList() {
    requireItem();
    return (input[position] & 0xff) >= RlpHeaders.LIST_BASE;
  }

  /** Offset of the next item, counted from the start of the input. */
  public int position() {
    return position - start;
  }

  /** Number of lists entered and not yet exited. */
  public int depth() {
    return depth;
  }

  /** Enters the next item, which must be a list, and returns its number of payload bytes. */
  public int enterList() {
    parseHeader();
    if (!headerIsList) {
      throw fail(RlpError.EXPECTED_LIST, position, "");
    }
    if (depth == MAX_DEPTH) {
      throw fail(RlpError.NESTING_TOO_DEEP, position, "more than " + MAX_DEPTH + " levels");
    }
    if (depth == listEnds.length) {
      listEnds = Arrays.copyOf(listEnds, depth * 2);
    }
    listEnds[depth++] = payloadOffset + payloadLength;
    position = payloadOffset;
    return payloadLength;
  }

  /**
   * Leaves the innermost list, which must have been read to its end.
   *
   * @throws RlpException {@link RlpError#TRAILING_BYTES} if items of the list remain unread
   * @throws IllegalStateException if no list is entered
   */
  public void exitList() {
    if (depth == 0) {
      throw new IllegalStateException("exitList() outside any list");
    }
    if (position != listEnds[depth - 1]) {
      throw fail(RlpError.TRAILING_BYTES, position, "unread items before the end of the list");
    }
    depth--;
  }

  /**
   * Checks that the whole input has been read.
   *
   * @throws RlpException {@link RlpError#TRAILING_BYTES} if bytes remain
   * @throws IllegalStateException if a list is still entered
   */
  public void finish() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " list(s) still entered");
    }
    if (position != end) {
      throw fail(RlpError.TRAILING_BYTES, position, (end - position) + " bytes after the item");
    }
  }

  /** Reads the next item, which must be a byte string. */
  public Bytes readBytes() {
    readStringHeader();
    return Bytes.of(input, payloadOffset, payloadLength);
  }

  /** Reads the next item, which must be a byte string of exactly {@code length} bytes. */
  public Bytes readBytes(int length) {
    int itemOffset = position;
    readStringHeader();
    if (payloadLength != length) {
      throw fail(RlpError.WRONG_LENGTH, itemOffset, payloadLength + " bytes, expected " + length);
    }
    return Bytes.of(input, payloadOffset, payloadLength);
  }

  /** Reads the next item as a canonical unsigned integer that fits a non-negative long. */
  public long readLong() {
    int itemOffset = position;
    readStringHeader();
    return RlpIntegers.toLong(input, payloadOffset, payloadLength, itemOffset - start);
  }

  /** Reads the next item as a canonical unsigned integer of at most {@code maxBits} bits. */
  public BigInteger readBigInteger(int maxBits) {
    int itemOffset = position;
    readStringHeader();
    RlpIntegers.checkCanonical(input, payloadOffset, payloadLength, maxBits, itemOffset - start);
    return payloadLength == 0
        ? BigInteger.ZERO
        : new BigInteger(1, input, payloadOffset, payloadLength);
  }

  /** Returns the complete encoding (header and payload) of the next item and moves past it. */
  public Bytes readEncoded() {
    int itemOffset = position;
    skip();
    return Bytes.of(input, itemOffset, position - itemOffset);
  }

  /** Moves past the next item (checking its header, not its contents). */
  public void skip() {
    parseHeader();
    position = payloadOffset + payloadLength;
  }

  /** Reads the next item and everything inside it as a tree, checking all of it. */
  public RlpItem readItem() {
    if (!nextIsList()) {
      return new RlpString(readBytes());
    }
    enterList();
    List<RlpItem> items = new ArrayList<>();
    while (hasNext()) {
      items.add(readItem());
    }
    exitList();
    return new RlpList(items);
  }

  private void readStringHeader() {
    parseHeader();
    if (headerIsList) {
      throw fail(RlpError.EXPECTED_STRING, position, "");
    }
    position = payloadOffset + payloadLength;
  }

  private int limit() {
    return depth == 0 ? end : listEnds[depth - 1];
  }

  private void requireItem() {
    if (position >= limit()) {
      boolean empty = depth == 0 && start == end;
      throw fail(empty ? RlpError.INPUT_EMPTY : RlpError.MISSING_ITEM, position, "");
    }
  }

  /**
   * Parses and checks the header at {@link #position} without moving; the canonical-form rules of
   * the decoder all live here.
   */
  private void parseHeader() {
    requireItem();
    int prefix = input[position] & 0xff;
    if (prefix < RlpHeaders.STRING_BASE) {
      setHeader(false, position, 1);
    } else if (prefix < RlpHeaders.STRING_BASE + RlpHeaders.SHORT_LIMIT) {
      setHeader(false, position + 1, prefix - RlpHeaders.STRING_BASE);
      if (payloadLength == 1 && (input[payloadOffset] & 0xff) < RlpHeaders.STRING_BASE) {
        throw fail(RlpError.NON_CANONICAL_SINGLE_BYTE, position, "");
      }
    } else if (prefix < RlpHeaders.LIST_BASE) {
      parseLongHeader(false, prefix - (RlpHeaders.STRING_BASE + RlpHeaders.SHORT_LIMIT - 1));
    } else if (prefix < RlpHeaders.LIST_BASE + RlpHeaders.SHORT_LIMIT) {
      setHeader(true, position + 1, prefix - RlpHeaders.LIST_BASE);
    } else {
      parseLongHeader(true, prefix - (RlpHeaders.LIST_BASE + RlpHeaders.SHORT_LIMIT - 1));
    }
  }

  private void parseLongHeader(boolean isList, int lengthOfLength) {
    int first = position + 1;
    if ((long) first + lengthOfLength > limit()) {
      throw overrun(lengthOfLength);
    }
    if (input[first] == 0) {
      throw fail(RlpError.LEADING_ZERO_IN_LENGTH, position, "");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (input[first + i] & 0xff);
      if (length > Integer.MAX_VALUE) {
        throw fail(RlpError.LENGTH_OVERFLOW, position, lengthOfLength + "-byte length");
      }
    }
    if (length < RlpHeaders.SHORT_LIMIT) {
      throw fail(RlpError.NON_CANONICAL_LENGTH, position, "length " + length);
    }
    setHeader(isList, first + lengthOfLength, (int) length);
  }

  /** Records a header after checking that its payload fits in the enclosing list or input. */
  private void setHeader(boolean isList, int offset, int length) {
    if ((long) offset + length > limit()) {
      throw overrun(offset - position - 1 + length);
    }
    headerIsList = isList;
    payloadOffset = offset;
    payloadLength = length;
  }

  private RlpException overrun(int neededAfterPrefix) {
    int limit = limit();
    String detail = "needs " + (1L + neededAfterPrefix) + " bytes, " + (limit - position) + " left";
    return fail(limit == end ? RlpError.TRUNCATED : RlpError.ITEM_EXCEEDS_LIST, position, detail);
  }

  private RlpException fail(RlpError error, int at, String detail) {
    return new RlpException(error, at - start, detail);
  }
}
