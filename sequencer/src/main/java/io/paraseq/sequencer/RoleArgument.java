package io.paraseq.sequencer;

import io.paraseq.sequencer.config.NodeProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's {@code --role verifier} (or {@code --role=verifier}) as the property {@code
 * --paraseq.role=verifier}; every other argument passes unchanged. Stateless.
 */
final class RoleArgument {

  private static final String FLAG = "--role";

  private RoleArgument() {}

  /**
   * The arguments with the role flag rewritten.
   *
   * @throws IllegalArgumentException if {@code --role} is the last argument (no value)
   */
  static String[] rewrite(String[] args) {
    List<String> out = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(FLAG)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--role needs a value: sequencer or verifier");
        }
        out.add("--" + NodeProperties.ROLE_PROPERTY + "=" + args[++i]);
      } else if (arg.startsWith(FLAG + "=")) {
        out.add("--" + NodeProperties.ROLE_PROPERTY + "=" + arg.substring(FLAG.length() + 1));
      } else {
        out.add(arg);
      }
    }
    return out.toArray(String[]::new);
  }
}
