package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.store.ChainQueries;
import io.paraseq.sequencer.store.TransactionTip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fee suggestions and fee statistics for wallets, from the head and the stored blocks.
 *
 * <ul>
 *   <li><b>Suggested tip</b> ({@code eth_maxPriorityFeePerGas}): a fixed {@value
 *       #SUGGESTED_TIP_WEI} wei (0.001 gwei), the OP Stack's minimum suggested priority fee. Blocks
 *       are built by one sequencer and, with the default {@code fifo} ordering, a tip buys no
 *       position, so a statistic of recent tips would only echo what wallets were told before.
 *   <li><b>Gas price</b> ({@code eth_gasPrice}): the next block's base fee (from the head with the
 *       chain's EIP-1559 rules) plus the suggested tip — what a transaction sent now pays.
 *   <li><b>Fee history</b> ({@code eth_feeHistory}): geth's algorithm over the stored blocks.
 * </ul>
 *
 * <p>Thread-safe; reads the published head and the database.
 */
public final class FeeOracle {

  /** The suggested tip in wei: 0.001 gwei. */
  public static final long SUGGESTED_TIP_WEI = 1_000_000;

  /** The most blocks one fee history covers (geth's default); longer requests are cut. */
  public static final int MAX_HISTORY_BLOCKS = 1024;

  /** The most reward percentiles one fee history request may ask for (geth's limit). */
  public static final int MAX_PERCENTILES = 100;

  private static final Wei SUGGESTED_TIP = Wei.of(SUGGESTED_TIP_WEI);

  private final ChainConfig config;
  private final ChainHead head;
  private final ChainQueries queries;

  /** An oracle for the chain of {@code config}, at {@code head}, over the stored blocks. */
  public FeeOracle(ChainConfig config, ChainHead head, ChainQueries queries) {
    this.config = Objects.requireNonNull(config, "config");
    this.head = Objects.requireNonNull(head, "head");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  /** The tip per gas to offer. */
  public Wei suggestedTip() {
    return SUGGESTED_TIP;
  }

  /** The base fee of the block after the head. */
  public Wei nextBaseFee() {
    return config.nextBaseFee(head.current());
  }

  /** The gas price to offer: the next block's base fee plus the suggested tip. */
  public Wei gasPrice() {
    return Wei.of(nextBaseFee().value().add(suggestedTip().value()));
  }

  /**
   * The fee history of up to {@code blockCount} blocks ending with {@code newestBlock}: cut to
   * {@link #MAX_HISTORY_BLOCKS} and to the blocks since genesis. The last base fee is the one the
   * chain's rules give for the block after {@code newestBlock}. Rewards only when {@code
   * percentiles} is not empty.
   *
   * @throws IllegalArgumentException if {@code blockCount} is negative, {@code newestBlock} is not
   *     a stored block up to the head, or the percentiles are not increasing within [0, 100] (the
   *     API validates these first, with its own texts)
   */
  public FeeHistory feeHistory(int blockCount, long newestBlock, List<Double> percentiles) {
    if (blockCount < 0 || newestBlock < 0 || newestBlock > head.current().number()) {
      throw new IllegalArgumentException(
          "fee history of " + blockCount + " blocks up to " + newestBlock);
    }
    checkPercentiles(percentiles);
    long blocks = Math.min(Math.min(blockCount, MAX_HISTORY_BLOCKS), newestBlock + 1);
    if (blocks == 0) {
      return FeeHistory.EMPTY;
    }
    long oldest = newestBlock + 1 - blocks;
    List<BlockHeader> headers = contiguous(queries.headers(oldest, newestBlock), oldest);
    if (headers.isEmpty()) {
      return FeeHistory.EMPTY;
    }
    List<Wei> baseFees = new ArrayList<>(headers.size() + 1);
    List<Double> ratios = new ArrayList<>(headers.size());
    for (BlockHeader header : headers) {
      baseFees.add(header.baseFeePerGas());
      ratios.add((double) header.gasUsed() / header.gasLimit());
    }
    baseFees.add(config.nextBaseFee(headers.getLast()));
    Optional<List<List<Wei>>> rewards =
        percentiles.isEmpty() ? Optional.empty() : Optional.of(rewards(headers, percentiles));
    return new FeeHistory(oldest, baseFees, ratios, rewards);
  }

  private List<List<Wei>> rewards(List<BlockHeader> headers, List<Double> percentiles) {
    long first = headers.getFirst().number();
    long last = headers.getLast().number();
    Map<Long, List<TransactionTip>> byBlock = new HashMap<>();
    for (TransactionTip tip : queries.tips(first, last)) {
      byBlock.computeIfAbsent(tip.blockNumber(), n -> new ArrayList<>()).add(tip);
    }
    List<List<Wei>> rewards = new ArrayList<>(headers.size());
    for (BlockHeader header : headers) {
      rewards.add(
          FeeRewards.of(
              header.gasUsed(), byBlock.getOrDefault(header.number(), List.of()), percentiles));
    }
    return rewards;
  }

  /** The headers from {@code oldest} on without a gap (geth stops at the first missing block). */
  private static List<BlockHeader> contiguous(List<BlockHeader> headers, long oldest) {
    int count = 0;
    while (count < headers.size() && headers.get(count).number() == oldest + count) {
      count++;
    }
    return headers.subList(0, count);
  }

  private static void checkPercentiles(List<Double> percentiles) {
    if (percentiles.size() > MAX_PERCENTILES) {
      throw new IllegalArgumentException("more than " + MAX_PERCENTILES + " percentiles");
    }
    for (int i = 0; i < percentiles.size(); i++) {
      double p = percentiles.get(i);
      if (!(p >= 0 && p <= 100) || (i > 0 && p <= percentiles.get(i - 1))) {
        throw new IllegalArgumentException("bad reward percentiles " + percentiles);
      }
    }
  }
}
