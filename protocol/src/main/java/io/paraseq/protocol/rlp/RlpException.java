package io.paraseq.protocol.rlp;

/**
 * A rejected RLP input: carries the {@link RlpError reason} and the byte offset where the offending
 * item starts.
 *
 * <p>The offset counts from the start of the decoded input; for integer conversions on a detached
 * {@link RlpString} it is 0 (the start of that item). Malformed input is an expected event on
 * ingress, so this exception records no stack trace: the reason and offset say everything.
 */
public final class RlpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RlpError error;
  private final int offset;
  private final String detail;

  RlpException(RlpError error, int offset, String detail) {
    super(null, null, false, false);
    this.error = error;
    this.offset = offset;
    this.detail = detail;
  }

  /** Built on demand: rejected input is common on ingress and most messages are never read. */
  @Override
  public String getMessage() {
    String message = error + " at offset " + offset + ": " + error.description();
    return detail.isEmpty() ? message : message + " (" + detail + ")";
  }

  /** Which rule the input broke. */
  public RlpError error() {
    return error;
  }

  /** Byte offset of the offending item. */
  public int offset() {
    return offset;
  }
}
