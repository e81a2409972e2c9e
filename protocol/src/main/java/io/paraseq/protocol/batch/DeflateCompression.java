package io.paraseq.protocol.batch;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw DEFLATE (RFC 1951) through {@code java.util.zip}: no zlib header, no checksum. */
final class DeflateCompression implements Compression {

  static final DeflateCompression INSTANCE = new DeflateCompression();

  private static final int CHUNK = 64 * 1024;

  private DeflateCompression() {}

  @Override
  public byte[] compress(byte[] payload, int level) {
    Deflater deflater = new Deflater(level, true);
    try {
      deflater.setInput(payload);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 64);
      byte[] chunk = new byte[CHUNK];
      while (!deflater.finished()) {
        int n = deflater.deflate(chunk);
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  @Override
  public byte[] decompress(byte[] compressed, int offset, int maxSize) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(compressed, offset, compressed.length - offset);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[CHUNK];
      while (!inflater.finished()) {
        int n = inflate(inflater, chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw Compression.corrupt("deflate stream ends before its final block");
        }
        if (out.size() + n > maxSize) {
          throw Compression.tooLarge(maxSize);
        }
        out.write(chunk, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new RejectedBatchException(
            BatchDecodeError.TRAILING_COMPRESSED_BYTES,
            inflater.getRemaining() + " bytes after the deflate stream");
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static int inflate(Inflater inflater, byte[] chunk) {
    try {
      return inflater.inflate(chunk);
    } catch (DataFormatException e) {
      throw Compression.corrupt("deflate: " + e.getMessage());
    }
  }
}
