package io.paraseq.bench.compress;

/**
 * One row of the report: one batch, one format, one codec level.
 *
 * @param workload the batch's kind
 * @param format the format and the registry it was encoded against
 * @param codec the codec and level
 * @param txCount transactions in the batch
 * @param rawBytes total length of the raw signed transactions
 * @param payloadBytes the format's payload before compression
 * @param postedBytes the posted data: version and codec bytes and the compressed payload
 * @param compressNanos median time to compress the payload
 * @param decompressNanos median time to decompress it
 * @param roundTrip whether decoding the posted data gave back the batch's blocks exactly
 */
record Measurement(
    Workload workload,
    Format format,
    CodecLevel codec,
    int txCount,
    long rawBytes,
    long payloadBytes,
    long postedBytes,
    long compressNanos,
    long decompressNanos,
    boolean roundTrip) {

  /** Raw transaction bytes per posted byte. */
  double ratio() {
    return (double) rawBytes / postedBytes;
  }

  /** Posted bytes per transaction. */
  double bytesPerTx() {
    return (double) postedBytes / txCount;
  }

  /** Payload MB (10^6 bytes) compressed per second. */
  double compressMbPerSecond() {
    return megabytesPerSecond(payloadBytes, compressNanos);
  }

  /** Payload MB (10^6 bytes) decompressed per second. */
  double decompressMbPerSecond() {
    return megabytesPerSecond(payloadBytes, decompressNanos);
  }

  private static double megabytesPerSecond(long bytes, long nanos) {
    return nanos == 0 ? Double.POSITIVE_INFINITY : bytes * 1e3 / nanos;
  }
}
