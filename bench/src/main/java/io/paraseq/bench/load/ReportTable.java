package io.paraseq.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Prints results side by side, one column per target, and with two targets a ratio column (first ÷
 * second) for the throughput and latency rows. Plain text, fixed width.
 */
final class ReportTable {

  private static final int LABEL_WIDTH = 42;
  private static final int CELL_WIDTH = 14;
  private static final double NANOS_PER_MILLI = 1e6;

  private ReportTable() {}

  /** The table for {@code results} (one or more, in column order). */
  static String render(List<RunResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results");
    }
    boolean ratio = results.size() == 2;
    List<String> lines = new ArrayList<>();
    List<String> header = new ArrayList<>(results.stream().map(RunResult::target).toList());
    if (ratio) {
      header.add(results.get(0).target() + " ÷ " + results.get(1).target());
    }
    lines.add(line("", header));
    text(lines, results, "chain id", r -> Long.toString(r.chainId()));
    text(lines, results, "schedule", RunResult::schedule);
    count(lines, results, "senders", RunResult::senders);
    count(lines, results, "transactions", RunResult::transactions);
    count(lines, results, "submitted", r -> r.submit().submitted());
    count(lines, results, "accepted", r -> r.submit().accepted());
    count(lines, results, "rejected", r -> r.submit().rejectedTotal());
    reasons(lines, results, r -> r.submit().rejected());
    count(lines, results, "retried (back-pressure refusals)", r -> r.submit().retriedTotal());
    reasons(lines, results, r -> r.submit().retried());
    count(lines, results, "included", RunResult::included);
    count(lines, results, "accepted but not included", RunResult::lost);
    count(lines, results, "HTTP requests", r -> r.submit().requests());
    number(lines, results, "submit time s", RunResult::submitSeconds, 2, false);
    number(lines, results, "submit TPS", RunResult::submitTps, 0, ratio);
    number(lines, results, "end-to-end time s", RunResult::endToEndSeconds, 2, false);
    number(lines, results, "end-to-end TPS", RunResult::endToEndTps, 0, ratio);
    number(lines, results, "ack latency p50 ms", r -> ms(r.ackLatency().p50()), 1, ratio);
    number(lines, results, "ack latency p99 ms", r -> ms(r.ackLatency().p99()), 1, ratio);
    number(
        lines, results, "inclusion latency p50 ms", r -> ms(r.inclusionLatency().p50()), 1, ratio);
    number(
        lines, results, "inclusion latency p99 ms", r -> ms(r.inclusionLatency().p99()), 1, ratio);
    number(
        lines, results, "inclusion latency max ms", r -> ms(r.inclusionLatency().max()), 1, ratio);
    count(lines, results, "blocks", r -> r.blocks().blocks());
    count(lines, results, "blocks with workload txs", r -> r.blocks().blocksWithWorkload());
    number(lines, results, "workload txs/block", RunResult::transactionsPerBlock, 1, false);
    count(lines, results, "most workload txs in a block", r -> r.blocks().maxPerBlock());
    number(lines, results, "generator CPU s", RunResult::generatorCpuSeconds, 1, false);
    for (RunResult r : results) {
      if (r.lost() > 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "note: %s never included %,d acknowledged transactions; its end-to-end figures"
                    + " cover the %,d it included",
                r.target(),
                r.lost(),
                r.included()));
      }
    }
    StringBuilder text = new StringBuilder(String.join("\n", lines)).append('\n');
    for (RunResult r : results) {
      r.batcher()
          .ifPresent(b -> text.append('\n').append(r.target()).append(' ').append(b.render()));
    }
    return text.toString();
  }

  private static void text(
      List<String> lines, List<RunResult> results, String label, Function<RunResult, String> cell) {
    lines.add(line(label, results.stream().map(cell).toList()));
  }

  private static void count(
      List<String> lines, List<RunResult> results, String label, ToLongFunction<RunResult> value) {
    text(lines, results, label, r -> String.format(Locale.ROOT, "%,d", value.applyAsLong(r)));
  }

  private static void number(
      List<String> lines,
      List<RunResult> results,
      String label,
      ToDoubleFunction<RunResult> value,
      int decimals,
      boolean withRatio) {
    String format = "%,." + decimals + "f";
    List<String> cells =
        new ArrayList<>(
            results.stream()
                .map(r -> String.format(Locale.ROOT, format, value.applyAsDouble(r)))
                .toList());
    if (withRatio) {
      ratio(value.applyAsDouble(results.get(0)), value.applyAsDouble(results.get(1)))
          .ifPresent(cells::add);
    }
    lines.add(line(label, cells));
  }

  /** One indented row per reason any result has, zero where a result has none. */
  private static void reasons(
      List<String> lines, List<RunResult> results, Function<RunResult, Map<String, Long>> counts) {
    SortedSet<String> all = new TreeSet<>();
    results.forEach(r -> all.addAll(counts.apply(r).keySet()));
    for (String reason : all) {
      count(lines, results, "  " + reason, r -> counts.apply(r).getOrDefault(reason, 0L));
    }
  }

  /** {@code a ÷ b} as {@code 12.3x}; empty when {@code b} is zero. */
  static Optional<String> ratio(double a, double b) {
    return b == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%.2fx", a / b));
  }

  private static double ms(long nanos) {
    return nanos / NANOS_PER_MILLI;
  }

  private static String line(String label, List<String> cells) {
    StringBuilder line = new StringBuilder();
    String shown = label.length() > LABEL_WIDTH ? label.substring(0, LABEL_WIDTH) : label;
    line.append(shown).append(" ".repeat(LABEL_WIDTH - shown.length()));
    for (String cell : cells) {
      line.append(' ');
      line.append(" ".repeat(Math.max(0, CELL_WIDTH - cell.length()))).append(cell);
    }
    return line.toString().stripTrailing();
  }
}
