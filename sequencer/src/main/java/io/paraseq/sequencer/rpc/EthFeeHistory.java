package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.RpcJson.JSON;
import static io.paraseq.sequencer.rpc.RpcJson.quantity;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.chain.FeeHistory;
import io.paraseq.sequencer.chain.FeeOracle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eth_feeHistory(blockCount, newestBlock, rewardPercentiles?)}, as geth answers it:
 *
 * <ul>
 *   <li>{@code blockCount}: a hex or decimal integer, as a string or a JSON number; 0 answers
 *       {@code {"oldestBlock":"0x0","gasUsedRatio":null}}; more than 1024 is cut to 1024, and to
 *       the blocks since genesis;
 *   <li>{@code newestBlock}: a tag or number; a number above the head is {@code -32000 request
 *       beyond head block: requested N, head H}; {@code pending} is the head;
 *   <li>{@code rewardPercentiles}: at most 100 numbers in [0, 100], strictly increasing, else
 *       {@code -32000 invalid reward percentile: …}; without them there is no {@code reward}.
 * </ul>
 *
 * <p>{@code baseFeePerGas} has one entry more than the blocks: the next block's base fee by the
 * chain's EIP-1559 rules. Paraseq carries no blobs, so the blob fields are left out (they are
 * optional in the specification).
 */
final class EthFeeHistory implements RpcMethod {

  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final BlockResolver resolver;
  private final FeeOracle fees;

  EthFeeHistory(BlockResolver resolver, FeeOracle fees) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.fees = Objects.requireNonNull(fees, "fees");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_FEE_HISTORY;
  }

  @Override
  public Arity arity() {
    return new Arity(2, 1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params
        .parsed(0, EthFeeHistory::blockCount)
        .then(
            count ->
                params
                    .blockNumber(1)
                    .then(
                        newest ->
                            percentiles(params)
                                .then(percentiles -> answer(count, newest, percentiles))));
  }

  private RpcResult answer(int count, BlockSelector newest, List<Double> percentiles) {
    if (count == 0) {
      ObjectNode empty = JSON.objectNode();
      empty.put("oldestBlock", "0x0");
      empty.putNull("gasUsedRatio");
      return RpcResult.success(empty);
    }
    Optional<RpcResult.Failure> invalid = checkPercentiles(percentiles);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    long head = resolver.head();
    long newestNumber = resolver.number(newest);
    if (newest instanceof BlockSelector.Number && newestNumber > head) {
      return RpcError.REQUEST_BEYOND_HEAD.failureWithDetail(
          "requested " + newestNumber + ", head " + head);
    }
    return RpcResult.success(json(fees.feeHistory(count, newestNumber, percentiles)));
  }

  private static ObjectNode json(FeeHistory history) {
    ObjectNode out = JSON.objectNode();
    out.put("oldestBlock", HexCodec.quantity(history.oldestBlock()));
    history
        .reward()
        .ifPresent(
            rows -> {
              ArrayNode reward = out.putArray("reward");
              for (List<Wei> row : rows) {
                ArrayNode values = reward.addArray();
                row.forEach(wei -> values.add(quantity(wei)));
              }
            });
    if (history.blockCount() == 0) {
      out.putNull("gasUsedRatio");
      return out;
    }
    ArrayNode baseFees = out.putArray("baseFeePerGas");
    history.baseFeePerGas().forEach(wei -> baseFees.add(quantity(wei)));
    ArrayNode ratios = out.putArray("gasUsedRatio");
    history.gasUsedRatio().forEach(ratios::add);
    return out;
  }

  /**
   * geth's {@code math.HexOrDecimal64}: a hex ({@code 0x…}) or decimal string, or the text of a
   * JSON number, below 2^64; capped at {@link Integer#MAX_VALUE} (the oracle cuts it to 1024).
   */
  static HexCodec.Decoded<Integer> blockCount(JsonNode node) {
    String text = node.isString() ? node.asString() : node.toString();
    Optional<BigInteger> value = parseUint64(text);
    if (value.isEmpty()) {
      return new HexCodec.Decoded.Invalid<>("invalid hex or decimal integer \"" + text + "\"");
    }
    return new HexCodec.Decoded.Valid<>(
        value.get().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
  }

  private static Optional<BigInteger> parseUint64(String text) {
    if (text.isEmpty()) {
      return Optional.of(BigInteger.ZERO);
    }
    boolean hex = text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) | 0x20) == 'x';
    String digits = hex ? text.substring(2) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    return value.compareTo(MAX_UINT64) > 0 ? Optional.empty() : Optional.of(value);
  }

  /** Argument 2: absent or null (none), or an array of JSON numbers. */
  private static Param<List<Double>> percentiles(RpcParams params) {
    if (!params.has(2)) {
      return new Param.Ok<>(List.of());
    }
    return params.parsed(2, EthFeeHistory::percentiles);
  }

  static HexCodec.Decoded<List<Double>> percentiles(JsonNode node) {
    if (!node.isArray()) {
      return new HexCodec.Decoded.Invalid<>(
          "json: cannot unmarshal "
              + RpcParams.jsonType(node)
              + " into Go value of type []float64");
    }
    List<Double> values = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isNumber()) {
        return new HexCodec.Decoded.Invalid<>(
            "json: cannot unmarshal "
                + RpcParams.jsonType(item)
                + " into Go value of type float64");
      }
      values.add(item.doubleValue());
    }
    return new HexCodec.Decoded.Valid<>(values);
  }

  /** geth's checks, in geth's order, with its texts (Go's {@code %f}: six decimals). */
  static Optional<RpcResult.Failure> checkPercentiles(List<Double> percentiles) {
    if (percentiles.size() > FeeOracle.MAX_PERCENTILES) {
      return Optional.of(
          RpcError.INVALID_REWARD_PERCENTILE.failureWithDetail(
              "over the query limit " + FeeOracle.MAX_PERCENTILES));
    }
    for (int i = 0; i < percentiles.size(); i++) {
      double p = percentiles.get(i);
      if (p < 0 || p > 100) {
        return Optional.of(RpcError.INVALID_REWARD_PERCENTILE.failureWithDetail(decimal(p)));
      }
      if (i > 0 && p <= percentiles.get(i - 1)) {
        return Optional.of(
            RpcError.INVALID_REWARD_PERCENTILE.failureWithDetail(
                "#"
                    + (i - 1)
                    + ":"
                    + decimal(percentiles.get(i - 1))
                    + " >= #"
                    + i
                    + ":"
                    + decimal(p)));
      }
    }
    return Optional.empty();
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%f", value);
  }
}
