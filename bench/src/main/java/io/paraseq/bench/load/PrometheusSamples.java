package io.paraseq.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The samples of one Prometheus text exposition (format 0.0.4, what {@code /actuator/prometheus}
 * serves): {@code name{label="value",...} number [timestamp]} lines; {@code #} lines and blank
 * lines are skipped. Only what the generator reads is supported: label values with the escapes
 * {@code \\}, {@code \"} and {@code \n}; the numbers Java parses plus {@code NaN}, {@code +Inf} and
 * {@code -Inf}. Immutable.
 */
final class PrometheusSamples {

  /**
   * One sample.
   *
   * @param name the metric name (with any {@code _total} suffix as exposed)
   * @param labels the labels, in exposition order
   * @param value the value
   */
  record Sample(String name, Map<String, String> labels, double value) {
    Sample {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
    }
  }

  /** A line that is not a sample. */
  static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  private final List<Sample> samples;

  private PrometheusSamples(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  /**
   * Parses {@code text}.
   *
   * @throws MalformedException naming the first line that is not a sample
   */
  static PrometheusSamples parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    return new PrometheusSamples(samples);
  }

  /** Every sample, in exposition order. */
  List<Sample> samples() {
    return samples;
  }

  /** The value of the first sample named {@code name} whose labels include {@code labels}. */
  OptionalDouble value(String name, Map<String, String> labels) {
    for (Sample sample : samples) {
      if (sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet())) {
        return OptionalDouble.of(sample.value());
      }
    }
    return OptionalDouble.empty();
  }

  /** The value of the first sample named {@code name}, whatever its labels. */
  OptionalDouble value(String name) {
    return value(name, Map.of());
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    String name = line.substring(0, i);
    if (name.isEmpty()) {
      throw new MalformedException("no metric name: " + line);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
      throw new MalformedException("no single value after the name and labels: " + line);
    }
    return new Sample(name, labels, number(rest[0], line));
  }

  /** Reads {@code key="value",...}} from {@code from}; returns the index after the brace. */
  private static int labels(String line, int from, Map<String, String> labels) {
    int i = from;
    while (true) {
      while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
        i++;
      }
      if (i < line.length() && line.charAt(i) == '}') {
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        throw new MalformedException("a label without =\"value\": " + line);
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      i = eq + 2;
      while (true) {
        if (i >= line.length()) {
          throw new MalformedException("an unterminated label value: " + line);
        }
        char c = line.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c == '\\' && i < line.length()) {
          char escaped = line.charAt(i++);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      labels.put(key, value.toString());
    }
  }

  private static double number(String text, String line) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new MalformedException("not a number: " + text + " in " + line);
        }
      }
    };
  }
}
