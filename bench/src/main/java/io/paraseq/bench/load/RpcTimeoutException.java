package io.paraseq.bench.load;

import java.net.URI;
import java.time.Duration;

/**
 * The target did not answer a request within the client's timeout. A lane treats it as the target
 * having stalled (its batch gets no acknowledgement) rather than as a broken run.
 */
final class RpcTimeoutException extends RpcException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  RpcTimeoutException(URI url, Duration timeout, Throwable cause) {
    super("no answer from " + url + " within " + timeout.toSeconds() + " s", cause);
    this.timeout = timeout;
  }

  /** How long the client waited. */
  Duration timeout() {
    return timeout;
  }
}
