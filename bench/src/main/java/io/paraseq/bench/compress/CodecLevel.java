package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.Codec;
import java.util.List;
import java.util.Locale;

/**
 * A codec at one level.
 *
 * @param codec the codec
 * @param level its level
 */
record CodecLevel(Codec codec, int level) {

  /** What the benchmark measures by default: no compression, then three codecs at their levels. */
  static final List<CodecLevel> DEFAULTS =
      List.of(
          new CodecLevel(Codec.NONE, 0),
          new CodecLevel(Codec.DEFLATE, 1),
          new CodecLevel(Codec.DEFLATE, 6),
          new CodecLevel(Codec.DEFLATE, 9),
          new CodecLevel(Codec.ZSTD, 1),
          new CodecLevel(Codec.ZSTD, 3),
          new CodecLevel(Codec.ZSTD, 9),
          new CodecLevel(Codec.ZSTD, 19),
          new CodecLevel(Codec.BROTLI, 1),
          new CodecLevel(Codec.BROTLI, 6),
          new CodecLevel(Codec.BROTLI, 9),
          new CodecLevel(Codec.BROTLI, 11));

  /**
   * Parses {@code name-level}, e.g. {@code zstd-19}, or {@code none}.
   *
   * @throws IllegalArgumentException for an unknown codec or a level outside its range
   */
  static CodecLevel parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("-", 2);
    Codec codec;
    try {
      codec = Codec.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown codec: " + text, e);
    }
    int level = parts.length == 2 ? Integer.parseInt(parts[1]) : codec.defaultLevel();
    if (level < codec.minLevel() || level > codec.maxLevel()) {
      throw new IllegalArgumentException(
          codec + " levels are " + codec.minLevel() + ".." + codec.maxLevel() + ": " + text);
    }
    return new CodecLevel(codec, level);
  }

  /** {@code zstd-19}, or {@code none}. */
  String label() {
    String name = codec.name().toLowerCase(Locale.ROOT);
    return codec == Codec.NONE ? name : name + "-" + level;
  }
}
