package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.BatchDecodeResult;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchEncoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.batch.EncodedBatchData;
import io.paraseq.protocol.types.Bytes;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures one batch in every format under every codec level: sizes exactly, times as the median of
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

  /** Every format of {@link BatchVersion} against an empty registry. */
  Result run(GeneratedBatch batch, List<CodecLevel> codecs) {
    return run(batch, Arrays.stream(BatchVersion.values()).map(Format::cold).toList(), codecs);
  }

  Result run(GeneratedBatch batch, List<Format> formats, List<CodecLevel> codecs) {
    List<Measurement> rows = new ArrayList<>();
    List<LayoutTiming> layouts = new ArrayList<>();
    for (Format format : formats) {
      Supplier<Bytes> encode = () -> encode(batch, format, Codec.NONE, 0);
      Bytes plain = encode.get();
      long encodeNanos = median(() -> encode.get().length());
      long decodeNanos =
          median(
              () ->
                  BatchDecoder.decode(plain, BatchGenerator.CHAIN, format.registry())
                      .orElseThrow()
                      .blocks()
                      .size());
      layouts.add(new LayoutTiming(batch, format, encodeNanos, decodeNanos));
      byte[] payload = plain.slice(2, plain.length() - 2).toArray();
      for (CodecLevel codec : codecs) {
        log.printf(
            "[compress] %s %s %s%n", batch.workload().label(), format.label(), codec.label());
        rows.add(measure(batch, format, codec, payload));
      }
    }
    return new Result(rows, layouts);
  }

  private Measurement measure(
      GeneratedBatch batch, Format format, CodecLevel codec, byte[] payload) {
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
    posted[0] = (byte) format.version().id();
    posted[1] = (byte) codec.codec().id();
    System.arraycopy(compressed, 0, posted, 2, compressed.length);
    return new Measurement(
        batch.workload(),
        format,
        codec,
        batch.txCount(),
        batch.rawBytes(),
        payload.length,
        posted.length,
        compressNanos,
        decompressNanos,
        roundTrips(batch, format, Bytes.of(posted)));
  }

  /**
   * Whether {@code posted} decodes, against the format's registry, to the batch's blocks (and, for
   * v1 and v2, its senders).
   */
  static boolean roundTrips(GeneratedBatch batch, Format format, Bytes posted) {
    BatchDecodeResult<DecodedBatch> result =
        BatchDecoder.decode(posted, BatchGenerator.CHAIN, format.registry());
    if (!result.isDecoded()) {
      return false;
    }
    DecodedBatch decoded = result.orElseThrow();
    boolean senders =
        format.version() == BatchVersion.V0 || decoded.claimedSenders().equals(batch.senders());
    return decoded.blocks().equals(batch.blocks()) && senders;
  }

  static Bytes encode(GeneratedBatch batch, Format format, Codec codec, int level) {
    return encoded(batch, format, codec, level).data();
  }

  /** The batch in {@code format}, and what it appends to the registry. */
  static EncodedBatchData encoded(GeneratedBatch batch, Format format, Codec codec, int level) {
    return BatchEncoder.encode(
        format.version(),
        batch.blocks(),
        batch.senders(),
        BatchGenerator.CHAIN,
        format.registry(),
        codec,
        level);
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
