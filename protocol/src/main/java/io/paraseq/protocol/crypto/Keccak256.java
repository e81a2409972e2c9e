package io.paraseq.protocol.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not FIPS-202 SHA3-256).
 *
 * <p>The static methods are thread-safe: they keep their state in local variables and allocate
 * nothing but the digest they return ({@link #hashInto} not even that). A {@link Hasher} absorbs a
 * message in pieces and is reusable but not thread-safe.
 */
public final class Keccak256 {

  /** Length of a digest in bytes. */
  public static final int LENGTH = 32;

  private Keccak256() {}

  /** Returns keccak256(input). */
  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  /** Returns keccak256(input[offset .. offset+length)). */
  public static byte[] hash(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    byte[] out = new byte[LENGTH];
    KeccakSponge.absorb(null, input, offset, length, out, 0);
    return out;
  }

  /**
   * Writes keccak256(input[offset .. offset+length)) to {@code out[outOffset .. outOffset+32)},
   * allocating nothing.
   */
  public static void hashInto(byte[] input, int offset, int length, byte[] out, int outOffset) {
    Objects.checkFromIndexSize(offset, length, input.length);
    Objects.checkFromIndexSize(outOffset, LENGTH, out.length);
    KeccakSponge.absorb(null, input, offset, length, out, outOffset);
  }

  /** Returns a new {@link Hasher} in its initial state. */
  public static Hasher newHasher() {
    return new Hasher();
  }

  /**
   * Keccak-256 of a message given in pieces: {@link #update} any number of times, then {@link
   * #digest} or {@link #digestInto}, which also reset it for the next message. Allocates only on
   * construction (and in {@link #digest()}, the returned array). Not thread-safe.
   */
  public static final class Hasher {

    private final long[] state = new long[KeccakSponge.LANES];
    private final byte[] buffer = new byte[KeccakSponge.RATE];
    private int buffered;

    private Hasher() {}

    /** Absorbs all of {@code input}. */
    public Hasher update(byte[] input) {
      return update(input, 0, input.length);
    }

    /** Absorbs {@code input[offset .. offset+length)}. */
    public Hasher update(byte[] input, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, input.length);
      int pos = offset;
      int end = offset + length;
      if (buffered > 0) {
        int take = Math.min(KeccakSponge.RATE - buffered, end - pos);
        System.arraycopy(input, pos, buffer, buffered, take);
        buffered += take;
        pos += take;
        if (buffered < KeccakSponge.RATE) {
          return this;
        }
        KeccakSponge.absorb(state, buffer, 0, KeccakSponge.RATE, null, 0);
        buffered = 0;
      }
      int whole = (end - pos) / KeccakSponge.RATE * KeccakSponge.RATE;
      if (whole > 0) {
        KeccakSponge.absorb(state, input, pos, whole, null, 0);
        pos += whole;
      }
      System.arraycopy(input, pos, buffer, 0, end - pos);
      buffered = end - pos;
      return this;
    }

    /** Absorbs one byte. */
    public Hasher update(byte b) {
      buffer[buffered++] = b;
      if (buffered == KeccakSponge.RATE) {
        KeccakSponge.absorb(state, buffer, 0, KeccakSponge.RATE, null, 0);
        buffered = 0;
      }
      return this;
    }

    /**
     * Writes the digest of everything absorbed since the last reset to {@code out[outOffset ..
     * outOffset+32)} and resets.
     */
    public void digestInto(byte[] out, int outOffset) {
      Objects.checkFromIndexSize(outOffset, LENGTH, out.length);
      KeccakSponge.absorb(state, buffer, 0, buffered, out, outOffset);
      reset();
    }

    /** Returns the digest of everything absorbed since the last reset, and resets. */
    public byte[] digest() {
      byte[] out = new byte[LENGTH];
      digestInto(out, 0);
      return out;
    }

    /** Forgets everything absorbed. */
    public Hasher reset() {
      Arrays.fill(state, 0L);
      buffered = 0;
      return this;
    }
  }
}
