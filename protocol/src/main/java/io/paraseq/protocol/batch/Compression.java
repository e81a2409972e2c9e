package io.paraseq.protocol.batch;

import java.util.Arrays;

/**
 * One compression library behind a {@link Codec}. Implementations are stateless and thread-safe;
 * {@link #decompress} throws {@link RejectedBatchException} for any bad input and nothing else.
 */
interface Compression {

  /** The identity, for {@link Codec#NONE}. */
  Compression IDENTITY =
      new Compression() {
        @Override
        public byte[] compress(byte[] payload, int level) {
          return payload.clone();
        }

        @Override
        public byte[] decompress(byte[] compressed, int offset, int maxSize) {
          int length = compressed.length - offset;
          if (length > maxSize) {
            throw Compression.tooLarge(maxSize);
          }
          return Arrays.copyOfRange(compressed, offset, compressed.length);
        }
      };

  /** {@code payload} compressed at {@code level} (already checked against the codec's range). */
  byte[] compress(byte[] payload, int level);

  /** The one stream in {@code compressed[offset..]}, at most {@code maxSize} bytes of output. */
  byte[] decompress(byte[] compressed, int offset, int maxSize);

  /** The rejection of a stream that inflates past {@code maxSize}. */
  static RejectedBatchException tooLarge(int maxSize) {
    return new RejectedBatchException(
        BatchDecodeError.PAYLOAD_TOO_LARGE, "more than " + maxSize + " bytes");
  }

  /** The rejection of a corrupt or truncated stream. */
  static RejectedBatchException corrupt(String detail) {
    return new RejectedBatchException(BatchDecodeError.CORRUPT_COMPRESSION, detail);
  }
}
