package io.paraseq.batcher.build;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Hash;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the next batch from the sealed blocks after the last one: reads the pending blocks (at
 * most {@code maxBlocks}, and at most {@code 8 × maxBytes} of raw transactions), asks the close
 * rules, and when one fires takes the longest prefix of the pending blocks whose encoding fits in
 * {@code maxBytes} (found by a search that encodes prefixes of about {@code maxBytes}, see {@code
 * fit}). A single block that alone exceeds {@code maxBytes} becomes a batch of its own, with a
 * warning: the batch format cannot split a block, and one 30M-gas block of large-calldata
 * transactions can exceed 120 kB; the L1 transaction still carries it (calldata is limited by L1
 * gas, not by this setting). Never builds an empty batch. Encodes against the caller's address
 * registry (the one after the last built batch) and never changes it: the caller appends {@link
 * BuiltBatch#registryAppends()} once the batch is stored. Keeps only the last posted-to-raw ratio
 * between calls (a search hint); used by the batcher's thread.
 */
public final class BatchBuilder {

  private static final Logger log = LoggerFactory.getLogger(BatchBuilder.class);

  /** The read budget of raw transaction bytes, as a multiple of {@code maxBytes}. */
  static final int READ_BUDGET_FACTOR = 8;

  /**
   * Ratio-guided probes before the search falls back to plain bisection, which bounds the encodings
   * at {@code GUIDED_PROBES + log2(blocks)} even when the ratio keeps misleading it.
   */
  static final int GUIDED_PROBES = 4;

  private final SealedBlocks blocks;
  private final BatchEncoding encoding;
  private final int maxBytes;
  private final int maxBlocks;
  private final List<CloseRule> rules;
  private double ratio = 1.0; // posted bytes per raw byte of the last encoding (see fit)

  /**
   * A builder reading {@code blocks}, encoding with {@code encoding}, closing by {@code rules}.
   *
   * @param maxBytes the largest posted data of a batch (unless one block alone is larger)
   * @param maxBlocks the most blocks in one batch
   */
  public BatchBuilder(
      SealedBlocks blocks,
      BatchEncoding encoding,
      int maxBytes,
      int maxBlocks,
      List<CloseRule> rules) {
    this.blocks = Objects.requireNonNull(blocks, "blocks");
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    if (maxBytes < 1 || maxBlocks < 1) {
      throw new IllegalArgumentException(
          "maxBytes and maxBlocks must be positive: " + maxBytes + ", " + maxBlocks);
    }
    this.maxBytes = maxBytes;
    this.maxBlocks = maxBlocks;
    this.rules = List.copyOf(rules);
  }

  /**
   * The batch {@code seq} starting at block {@code firstBlock} on top of {@code prevStateRoot}, if
   * a close rule fires at {@code now}; empty while the rules wait or no block is pending.
   *
   * @param registry the address registry after batch {@code seq - 1} (read only)
   * @throws IllegalStateException if the port returns blocks that are not {@code firstBlock, …}
   */
  public Optional<BuiltBatch> next(
      long seq, Hash prevStateRoot, long firstBlock, Instant now, AddressRegistry registry) {
    long head = blocks.head();
    if (head < firstBlock) {
      return Optional.empty();
    }
    long to = Math.min(head, firstBlock + maxBlocks - 1);
    List<SealedBlock> read = blocks.range(firstBlock, to, (long) maxBytes * READ_BUDGET_FACTOR);
    requireContiguous(read, firstBlock);
    boolean truncated = read.getLast().number() < to;
    PendingBlocks pending = new PendingBlocks(read, truncated, now, encoding, registry);
    Optional<String> reason =
        rules.stream().map(rule -> rule.closes(pending)).flatMap(Optional::stream).findFirst();
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    EncodedBatch fitted = fit(pending);
    if (fitted.data().length() > maxBytes) {
      log.warn(
          "batch block={} alone encodes to bytes={} above maxBytes={}: posted as its own batch",
          firstBlock,
          fitted.data().length(),
          maxBytes);
    }
    int count = fitted.blocks().size();
    Hash newRoot = read.get(count - 1).stateRoot();
    BatchHeader header =
        BatchHeader.of(seq, prevStateRoot, newRoot, fitted.blocks(), fitted.data());
    return Optional.of(
        new BuiltBatch(
            header,
            fitted.data(),
            fitted.transactionCount(),
            reason.get(),
            fitted.registryAppends()));
  }

  /**
   * The longest prefix of the pending blocks whose encoding fits (at least one block).
   *
   * <p>Encoding is the builder's cost (Zstandard level 19), so the search encodes prefixes of about
   * {@code maxBytes}, never the whole read (up to {@link #READ_BUDGET_FACTOR} × {@code maxBytes} of
   * raw bytes) unless a rule already did: each probe is the longest prefix that the posted-to-raw
   * ratio of the last encoding (at first that of the previous batch, or 1) says fits, kept strictly
   * between the longest prefix known to fit and the shortest known not to, so it ends, like a
   * bisection, with a prefix that fits and one block more that does not (after {@link
   * #GUIDED_PROBES} probes it bisects, so a misleading ratio cannot make it step block by block).
   * Under load, when one block alone is about {@code maxBytes}, that is one or two encodings of one
   * block.
   */
  private EncodedBatch fit(PendingBlocks pending) {
    List<SealedBlock> read = pending.blocks();
    int n = read.size();
    long[] raw = new long[n + 1]; // raw[k]: raw bytes of the first k blocks
    for (int k = 0; k < n; k++) {
      raw[k + 1] = raw[k] + read.get(k).rawBytes();
    }
    Map<Integer, EncodedBatch> tried = new HashMap<>();
    int fits = 0; // the longest prefix known to fit (0: none yet)
    int over = n + 1; // the shortest prefix known not to fit (n + 1: none yet)
    Optional<EncodedBatch> all = pending.encodedIfComputed();
    if (all.isPresent()) {
      tried.put(n, all.get());
      if (all.get().data().length() <= maxBytes) {
        return remember(all.get(), raw[n]);
      }
      over = n;
      ratio = ratioOf(all.get(), raw[n]);
    }
    for (int probes = 0; over - fits > 1; probes++) {
      int guess =
          probes < GUIDED_PROBES ? longestWithin(raw, maxBytes / ratio) : (fits + over) >>> 1;
      int probe = Math.clamp(guess, fits + 1, over - 1);
      EncodedBatch candidate = encoding.encode(read.subList(0, probe), pending.registry());
      tried.put(probe, candidate);
      ratio = ratioOf(candidate, raw[probe]);
      if (candidate.data().length() <= maxBytes) {
        fits = probe;
      } else {
        over = probe;
      }
    }
    EncodedBatch chosen = fits == 0 ? tried.get(1) : tried.get(fits);
    return remember(chosen, raw[chosen.blocks().size()]);
  }

  private EncodedBatch remember(EncodedBatch chosen, long rawBytes) {
    ratio = ratioOf(chosen, rawBytes);
    return chosen;
  }

  /** Posted bytes per raw byte of an encoding (1 when it holds no transaction bytes). */
  private static double ratioOf(EncodedBatch encoded, long rawBytes) {
    return rawBytes <= 0 ? 1.0 : Math.max(encoded.data().length(), 1) / (double) rawBytes;
  }

  /** The largest k with {@code raw[k] <= budget} (0 when even the first block is above it). */
  private static int longestWithin(long[] raw, double budget) {
    int k = 0;
    while (k + 1 < raw.length && raw[k + 1] <= budget) {
      k++;
    }
    return k;
  }

  private static void requireContiguous(List<SealedBlock> read, long firstBlock) {
    if (read.isEmpty()) {
      throw new IllegalStateException("no sealed block from " + firstBlock + " though the head is");
    }
    long expected = firstBlock;
    for (SealedBlock block : read) {
      if (block.number() != expected) {
        throw new IllegalStateException(
            "sealed blocks not contiguous: expected " + expected + ", got " + block.number());
      }
      expected++;
    }
  }
}
