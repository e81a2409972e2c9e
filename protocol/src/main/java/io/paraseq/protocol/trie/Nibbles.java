package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;

/**
 * Nibble paths: one nibble (0..15) per byte of a {@code byte[]}, and their hex-prefix encoding
 * (Yellow Paper appendix C). The arrays are owned by the trie nodes and never handed out.
 */
final class Nibbles {

  static final byte[] EMPTY = new byte[0];

  private static final int LEAF_FLAG = 2;
  private static final int ODD_FLAG = 1;

  private Nibbles() {}

  /** The nibbles of {@code key}, high nibble of each byte first. */
  static byte[] of(Bytes key) {
    byte[] bytes = key.toArray();
    byte[] nibbles = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      nibbles[2 * i] = (byte) ((bytes[i] >>> 4) & 0x0f);
      nibbles[2 * i + 1] = (byte) (bytes[i] & 0x0f);
    }
    return nibbles;
  }

  /** The bytes of an even-length nibble path {@code nibbles[0 .. length)}. */
  static Bytes toBytes(byte[] nibbles, int length) {
    if ((length & 1) != 0) {
      throw new IllegalArgumentException("odd nibble count " + length + " is not a byte key");
    }
    byte[] bytes = new byte[length / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return Bytes.of(bytes);
  }

  /** Length of the common prefix of {@code a} and {@code b[bFrom ..]}. */
  static int commonPrefix(byte[] a, byte[] b, int bFrom) {
    int max = Math.min(a.length, b.length - bFrom);
    int i = 0;
    while (i < max && a[i] == b[bFrom + i]) {
      i++;
    }
    return i;
  }

  /** True when {@code key[from ..]} starts with {@code path}. */
  static boolean startsWith(byte[] key, int from, byte[] path) {
    return key.length - from >= path.length
        && Arrays.equals(key, from, from + path.length, path, 0, path.length);
  }

  /** True when {@code key[from ..]} equals {@code path}. */
  static boolean equalsRest(byte[] key, int from, byte[] path) {
    return key.length - from == path.length
        && Arrays.equals(key, from, key.length, path, 0, path.length);
  }

  /** {@code nibble} followed by {@code path}. */
  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  /** {@code a} followed by {@code b}. */
  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Size in bytes of the hex-prefix encoding of a path of {@code nibbleCount} nibbles. */
  static int hexPrefixLength(int nibbleCount) {
    return nibbleCount / 2 + 1;
  }

  /**
   * Writes the hex-prefix encoding of {@code path} into {@code out} (which must have {@link
   * #hexPrefixLength} bytes of room) and returns its length.
   */
  static int hexPrefix(byte[] path, boolean leaf, byte[] out) {
    int flags = (leaf ? LEAF_FLAG : 0) | (path.length & 1);
    int i = 0;
    int o = 0;
    if ((path.length & 1) != 0) {
      out[o++] = (byte) ((flags << 4) | path[i++]);
    } else {
      out[o++] = (byte) (flags << 4);
    }
    while (i < path.length) {
      out[o++] = (byte) ((path[i] << 4) | path[i + 1]);
      i += 2;
    }
    return o;
  }

  /** The hex-prefix encoding of {@code path}. */
  static Bytes hexPrefix(byte[] path, boolean leaf) {
    byte[] out = new byte[hexPrefixLength(path.length)];
    hexPrefix(path, leaf, out);
    return Bytes.of(out);
  }

  /** A decoded hex-prefix path. */
  record Decoded(byte[] path, boolean leaf) {}

  /**
   * Decodes a hex-prefix encoding.
   *
   * @throws MalformedNodeException if the encoding is empty, has an unknown flag or a non-zero
   *     padding nibble
   */
  static Decoded decodeHexPrefix(Bytes encoded) {
    if (encoded.isEmpty()) {
      throw new MalformedNodeException("empty hex-prefix path");
    }
    byte[] bytes = encoded.toArray();
    int flags = (bytes[0] >>> 4) & 0x0f;
    if (flags > (LEAF_FLAG | ODD_FLAG)) {
      throw new MalformedNodeException("hex-prefix flag nibble " + flags);
    }
    boolean odd = (flags & ODD_FLAG) != 0;
    if (!odd && (bytes[0] & 0x0f) != 0) {
      throw new MalformedNodeException("non-zero padding nibble in an even hex-prefix path");
    }
    byte[] path = new byte[(bytes.length - 1) * 2 + (odd ? 1 : 0)];
    int p = 0;
    if (odd) {
      path[p++] = (byte) (bytes[0] & 0x0f);
    }
    for (int i = 1; i < bytes.length; i++) {
      path[p++] = (byte) ((bytes[i] >>> 4) & 0x0f);
      path[p++] = (byte) (bytes[i] & 0x0f);
    }
    return new Decoded(path, (flags & LEAF_FLAG) != 0);
  }
}
