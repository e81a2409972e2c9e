package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.BatchHeader;
import java.util.List;
import java.util.Locale;

/** Renders the measurements as Markdown tables, the form docs/benchmarks.md records. */
final class CompressReport {

  static final String ROW_HEADER =
      "| workload | format | codec | payload B | posted B | ratio | B/tx | L1 calldata B/tx |"
          + " compress MB/s | decompress MB/s | round trip |";

  static final String LAYOUT_HEADER =
      "| workload | format | raw B/tx | distinct senders | distinct recipients |"
          + " layout encode ms | layout decode ms |";

  private CompressReport() {}

  /** The codec table and the layout table. */
  static String render(List<Measurement> rows, List<LayoutTiming> layouts) {
    StringBuilder out = new StringBuilder();
    out.append(ROW_HEADER).append('\n');
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Measurement row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %,d | %,d | %.2f | %.1f | %.1f | %s | %s | %s |%n",
              row.workload().label(),
              row.format().label(),
              row.codec().label(),
              row.payloadBytes(),
              row.postedBytes(),
              row.ratio(),
              row.bytesPerTx(),
              l1CalldataPerTx(row),
              speed(row.compressMbPerSecond()),
              speed(row.decompressMbPerSecond()),
              row.roundTrip() ? "ok" : "FAILED"));
    }
    out.append('\n').append(LAYOUT_HEADER).append('\n');
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (LayoutTiming layout : layouts) {
      GeneratedBatch batch = layout.batch();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %,d | %,d | %.1f | %.1f |%n",
              batch.workload().label(),
              layout.format().label(),
              (double) batch.rawBytes() / batch.txCount(),
              batch.distinctSenders(),
              batch.distinctRecipients(),
              layout.encodeNanos() / 1e6,
              layout.decodeNanos() / 1e6));
    }
    return out.toString();
  }

  /**
   * The {@code appendBatch} calldata (selector, ABI head, length word, data padded to words) per
   * transaction, for a batch posted in one L1 transaction.
   */
  static double l1CalldataPerTx(Measurement row) {
    return (double) BatchHeader.appendBatchCalldataLength(Math.toIntExact(row.postedBytes()))
        / row.txCount();
  }

  private static String speed(double mbPerSecond) {
    if (Double.isInfinite(mbPerSecond)) {
      return "—";
    }
    return mbPerSecond >= 100
        ? String.format(Locale.ROOT, "%,.0f", mbPerSecond)
        : String.format(Locale.ROOT, "%.1f", mbPerSecond);
  }
}
