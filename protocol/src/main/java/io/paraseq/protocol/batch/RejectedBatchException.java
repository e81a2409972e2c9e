package io.paraseq.protocol.batch;

/**
 * Carries a {@link BatchDecodeFailure} out of a nested decoding step to {@link BatchDecoder}, which
 * turns it into a {@link BatchDecodeResult.Rejected}. Never escapes this package; records no stack
 * trace because rejected input is an expected event.
 */
final class RejectedBatchException extends RuntimeException {

  private final transient BatchDecodeFailure failure;

  RejectedBatchException(BatchDecodeError reason, String detail) {
    super(null, null, false, false);
    this.failure = new BatchDecodeFailure(reason, detail);
  }

  BatchDecodeFailure failure() {
    return failure;
  }

  @Override
  public String getMessage() {
    return failure.message();
  }
}
