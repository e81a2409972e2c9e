package io.paraseq.bench.load;

/**
 * The target could not be used: an I/O failure, an HTTP status other than 200, a reply that is not
 * the JSON-RPC answer asked for, or an error reply to a call the generator cannot do without. Ends
 * the run for that target.
 */
class RpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RpcException(String message) {
    super(message);
  }

  RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
