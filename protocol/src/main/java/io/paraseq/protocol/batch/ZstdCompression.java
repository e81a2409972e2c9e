package io.paraseq.protocol.batch;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * Zstandard through zstd-jni: exactly one frame, which must declare its content size (the encoder
 * always writes it), so the output is sized and bounded before anything is inflated.
 */
final class ZstdCompression implements Compression {

  static final ZstdCompression INSTANCE = new ZstdCompression();

  private ZstdCompression() {}

  @Override
  public byte[] compress(byte[] payload, int level) {
    return Zstd.compress(payload, level);
  }

  @Override
  public byte[] decompress(byte[] compressed, int offset, int maxSize) {
    int length = compressed.length - offset;
    if (length == 0) {
      throw Compression.corrupt("no zstd frame");
    }
    try {
      long frameSize = Zstd.findFrameCompressedSize(compressed, offset);
      if (Zstd.isError(frameSize)) {
        throw Compression.corrupt("zstd frame: " + Zstd.getErrorName(frameSize));
      }
      if (frameSize != length) {
        throw new RejectedBatchException(
            BatchDecodeError.TRAILING_COMPRESSED_BYTES,
            (length - frameSize) + " bytes after the zstd frame");
      }
      long contentSize = Zstd.getFrameContentSize(compressed, offset, length);
      if (contentSize < 0) {
        throw Compression.corrupt("zstd frame without a known content size (" + contentSize + ")");
      }
      if (contentSize > maxSize) {
        throw Compression.tooLarge(maxSize);
      }
      byte[] out = new byte[(int) contentSize];
      long written = Zstd.decompressByteArray(out, 0, out.length, compressed, offset, length);
      if (Zstd.isError(written)) {
        throw Compression.corrupt("zstd: " + Zstd.getErrorName(written));
      }
      if (written != contentSize) {
        throw Compression.corrupt("zstd frame gave " + written + " of " + contentSize + " bytes");
      }
      return out;
    } catch (ZstdException e) {
      throw Compression.corrupt("zstd: " + e.getMessage());
    }
  }
}
