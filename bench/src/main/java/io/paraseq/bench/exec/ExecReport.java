package io.paraseq.bench.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Renders the rows as Markdown tables, the form docs/benchmarks.md records. */
final class ExecReport {

  static final String ROW_HEADER =
      "| workload | accounts | pools | txs | executor | threads | ms/block | tx/s | speedup |"
          + " re-exec/tx | aborts/tx | suspensions/tx | alloc KB/tx | state root ms |";

  private ExecReport() {}

  /** The full table (one row per cell and executor), then the speedup summary. */
  static String render(List<ExecutorRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append(ROW_HEADER).append('\n');
    out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ExecutorRow row : rows) {
      Cell cell = row.cell();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %s | %,d | %s | %s | %.2f | %,.0f | %.2f× | %s | %s | %s | %.2f | %s |%n",
              cell.workload().label(),
              cell.accounts(),
              cell.pools() == 0 ? "–" : String.format(Locale.ROOT, "%,d", cell.pools()),
              cell.txs(),
              row.executor(),
              row.sequential() ? "1" : Integer.toString(row.threads()),
              row.medianNanos() / 1e6,
              row.txPerSecond(),
              row.speedup(),
              perTx(row, row.reexecutionsPerTx()),
              perTx(row, row.abortsPerTx()),
              perTx(row, row.suspensionsPerTx()),
              row.allocatedBytesPerTx() / 1024,
              row.stateRootNanos() < 0
                  ? ""
                  : String.format(Locale.ROOT, "%.2f", row.stateRootNanos() / 1e6)));
    }
    out.append('\n').append(summary(rows));
    return out.toString();
  }

  /**
   * Block-STM's speedup over the sequential executor: one row per workload and account count, one
   * column per block size and thread count.
   */
  static String summary(List<ExecutorRow> rows) {
    TreeSet<Integer> sizes = new TreeSet<>();
    TreeSet<String> columns = new TreeSet<>(ExecReport::compareColumns);
    Map<String, Map<String, Double>> table = new LinkedHashMap<>();
    for (ExecutorRow row : rows) {
      if (row.sequential()) {
        continue;
      }
      Cell cell = row.cell();
      sizes.add(cell.txs());
      columns.add(column(row));
      table
          .computeIfAbsent(
              String.format(
                  Locale.ROOT,
                  "| %s | %,d | %s |",
                  cell.workload().label(),
                  cell.accounts(),
                  cell.pools() == 0 ? "–" : String.format(Locale.ROOT, "%,d", cell.pools())),
              k -> new LinkedHashMap<>())
          .put(cell.txs() + "/" + column(row), row.speedup());
    }
    StringBuilder out = new StringBuilder("| workload | accounts | pools |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (int size : sizes) {
      for (String column : columns) {
        out.append(String.format(Locale.ROOT, " %,d txs, %s |", size, column));
        rule.append("---:|");
      }
    }
    out.append('\n').append(rule).append('\n');
    table.forEach(
        (label, speedups) -> {
          out.append(label);
          for (int size : sizes) {
            for (String column : columns) {
              Double speedup = speedups.get(size + "/" + column);
              out.append(speedup == null ? " |" : String.format(Locale.ROOT, " %.2f× |", speedup));
            }
          }
          out.append('\n');
        });
    return out.toString();
  }

  /** A summary column: "N thr" for raw Block-STM, "node N thr" for the node's configuration. */
  private static String column(ExecutorRow row) {
    return (row.hotSenderFallback() ? "node " : "") + row.threads() + " thr";
  }

  /** Raw Block-STM columns by thread count first, then the node's. */
  private static int compareColumns(String a, String b) {
    boolean nodeA = a.startsWith("node ");
    boolean nodeB = b.startsWith("node ");
    if (nodeA != nodeB) {
      return nodeA ? 1 : -1;
    }
    return Integer.compare(threadsOf(a), threadsOf(b));
  }

  private static int threadsOf(String column) {
    String[] words = column.split(" ");
    return Integer.parseInt(words[words.length - 2]);
  }

  private static String perTx(ExecutorRow row, double value) {
    return row.sequential() ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }
}
