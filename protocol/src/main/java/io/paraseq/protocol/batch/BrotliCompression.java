package io.paraseq.protocol.batch;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Brotli through brotli4j (Google's encoder and decoder, JNI). Decoding runs the streaming decoder
 * and stops as soon as the output passes the limit.
 */
final class BrotliCompression implements Compression {

  static final BrotliCompression INSTANCE = new BrotliCompression();

  private BrotliCompression() {}

  @Override
  public byte[] compress(byte[] payload, int level) {
    Brotli4jLoader.ensureAvailability();
    try {
      return Encoder.compress(payload, Encoder.Parameters.create(level));
    } catch (IOException e) {
      throw new UncheckedIOException("brotli compression failed", e);
    }
  }

  @Override
  public byte[] decompress(byte[] compressed, int offset, int maxSize) {
    Brotli4jLoader.ensureAvailability();
    int length = compressed.length - offset;
    DecoderJNI.Wrapper decoder = newDecoder(Math.max(length, 1));
    try {
      decoder.getInputBuffer().put(compressed, offset, length);
      decoder.push(length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (decoder.getStatus() != DecoderJNI.Status.DONE) {
        switch (decoder.getStatus()) {
          case OK -> decoder.push(0);
          case NEEDS_MORE_OUTPUT -> drain(decoder, out, maxSize);
          case NEEDS_MORE_INPUT -> {
            decoder.push(0);
            if (decoder.getStatus() == DecoderJNI.Status.NEEDS_MORE_INPUT) {
              throw Compression.corrupt("brotli stream ends before its last meta-block");
            }
          }
          case ERROR, DONE -> throw Compression.corrupt("brotli stream is corrupt");
        }
      }
      if (decoder.hasOutput()) {
        drain(decoder, out, maxSize);
      }
      return out.toByteArray();
    } finally {
      decoder.destroy();
    }
  }

  private static DecoderJNI.Wrapper newDecoder(int inputSize) {
    try {
      return new DecoderJNI.Wrapper(inputSize);
    } catch (IOException e) {
      throw new UncheckedIOException("brotli decoder could not be created", e);
    }
  }

  private static void drain(DecoderJNI.Wrapper decoder, ByteArrayOutputStream out, int maxSize) {
    ByteBuffer chunk = decoder.pull();
    if (out.size() + chunk.remaining() > maxSize) {
      throw Compression.tooLarge(maxSize);
    }
    byte[] bytes = new byte[chunk.remaining()];
    chunk.get(bytes);
    out.write(bytes, 0, bytes.length);
  }
}
