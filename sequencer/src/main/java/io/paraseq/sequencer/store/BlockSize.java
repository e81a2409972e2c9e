package io.paraseq.sequencer.store;

/**
 * The length of a block's encoding {@code rlp([header, [tx…], [], []])} (what {@code
 * Block.encoded()} produces, and geth's {@code size}), computed from the lengths of the stored
 * parts without re-encoding them: a legacy transaction is its RLP list as stored, a typed one the
 * RLP string wrapping its envelope.
 */
final class BlockSize {

  private static final int SHORT_LIMIT = 56;
  private static final int EMPTY_LIST = 1;

  private long transactionsPayload;
  private final int headerLength;

  /** A block whose header RLP is {@code headerLength} bytes, so far without transactions. */
  BlockSize(int headerLength) {
    this.headerLength = headerLength;
  }

  /** Adds a transaction whose stored encoding is {@code rawLength} bytes. */
  BlockSize add(boolean legacy, int rawLength) {
    transactionsPayload += legacy ? rawLength : prefix(rawLength) + rawLength;
    return this;
  }

  /** The block's encoded length. */
  long bytes() {
    long payload =
        headerLength + prefix(transactionsPayload) + transactionsPayload + 2L * EMPTY_LIST;
    return prefix(payload) + payload;
  }

  /** Length of the RLP header of a string or list whose payload is {@code length} bytes. */
  private static int prefix(long length) {
    if (length < SHORT_LIMIT) {
      return 1;
    }
    return 1 + (Long.SIZE - Long.numberOfLeadingZeros(length) + 7) / 8;
  }
}
