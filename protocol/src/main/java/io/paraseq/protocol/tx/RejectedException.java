package io.paraseq.protocol.tx;

/**
 * Carries a {@link Rejection} out of the field readers to the public entry points, which turn it
 * into a {@link TransactionResult.Invalid}. Never leaves this package. No stack trace: rejected
 * input is common on ingress.
 */
final class RejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  RejectedException(Rejection rejection) {
    super(null, null, false, false);
    this.rejection = rejection;
  }

  RejectedException(InvalidTransaction reason, String detail) {
    this(Rejection.of(reason, detail));
  }

  Rejection rejection() {
    return rejection;
  }

  @Override
  public String getMessage() {
    return rejection.message();
  }
}
