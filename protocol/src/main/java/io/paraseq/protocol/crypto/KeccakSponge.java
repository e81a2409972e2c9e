package io.paraseq.protocol.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Keccak-256 sponge: Keccak-f[1600] with a rate of 136 bytes and the original Keccak padding
 * (0x01 ... 0x80, not FIPS-202's 0x06).
 *
 * <p>One method does everything so that the 25 lanes live in local variables for the whole
 * absorption, across blocks, and the JIT can keep them in registers or stack slots instead of
 * loading and storing an array around every permutation. Lanes are read and written little-endian
 * through a byte-array view {@link VarHandle} (measured no slower than packing eight bytes by hand,
 * and 4-8% faster on 532-byte inputs). The round is written out once and iterated 24 times:
 * unrolling it whole would pass the JIT's 8000-bytecode limit for compiling a method, and computing
 * it row by row or two rounds per iteration measured the same. The permutation is bound by integer
 * ALU throughput (about 130 xor/andn/rotate operations per round; with BMI1/BMI2 the JIT emits andn
 * and rorx). Stateless and therefore thread-safe; a caller that absorbs in pieces keeps its own
 * {@code long[25]}.
 */
final class KeccakSponge {

  /** Bytes absorbed per permutation: (1600 - 2 * 256) / 8. */
  static final int RATE = 136;

  /** Lanes in the state. */
  static final int LANES = 25;

  private static final VarHandle LANE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The iota round constants of Keccak-f[1600]. */
  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  private KeccakSponge() {}

  /**
   * Absorbs {@code in[offset .. offset+length)} into a state.
   *
   * <p>With {@code out == null} only whole blocks are absorbed ({@code length} must be a multiple
   * of {@link #RATE}) and the lanes are written back to {@code state}. Otherwise the input is the
   * last of the message: it is padded, absorbed, and the 32-byte digest is written to {@code
   * out[outOffset ..]}; {@code state} is then left as it was (the caller resets it).
   *
   * @param state the 25 lanes to start from, or {@code null} for the all-zero initial state
   */
  static void absorb(long[] state, byte[] in, int offset, int length, byte[] out, int outOffset) {
    boolean fresh = state == null;
    long a00 = fresh ? 0 : state[0];
    long a01 = fresh ? 0 : state[1];
    long a02 = fresh ? 0 : state[2];
    long a03 = fresh ? 0 : state[3];
    long a04 = fresh ? 0 : state[4];
    long a05 = fresh ? 0 : state[5];
    long a06 = fresh ? 0 : state[6];
    long a07 = fresh ? 0 : state[7];
    long a08 = fresh ? 0 : state[8];
    long a09 = fresh ? 0 : state[9];
    long a10 = fresh ? 0 : state[10];
    long a11 = fresh ? 0 : state[11];
    long a12 = fresh ? 0 : state[12];
    long a13 = fresh ? 0 : state[13];
    long a14 = fresh ? 0 : state[14];
    long a15 = fresh ? 0 : state[15];
    long a16 = fresh ? 0 : state[16];
    long a17 = fresh ? 0 : state[17];
    long a18 = fresh ? 0 : state[18];
    long a19 = fresh ? 0 : state[19];
    long a20 = fresh ? 0 : state[20];
    long a21 = fresh ? 0 : state[21];
    long a22 = fresh ? 0 : state[22];
    long a23 = fresh ? 0 : state[23];
    long a24 = fresh ? 0 : state[24];
    int pos = offset;
    int end = offset + length;
    boolean last = false;
    while (true) {
      int rem = end - pos;
      if (rem >= RATE) {
        a00 ^= (long) LANE.get(in, pos + 0);
        a01 ^= (long) LANE.get(in, pos + 8);
        a02 ^= (long) LANE.get(in, pos + 16);
        a03 ^= (long) LANE.get(in, pos + 24);
        a04 ^= (long) LANE.get(in, pos + 32);
        a05 ^= (long) LANE.get(in, pos + 40);
        a06 ^= (long) LANE.get(in, pos + 48);
        a07 ^= (long) LANE.get(in, pos + 56);
        a08 ^= (long) LANE.get(in, pos + 64);
        a09 ^= (long) LANE.get(in, pos + 72);
        a10 ^= (long) LANE.get(in, pos + 80);
        a11 ^= (long) LANE.get(in, pos + 88);
        a12 ^= (long) LANE.get(in, pos + 96);
        a13 ^= (long) LANE.get(in, pos + 104);
        a14 ^= (long) LANE.get(in, pos + 112);
        a15 ^= (long) LANE.get(in, pos + 120);
        a16 ^= (long) LANE.get(in, pos + 128);
        pos += RATE;
      } else if (out == null) {
        break;
      } else {
        a00 ^= paddedLane(in, pos, rem, 0);
        a01 ^= paddedLane(in, pos, rem, 1);
        a02 ^= paddedLane(in, pos, rem, 2);
        a03 ^= paddedLane(in, pos, rem, 3);
        a04 ^= paddedLane(in, pos, rem, 4);
        a05 ^= paddedLane(in, pos, rem, 5);
        a06 ^= paddedLane(in, pos, rem, 6);
        a07 ^= paddedLane(in, pos, rem, 7);
        a08 ^= paddedLane(in, pos, rem, 8);
        a09 ^= paddedLane(in, pos, rem, 9);
        a10 ^= paddedLane(in, pos, rem, 10);
        a11 ^= paddedLane(in, pos, rem, 11);
        a12 ^= paddedLane(in, pos, rem, 12);
        a13 ^= paddedLane(in, pos, rem, 13);
        a14 ^= paddedLane(in, pos, rem, 14);
        a15 ^= paddedLane(in, pos, rem, 15);
        a16 ^= paddedLane(in, pos, rem, 16);
        last = true;
      }
      for (int round = 0; round < 24; round++) {
        long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
        long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
        long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
        long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
        long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
        long d0 = c4 ^ Long.rotateLeft(c1, 1);
        long d1 = c0 ^ Long.rotateLeft(c2, 1);
        long d2 = c1 ^ Long.rotateLeft(c3, 1);
        long d3 = c2 ^ Long.rotateLeft(c4, 1);
        long d4 = c3 ^ Long.rotateLeft(c0, 1);
        long b00 = a00 ^ d0;
        long b01 = Long.rotateLeft(a06 ^ d1, 44);
        long b02 = Long.rotateLeft(a12 ^ d2, 43);
        long b03 = Long.rotateLeft(a18 ^ d3, 21);
        long b04 = Long.rotateLeft(a24 ^ d4, 14);
        long b05 = Long.rotateLeft(a03 ^ d3, 28);
        long b06 = Long.rotateLeft(a09 ^ d4, 20);
        long b07 = Long.rotateLeft(a10 ^ d0, 3);
        long b08 = Long.rotateLeft(a16 ^ d1, 45);
        long b09 = Long.rotateLeft(a22 ^ d2, 61);
        long b10 = Long.rotateLeft(a01 ^ d1, 1);
        long b11 = Long.rotateLeft(a07 ^ d2, 6);
        long b12 = Long.rotateLeft(a13 ^ d3, 25);
        long b13 = Long.rotateLeft(a19 ^ d4, 8);
        long b14 = Long.rotateLeft(a20 ^ d0, 18);
        long b15 = Long.rotateLeft(a04 ^ d4, 27);
        long b16 = Long.rotateLeft(a05 ^ d0, 36);
        long b17 = Long.rotateLeft(a11 ^ d1, 10);
        long b18 = Long.rotateLeft(a17 ^ d2, 15);
        long b19 = Long.rotateLeft(a23 ^ d3, 56);
        long b20 = Long.rotateLeft(a02 ^ d2, 62);
        long b21 = Long.rotateLeft(a08 ^ d3, 55);
        long b22 = Long.rotateLeft(a14 ^ d4, 39);
        long b23 = Long.rotateLeft(a15 ^ d0, 41);
        long b24 = Long.rotateLeft(a21 ^ d1, 2);
        a00 = b00 ^ (~b01 & b02) ^ RC[round];
        a01 = b01 ^ (~b02 & b03);
        a02 = b02 ^ (~b03 & b04);
        a03 = b03 ^ (~b04 & b00);
        a04 = b04 ^ (~b00 & b01);
        a05 = b05 ^ (~b06 & b07);
        a06 = b06 ^ (~b07 & b08);
        a07 = b07 ^ (~b08 & b09);
        a08 = b08 ^ (~b09 & b05);
        a09 = b09 ^ (~b05 & b06);
        a10 = b10 ^ (~b11 & b12);
        a11 = b11 ^ (~b12 & b13);
        a12 = b12 ^ (~b13 & b14);
        a13 = b13 ^ (~b14 & b10);
        a14 = b14 ^ (~b10 & b11);
        a15 = b15 ^ (~b16 & b17);
        a16 = b16 ^ (~b17 & b18);
        a17 = b17 ^ (~b18 & b19);
        a18 = b18 ^ (~b19 & b15);
        a19 = b19 ^ (~b15 & b16);
        a20 = b20 ^ (~b21 & b22);
        a21 = b21 ^ (~b22 & b23);
        a22 = b22 ^ (~b23 & b24);
        a23 = b23 ^ (~b24 & b20);
        a24 = b24 ^ (~b20 & b21);
      }
      if (last) {
        break;
      }
    }
    if (out == null) {
      state[0] = a00;
      state[1] = a01;
      state[2] = a02;
      state[3] = a03;
      state[4] = a04;
      state[5] = a05;
      state[6] = a06;
      state[7] = a07;
      state[8] = a08;
      state[9] = a09;
      state[10] = a10;
      state[11] = a11;
      state[12] = a12;
      state[13] = a13;
      state[14] = a14;
      state[15] = a15;
      state[16] = a16;
      state[17] = a17;
      state[18] = a18;
      state[19] = a19;
      state[20] = a20;
      state[21] = a21;
      state[22] = a22;
      state[23] = a23;
      state[24] = a24;
      return;
    }
    LANE.set(out, outOffset + 0, a00);
    LANE.set(out, outOffset + 8, a01);
    LANE.set(out, outOffset + 16, a02);
    LANE.set(out, outOffset + 24, a03);
  }

  /**
   * Lane {@code lane} of the final, padded block whose {@code rem < RATE} message bytes start at
   * {@code in[pos]}: the message bytes, then 0x01, zeros, and 0x80 as the block's last byte.
   */
  private static long paddedLane(byte[] in, int pos, int rem, int lane) {
    int start = lane << 3;
    long v = 0;
    if (start + 8 <= rem) {
      v = (long) LANE.get(in, pos + start);
    } else if (start <= rem) {
      int n = rem - start;
      for (int k = n - 1; k >= 0; k--) {
        v = (v << 8) | (in[pos + start + k] & 0xFFL);
      }
      v |= 1L << (n << 3);
    }
    if (lane == RATE / 8 - 1) {
      v |= 0x8000000000000000L;
    }
    return v;
  }
}
