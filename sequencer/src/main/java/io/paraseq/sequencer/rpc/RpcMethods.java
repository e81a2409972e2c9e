package io.paraseq.sequencer.rpc;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The method table: exactly one {@link RpcMethod} per {@link RpcMethodName}, immutable. */
final class RpcMethods {

  private final Map<RpcMethodName, RpcMethod> byName;

  private RpcMethods(Map<RpcMethodName, RpcMethod> byName) {
    this.byName = byName;
  }

  /**
   * The table of {@code methods}.
   *
   * @throws IllegalArgumentException if a name is registered twice or a name has no method
   */
  static RpcMethods of(Collection<? extends RpcMethod> methods) {
    Map<RpcMethodName, RpcMethod> byName = new EnumMap<>(RpcMethodName.class);
    for (RpcMethod method : methods) {
      RpcMethod previous = byName.put(method.name(), method);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two methods named "
                + method.name().wireName()
                + ": "
                + previous.getClass().getSimpleName()
                + " and "
                + method.getClass().getSimpleName());
      }
    }
    Set<RpcMethodName> missing = EnumSet.allOf(RpcMethodName.class);
    missing.removeAll(byName.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no method registered for " + missing);
    }
    return new RpcMethods(byName);
  }

  /** The method answering to {@code name}. */
  RpcMethod get(RpcMethodName name) {
    return byName.get(name);
  }

  /** The method answering to a wire name, if any. */
  Optional<RpcMethod> find(String wireName) {
    return RpcMethodName.fromWireName(wireName).map(byName::get);
  }
}
