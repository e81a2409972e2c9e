package io.paraseq.batcher.l1;

/**
 * The L1 node answered a read or a call with a JSON-RPC error that is about the request, not the
 * node's health (e.g. an {@code eth_call} that reverts). Neither retried nor counted by the circuit
 * breaker.
 */
public final class L1RpcErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  /** The node's error {@code code} and {@code message} for {@code method}. */
  public L1RpcErrorException(String method, int code, String message) {
    super(method + " failed: " + code + " " + message);
    this.code = code;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }
}
