package io.paraseq.protocol.block;

/**
 * Carries a {@link BlockDecodeFailure} out of a nested decoding step to the public decoder, which
 * turns it into a {@link DecodeResult.Rejected}. Never escapes this package; records no stack trace
 * because rejected input is an expected event.
 */
final class RejectedDataException extends RuntimeException {

  private final transient BlockDecodeFailure failure;

  RejectedDataException(BlockDecodeFailure failure) {
    super(null, null, false, false);
    this.failure = failure;
  }

  BlockDecodeFailure failure() {
    return failure;
  }

  @Override
  public String getMessage() {
    return failure.message();
  }
}
