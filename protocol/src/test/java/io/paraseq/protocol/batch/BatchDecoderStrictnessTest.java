package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchDecoderStrictnessTest {

  private static final RandomBatches.Batch BATCH = new RandomBatches(11).batch(40, 4);

  @Test
  void tooShortUnknownVersionAndUnknownCodec() {
    assertThat(reason(Bytes.EMPTY)).isEqualTo(BatchDecodeError.TOO_SHORT);
    assertThat(reason(Bytes.of((byte) 0))).isEqualTo(BatchDecodeError.TOO_SHORT);
    assertThat(reason(Bytes.of((byte) 3, (byte) 0, (byte) 0xc0)))
        .isEqualTo(BatchDecodeError.UNKNOWN_VERSION);
    assertThat(reason(Bytes.of((byte) 0, (byte) 4, (byte) 0xc0)))
        .isEqualTo(BatchDecodeError.UNKNOWN_CODEC);
  }

  @ParameterizedTest
  @EnumSource(
      value = Codec.class,
      names = {"DEFLATE", "ZSTD", "BROTLI"})
  void truncatedCompressedStreamsAreRejected(Codec codec) {
    byte[] data = v1(codec).toArray();
    for (int cut : new int[] {2, 3, data.length / 2, data.length - 1}) {
      Bytes truncated = Bytes.of(Arrays.copyOf(data, cut));
      assertThat(reason(truncated)).as("cut at %d", cut).isIn(BatchDecodeError.CORRUPT_COMPRESSION);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Codec.class,
      names = {"DEFLATE", "ZSTD", "BROTLI"})
  void bytesAfterTheCompressedStreamAreRejected(Codec codec) {
    Bytes data = v1(codec).concat(Bytes.of((byte) 0));
    assertThat(reason(data))
        .isIn(BatchDecodeError.TRAILING_COMPRESSED_BYTES, BatchDecodeError.CORRUPT_COMPRESSION);
  }

  @ParameterizedTest
  @EnumSource(
      value = Codec.class,
      names = {"DEFLATE", "ZSTD", "BROTLI"})
  void garbageIsRejected(Codec codec) {
    Random random = new Random(codec.ordinal());
    for (int i = 0; i < 50; i++) {
      byte[] data = new byte[2 + random.nextInt(300)];
      random.nextBytes(data);
      data[0] = 1;
      data[1] = (byte) codec.id();
      assertThat(BatchDecoder.decode(Bytes.of(data), RandomBatches.CHAIN).isDecoded()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void aPayloadAboveTheLimitIsRejectedBeforeItIsInflated(Codec codec) {
    byte[] zeros = new byte[1 << 20];
    byte[] compressed = codec.compress(zeros, codec.maxLevel());
    byte[] data = new byte[2 + compressed.length];
    data[1] = (byte) codec.id();
    System.arraycopy(compressed, 0, data, 2, compressed.length);

    BatchDecodeResult<DecodedBatch> result =
        BatchDecoder.decode(Bytes.of(data), RandomBatches.CHAIN, 4096);

    assertThat(result.failureIfRejected().orElseThrow().reason())
        .isEqualTo(BatchDecodeError.PAYLOAD_TOO_LARGE);
  }

  @Test
  void everyTruncationOfAV1PayloadIsRejected() {
    byte[] data = v1(Codec.NONE).toArray();
    for (int cut = 2; cut < data.length; cut++) {
      assertThat(BatchDecoder.decode(Bytes.of(Arrays.copyOf(data, cut)), RandomBatches.CHAIN))
          .as("cut at %d", cut)
          .matches(result -> !result.isDecoded());
    }
  }

  @Test
  void everyTruncationOfAV0PayloadIsRejected() {
    byte[] data = BatchEncoder.encodeV0(BATCH.blocks(), Codec.NONE, 0).toArray();
    for (int cut = 2; cut < data.length; cut++) {
      assertThat(BatchDecoder.decode(Bytes.of(Arrays.copyOf(data, cut)), RandomBatches.CHAIN))
          .as("cut at %d", cut)
          .matches(result -> !result.isDecoded());
    }
  }

  @Test
  void bytesAfterThePayloadAreRejected() {
    Bytes v1 = v1(Codec.NONE).concat(Bytes.of((byte) 0));
    Bytes v0 = BatchEncoder.encodeV0(BATCH.blocks(), Codec.NONE, 0).concat(Bytes.of((byte) 0));
    assertThat(reason(v1)).isEqualTo(BatchDecodeError.TRAILING_BYTES);
    assertThat(reason(v0)).isEqualTo(BatchDecodeError.TRAILING_BYTES);
  }

  @Test
  void flippedBytesNeverCrashTheDecoder() {
    Random random = new Random(5);
    for (Bytes valid :
        List.of(v1(Codec.NONE), BatchEncoder.encodeV0(BATCH.blocks(), Codec.NONE, 0))) {
      byte[] data = valid.toArray();
      for (int i = 0; i < 2_000; i++) {
        byte[] mutated = data.clone();
        for (int f = 1 + random.nextInt(3); f > 0; f--) {
          mutated[2 + random.nextInt(mutated.length - 2)] = (byte) random.nextInt(256);
        }
        BatchDecodeResult<DecodedBatch> result =
            BatchDecoder.decode(Bytes.of(mutated), RandomBatches.CHAIN);
        if (result.isDecoded()) {
          DecodedBatch decoded = result.orElseThrow();
          assertThat(decoded.blocks()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void v1NonCanonicalFormsAreRejected() {
    // blockCount 1 written as the two-byte varint 0x81 0x00.
    assertThat(reason(payload(new byte[] {(byte) 0x81, 0x00})))
        .isEqualTo(BatchDecodeError.NON_CANONICAL);
    // No blocks.
    assertThat(reason(payload(new byte[] {0x00}))).isEqualTo(BatchDecodeError.NO_BLOCKS);
    // A varint longer than 64 bits.
    byte[] wide = new byte[12];
    Arrays.fill(wide, (byte) 0xff);
    wide[0] = 1;
    assertThat(reason(payload(wide))).isEqualTo(BatchDecodeError.OUT_OF_RANGE);
  }

  @Test
  void v1DecimalValuesMustBeCanonical() {
    assertThat(new DecimalValue(java.math.BigInteger.valueOf(10), 0).isCanonical()).isFalse();
    assertThat(new DecimalValue(java.math.BigInteger.ZERO, 1).isCanonical()).isFalse();
    assertThat(DecimalValue.of(Wei.MAX.value()).value()).isEqualTo(Wei.MAX.value());
    assertThat(DecimalValue.of(java.math.BigInteger.valueOf(1_500_000)))
        .isEqualTo(new DecimalValue(java.math.BigInteger.valueOf(15), 5));
  }

  @Test
  void v0RejectsDepositsInvalidTransactionsAndBrokenBlockSequences() {
    RlpWriter garbageTx = new RlpWriter();
    garbageTx.startList().startList().writeLong(1).writeLong(1).writeLong(0).writeLong(0);
    garbageTx.startList().writeBytes(Bytes.of((byte) 0x02, (byte) 0xc0)).endList();
    garbageTx.endList().endList();
    assertThat(reason(v0Payload(garbageTx))).isEqualTo(BatchDecodeError.INVALID_TRANSACTION);

    RlpWriter deposit = new RlpWriter();
    deposit.startList().startList().writeLong(1).writeLong(1).writeLong(0).writeLong(0);
    deposit.startList().writeBytes(depositBytes()).endList();
    deposit.endList().endList();
    assertThat(reason(v0Payload(deposit))).isEqualTo(BatchDecodeError.DEPOSIT_IN_BATCH);

    RlpWriter gap = new RlpWriter();
    gap.startList();
    gap.startList()
        .writeLong(1)
        .writeLong(1)
        .writeLong(0)
        .writeLong(0)
        .startList()
        .endList()
        .endList();
    gap.startList()
        .writeLong(3)
        .writeLong(1)
        .writeLong(0)
        .writeLong(0)
        .startList()
        .endList()
        .endList();
    gap.endList();
    assertThat(reason(v0Payload(gap))).isEqualTo(BatchDecodeError.BLOCK_SEQUENCE);

    RlpWriter none = new RlpWriter();
    none.startList().endList();
    assertThat(reason(v0Payload(none))).isEqualTo(BatchDecodeError.NO_BLOCKS);

    RlpWriter extraField = new RlpWriter();
    extraField.startList().startList().writeLong(1).writeLong(1).writeLong(0).writeLong(0);
    extraField.startList().endList().writeLong(9).endList().endList();
    assertThat(reason(v0Payload(extraField))).isEqualTo(BatchDecodeError.MALFORMED_PAYLOAD);
  }

  @Test
  void theL1BaseFeeStaysWithinZeroAndTwoToThe63MinusOne() {
    RlpWriter tooHigh = new RlpWriter();
    tooHigh.startList().startList().writeLong(1).writeLong(1).writeLong(0);
    tooHigh.writeBigInteger(java.math.BigInteger.ONE.shiftLeft(63)).startList().endList();
    tooHigh.endList().endList();
    assertThat(reason(v0Payload(tooHigh))).isEqualTo(BatchDecodeError.MALFORMED_PAYLOAD);

    // v1: 2 blocks, number 1, timestamp 1, cursor 0, l1BaseFee 5, no transactions, deltas 0, 0,
    // then an L1 base fee delta of -6 (zigzag 11): below zero.
    assertThat(reason(payload(new byte[] {2, 1, 1, 0, 5, 0, 0, 0, 0, 11})))
        .isEqualTo(BatchDecodeError.OUT_OF_RANGE);
    // l1BaseFee 2^63-1, then +1 (zigzag 2): above 2^63-1.
    byte[] max = {2, 1, 1, 0, -1, -1, -1, -1, -1, -1, -1, -1, 0x7f, 0, 0, 0, 0, 2};
    assertThat(reason(payload(max))).isEqualTo(BatchDecodeError.OUT_OF_RANGE);
  }

  private static Bytes depositBytes() {
    return new io.paraseq.protocol.tx.DepositTransaction(
            io.paraseq.protocol.types.Hash.ZERO,
            io.paraseq.protocol.types.Address.ZERO,
            io.paraseq.protocol.types.Address.ZERO,
            Wei.ZERO,
            Wei.ZERO,
            0,
            false,
            Bytes.EMPTY)
        .encoded();
  }

  private static Bytes v1(Codec codec) {
    return BatchEncoder.encodeV1(
        BATCH.blocks(), BATCH.senders(), RandomBatches.CHAIN, codec, codec.defaultLevel());
  }

  private static Bytes payload(byte[] v1Payload) {
    return Bytes.of((byte) 1, (byte) 0).concat(Bytes.of(v1Payload));
  }

  private static Bytes v0Payload(RlpWriter writer) {
    return Bytes.of((byte) 0, (byte) 0).concat(writer.toBytes());
  }

  private static BatchDecodeError reason(Bytes data) {
    return BatchDecoder.decode(data, RandomBatches.CHAIN)
        .failureIfRejected()
        .orElseThrow()
        .reason();
  }
}
