package io.paraseq.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --name value} / {@code --name=value} command lines of the bench tools ({@code bench
 * exec}, {@code bench compress}), split into name–value pairs in order. Each tool interprets the
 * names itself.
 */
public final class CommandLineOptions {

  private CommandLineOptions() {}

  /** One option as given. */
  public record Option(String name, String value) {}

  /**
   * The options of {@code args}, in order.
   *
   * @throws IllegalArgumentException {@code missing value for <name>} when the last name has no
   *     value
   */
  public static List<Option> parse(List<String> args) {
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        rest.addAll(Arrays.asList(arg.split("=", 2)));
      } else {
        rest.add(arg);
      }
    }
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < rest.size(); i += 2) {
      String name = rest.get(i);
      if (i + 1 >= rest.size()) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      options.add(new Option(name, rest.get(i + 1)));
    }
    return options;
  }
}
