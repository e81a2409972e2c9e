package io.paraseq.sequencer.rpc;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rpc_modules}: the namespaces served, each with version {@code 1.0}, as geth answers
 * ({@code {"eth":"1.0","net":"1.0",…}}). Derived from {@link RpcMethodName}, which the registry
 * keeps equal to the registered methods.
 */
final class RpcModules implements RpcMethod {

  private final Map<String, String> modules;

  RpcModules() {
    Map<String, String> byNamespace = new TreeMap<>();
    Arrays.stream(RpcMethodName.values()).forEach(n -> byNamespace.put(n.namespace(), "1.0"));
    this.modules = Collections.unmodifiableMap(byNamespace);
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.RPC_MODULES;
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return RpcResult.success(modules);
  }
}
