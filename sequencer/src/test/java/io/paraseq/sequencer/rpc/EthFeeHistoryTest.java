package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** eth_feeHistory's arguments: geth's HexOrDecimal64 block count and its percentile checks. */
class EthFeeHistoryTest {

  @Test
  void blockCountIsHexOrDecimalAsStringOrNumber() {
    assertThat(count("\"0x10\"")).isEqualTo(valid(16));
    assertThat(count("\"0X10\"")).isEqualTo(valid(16));
    assertThat(count("\"10\"")).isEqualTo(valid(10));
    assertThat(count("10")).isEqualTo(valid(10));
    assertThat(count("\"\"")).isEqualTo(valid(0));
    assertThat(count("\"0x0010\"")).isEqualTo(valid(16));
    assertThat(count("\"0xffffffffffffffff\"")).isEqualTo(valid(Integer.MAX_VALUE));
    assertThat(count("\"0x10000000000000000\""))
        .isEqualTo(invalid("invalid hex or decimal integer \"0x10000000000000000\""));
    assertThat(count("\"0x\"")).isEqualTo(invalid("invalid hex or decimal integer \"0x\""));
    assertThat(count("\"-1\"")).isEqualTo(invalid("invalid hex or decimal integer \"-1\""));
    assertThat(count("1.5")).isEqualTo(invalid("invalid hex or decimal integer \"1.5\""));
    assertThat(count("\"ten\"")).isEqualTo(invalid("invalid hex or decimal integer \"ten\""));
  }

  @Test
  void percentilesAreAnArrayOfNumbers() {
    assertThat(EthFeeHistory.percentiles(JsonMapper.shared().readTree("[10, 50.5, 90]")))
        .isEqualTo(new HexCodec.Decoded.Valid<>(List.of(10.0, 50.5, 90.0)));
    assertThat(EthFeeHistory.percentiles(JsonMapper.shared().readTree("[\"10\"]")))
        .isEqualTo(
            new HexCodec.Decoded.Invalid<>(
                "json: cannot unmarshal string into Go value of type float64"));
    assertThat(EthFeeHistory.percentiles(JsonMapper.shared().readTree("{}")))
        .isEqualTo(
            new HexCodec.Decoded.Invalid<>(
                "json: cannot unmarshal object into Go value of type []float64"));
  }

  @Test
  void percentileChecksUseGethsTexts() {
    assertThat(EthFeeHistory.checkPercentiles(List.of(0.0, 25.0, 100.0))).isEmpty();
    assertThat(message(List.of(10.0, 101.0))).contains("invalid reward percentile: 101.000000");
    assertThat(message(List.of(-0.5))).contains("invalid reward percentile: -0.500000");
    assertThat(message(List.of(50.0, 40.0)))
        .contains("invalid reward percentile: #0:50.000000 >= #1:40.000000");
    assertThat(message(List.of(50.0, 50.0)))
        .contains("invalid reward percentile: #0:50.000000 >= #1:50.000000");
    List<Double> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> i * 0.5).toList();
    assertThat(message(many)).contains("invalid reward percentile: over the query limit 100");
    assertThat(EthFeeHistory.checkPercentiles(List.of(101.0)).orElseThrow().error().code())
        .isEqualTo(-32000);
  }

  private static Optional<String> message(List<Double> percentiles) {
    return EthFeeHistory.checkPercentiles(percentiles).map(RpcResult.Failure::message);
  }

  private static HexCodec.Decoded<Integer> count(String json) {
    return EthFeeHistory.blockCount(JsonMapper.shared().readTree(json));
  }

  private static HexCodec.Decoded<Integer> valid(int value) {
    return new HexCodec.Decoded.Valid<>(value);
  }

  private static HexCodec.Decoded<Integer> invalid(String reason) {
    return new HexCodec.Decoded.Invalid<>(reason);
  }
}
