package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.BatchDecodeResult;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.types.Bytes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures one batch in both formats under every codec level: sizes exactly, times as the median of
 * {@code reps} warm runs (after one untimed run). Every compressed form is decoded through {@link
 * BatchDecoder} and compared with the batch. Single-threaded.
 */
final class CompressBench {

  /**
   * What one batch measured.
   *
   * @param rows one per format and codec level
   * @param layouts one per format
   */
  record Result(List<Measurement> rows, List<LayoutTiming> layouts) {}

  private final int reps;
  private final PrintStream log;
  private int sink;

  CompressBench(int reps, PrintStream log) {
    if (reps < 1) {
      throw new IllegalArgumentException("reps must be >= 1: " + reps);
    }
    this.reps = reps;
    this.log = log;
  }

  Result run(GeneratedBatch batch, List<CodecLevel> codecs) {
    List<Measurement> rows = new ArrayList<>();
    List<LayoutTiming> layouts = new ArrayList<>();
    for (BatchVersion version : BatchVersion.values()) {
      Supplier<Bytes> encode = () -> encode(batch, version, Codec.NONE, 0);
      Bytes plain = encode.get();
      long encodeNanos = median(() -> encode.get().length());
      long decodeNanos =
          median(
              () -> BatchDecoder.decode(plain, BatchGenerator.CHAIN).orElseThrow().blocks().size());
      layouts.add(new LayoutTiming(batch, version, encodeNanos, decodeNanos));
      byte[] payload = plain.slice(2, plain.length() - 2).toArray();
      for (CodecLevel codec : codecs) {
        log.printf("[compress] %s %s %s%n", batch.workload().label(), version, codec.label());
        rows.add(measure(batch, version, codec, payload));
      }
    }
    return new Result(rows, layouts);
  }

  private Measurement measure(
      GeneratedBatch batch, BatchVersion version, CodecLevel codec, byte[] payload) {
    byte[] compressed = codec.codec().compress(payload, codec.level());
    Bytes compressedBytes = Bytes.of(compressed);
    long compressNanos = median(() -> codec.codec().compress(payload, codec.level()).length);
    long decompressNanos =
        median(
            () ->
                codec
                    .codec()
                    .decompress(compressedBytes, BatchDecoder.MAX_PAYLOAD_BYTES)
                    .orElseThrow()
                    .length());
    byte[] posted = new byte[2 + compressed.length];
    posted[0] = (byte) version.id();
    posted[1] = (byte) codec.codec().id();
    System.arraycopy(compressed, 0, posted, 2, compressed.length);
    return new Measurement(
        batch.workload(),
        version,
        codec,
        batch.txCount(),
        batch.rawBytes(),
        payload.length,
        posted.length,
        compressNanos,
        decompressNanos,
        roundTrips(batch, version, Bytes.of(posted)));
  }

  /** Whether {@code posted} decodes to the batch's blocks (and, for v1, its senders). */
  static boolean roundTrips(GeneratedBatch batch, BatchVersion version, Bytes posted) {
    BatchDecodeResult<DecodedBatch> result = BatchDecoder.decode(posted, BatchGenerator.CHAIN);
    if (!result.isDecoded()) {
      return false;
    }
    DecodedBatch decoded = result.orElseThrow();
    boolean senders =
        version == BatchVersion.V0 || decoded.claimedSenders().equals(batch.senders());
    return decoded.blocks().equals(batch.blocks()) && senders;
  }

  static Bytes encode(GeneratedBatch batch, BatchVersion version, Codec codec, int level) {
    return switch (version) {
      case V0 -> BatchEncoder.encodeV0(batch.blocks(), codec, level);
      case V1 ->
          BatchEncoder.encodeV1(
              batch.blocks(), batch.senders(), BatchGenerator.CHAIN, codec, level);
    };
  }

  private long median(Supplier<Integer> work) {
    sink += work.get();
    long[] times = new long[reps];
    for (int r = 0; r < reps; r++) {
      long start = System.nanoTime();
      sink += work.get();
      times[r] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[reps / 2];
  }

  /** Keeps the measured results alive. */
  int sink() {
    return sink;
  }
}
