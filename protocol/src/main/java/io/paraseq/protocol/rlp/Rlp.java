package io.paraseq.protocol.rlp;

import io.paraseq.protocol.types.Bytes;

/**
 * Entry points for whole-value RLP encoding and strict decoding.
 *
 * <p>For hot paths use {@link RlpWriter} and {@link RlpReader} directly.
 */
public final class Rlp {

  private Rlp() {}

  /** The canonical encoding of {@code item}. */
  public static Bytes encode(RlpItem item) {
    return new RlpWriter().write(item).toBytes();
  }

  /** The canonical encoding of {@code item} as a new array. */
  public static byte[] encodeToArray(RlpItem item) {
    return new RlpWriter().write(item).toByteArray();
  }

  /**
   * Decodes {@code encoded}, which must be exactly one canonical item.
   *
   * @throws RlpException on any malformed, non-canonical or trailing input
   */
  public static RlpItem decode(Bytes encoded) {
    return decode(encoded.toArray());
  }

  /**
   * Decodes {@code encoded} (not copied, not kept), which must be exactly one canonical item.
   *
   * @throws RlpException on any malformed, non-canonical or trailing input
   */
  public static RlpItem decode(byte[] encoded) {
    RlpReader reader = RlpReader.of(encoded);
    RlpItem item = reader.readItem();
    reader.finish();
    return item;
  }
}
