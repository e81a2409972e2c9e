package io.paraseq.bench.compress;

/**
 * The cost of a format's layout, without compression: building the payload from raw transactions
 * (including their strict decoding) and parsing it back (including rebuilding and re-checking every
 * transaction).
 *
 * @param batch the batch (its kind, size and address counts)
 * @param format the format
 * @param encodeNanos median time of the encoder with {@code Codec.NONE}
 * @param decodeNanos median time of the decoder on that data
 */
record LayoutTiming(GeneratedBatch batch, Format format, long encodeNanos, long decodeNanos) {}
