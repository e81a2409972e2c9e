package io.paraseq.sequencer.rpc;

import java.util.Objects;

/**
 * One validated call as a method sees it.
 *
 * @param method the method's name
 * @param params its positional arguments, already checked against the method's arity
 */
record RpcRequest(RpcMethodName method, RpcParams params) {
  RpcRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(params, "params");
  }
}
