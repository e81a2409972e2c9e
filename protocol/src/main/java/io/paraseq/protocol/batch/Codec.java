package io.paraseq.protocol.batch;

import io.paraseq.protocol.types.Bytes;
import java.util.Optional;

/**
 * The compression of a batch payload, named by the second byte of the posted data. The level is an
 * encoder's choice and is not recorded: every level of a codec decodes the same way.
 *
 * <p>Every codec's decoder is strict: exactly one complete stream, nothing after it, and never more
 * output than the caller's limit (a decompression bomb is rejected before it is inflated).
 */
public enum Codec {
  /** No compression: the payload as is. For tests and debugging. */
  NONE(0x00, 0, 0, 0),
  /** Raw DEFLATE (RFC 1951, no zlib or gzip wrapper), levels 1–9, through {@code java.util.zip}. */
  DEFLATE(0x01, 1, 9, 6),
  /** Zstandard (RFC 8878), one frame with its content size, levels 1–22. */
  ZSTD(0x02, 1, 22, 3),
  /** Brotli (RFC 7932), qualities 0–11. */
  BROTLI(0x03, 0, 11, 6);

  private final int id;
  private final int minLevel;
  private final int maxLevel;
  private final int defaultLevel;

  Codec(int id, int minLevel, int maxLevel, int defaultLevel) {
    this.id = id;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
    this.defaultLevel = defaultLevel;
  }

  /** The id byte written after the version byte. */
  public int id() {
    return id;
  }

  /** The lowest level the encoder accepts. */
  public int minLevel() {
    return minLevel;
  }

  /** The highest level the encoder accepts. */
  public int maxLevel() {
    return maxLevel;
  }

  /** The library's usual default level. */
  public int defaultLevel() {
    return defaultLevel;
  }

  /** The codec with id byte {@code id}, if there is one. */
  public static Optional<Codec> ofId(int id) {
    for (Codec codec : values()) {
      if (codec.id == id) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /**
   * Compresses {@code payload} at {@code level}.
   *
   * @throws IllegalArgumentException if {@code level} is outside [{@link #minLevel()}, {@link
   *     #maxLevel()}]
   */
  public byte[] compress(byte[] payload, int level) {
    if (level < minLevel || level > maxLevel) {
      throw new IllegalArgumentException(
          this + " levels are " + minLevel + ".." + maxLevel + ", got " + level);
    }
    return compression().compress(payload, level);
  }

  /**
   * Decompresses {@code compressed}, strictly: one complete stream, nothing after it, at most
   * {@code maxSize} bytes of output.
   *
   * @return the payload, or the failure ({@link BatchDecodeError#CORRUPT_COMPRESSION}, {@link
   *     BatchDecodeError#TRAILING_COMPRESSED_BYTES}, {@link BatchDecodeError#PAYLOAD_TOO_LARGE})
   */
  public BatchDecodeResult<Bytes> decompress(Bytes compressed, int maxSize) {
    try {
      return BatchDecodeResult.decoded(Bytes.of(decompress(compressed.toArray(), 0, maxSize)));
    } catch (RejectedBatchException e) {
      return BatchDecodeResult.rejected(e.failure());
    }
  }

  /**
   * Decompresses {@code compressed[offset..]}, strictly.
   *
   * @param maxSize the largest output accepted
   * @throws RejectedBatchException for corrupt, truncated, trailing or oversized data
   */
  byte[] decompress(byte[] compressed, int offset, int maxSize) {
    return compression().decompress(compressed, offset, maxSize);
  }

  private Compression compression() {
    return switch (this) {
      case NONE -> Compression.IDENTITY;
      case DEFLATE -> DeflateCompression.INSTANCE;
      case ZSTD -> ZstdCompression.INSTANCE;
      case BROTLI -> BrotliCompression.INSTANCE;
    };
  }
}
