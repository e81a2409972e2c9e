package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** eth_getLogs filter objects, parsed as geth's FilterCriteria.UnmarshalJSON does. */
class LogFilterParserTest {

  private static final String A1 = "0x00000000000000000000000000000000000000a1";
  private static final String A2 = "0x00000000000000000000000000000000000000A2";
  private static final String T1 = "0x" + "11".repeat(32);
  private static final String T2 = "0x" + "22".repeat(32);
  private static final String HASH = "0x" + "ab".repeat(32);

  @Test
  void anEmptyFilterIsTheLatestBlockForEverything() {
    assertThat(parse("{}"))
        .isEqualTo(
            criteria(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of()));
  }

  @Test
  void readsRangeAddressesAndTopics() {
    LogCriteria parsed =
        parse(
            "{\"fromBlock\":\"0x1\",\"toBlock\":\"latest\",\"address\":[\""
                + A1
                + "\",\""
                + A2
                + "\"],\"topics\":[\""
                + T1
                + "\",null,[\""
                + T1
                + "\",\""
                + T2
                + "\"],[]],\"unknown\":5}");
    assertThat(parsed.fromBlock()).contains(new BlockSelector.Number(1));
    assertThat(parsed.toBlock()).contains(BlockSelector.LATEST);
    assertThat(parsed.addresses()).containsExactly(Address.fromHex(A1), Address.fromHex(A2));
    assertThat(parsed.topics())
        .containsExactly(
            List.of(Hash.fromHex(T1)),
            List.of(),
            List.of(Hash.fromHex(T1), Hash.fromHex(T2)),
            List.of());
  }

  @Test
  void aSingleAddressAndANullAlternativeThatMatchesAnything() {
    LogCriteria parsed =
        parse("{\"address\":\"" + A1 + "\",\"topics\":[[\"" + T1 + "\",null,\"" + T2 + "\"]]}");
    assertThat(parsed.addresses()).containsExactly(Address.fromHex(A1));
    assertThat(parsed.topics()).containsExactly(List.of());
  }

  @Test
  void aBlockHashExcludesARangeButNullMembersCountAsAbsent() {
    assertThat(parse("{\"blockHash\":\"" + HASH + "\",\"fromBlock\":null}").blockHash())
        .contains(Hash.fromHex(HASH));
    assertThat(error("{\"blockHash\":\"" + HASH + "\",\"toBlock\":\"0x2\"}"))
        .isEqualTo("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
  }

  @Test
  void malformedFiltersUseGethsTexts() {
    assertThat(error("\"latest\""))
        .isEqualTo("json: cannot unmarshal string into Go value of type filters.input");
    assertThat(error("{\"blockHash\":\"0x1234\"}"))
        .isEqualTo("hex string has length 4, want 64 for common.Hash");
    assertThat(error("{\"fromBlock\":\"0x01\"}")).isEqualTo("hex number with leading zero digits");
    assertThat(error("{\"address\":\"0x1234\"}"))
        .isEqualTo(
            "invalid address: hex has invalid length 2 after decoding; expected 20 for address");
    assertThat(error("{\"address\":[\"" + A1 + "\",\"zz\"]}"))
        .isEqualTo("invalid address at index 1: hex string without 0x prefix");
    assertThat(error("{\"address\":[5]}")).isEqualTo("non-string address at index 0");
    assertThat(error("{\"address\":5}")).isEqualTo("invalid addresses in query");
    assertThat(error("{\"topics\":[null,null,null,null,null]}")).isEqualTo("exceed max topics");
    assertThat(error("{\"topics\":[5]}")).isEqualTo("invalid topic(s)");
    assertThat(error("{\"topics\":[[5]]}")).isEqualTo("invalid topic(s)");
    assertThat(error("{\"topics\":[\"0x12\"]}"))
        .isEqualTo("hex has invalid length 1 after decoding; expected 32 for topic");
    assertThat(error("{\"topics\":[\"0x123\"]}")).isEqualTo("hex string of odd length");
    assertThat(error("{\"topics\":\"" + T1 + "\"}"))
        .isEqualTo(
            "json: cannot unmarshal string into Go struct field input.topics of type []interface {}");
  }

  private static LogCriteria criteria(
      Optional<Hash> hash,
      Optional<BlockSelector> from,
      Optional<BlockSelector> to,
      List<Address> addresses,
      List<List<Hash>> topics) {
    return new LogCriteria(hash, from, to, addresses, topics);
  }

  private static LogCriteria parse(String json) {
    return switch (LogFilterParser.parse(JsonMapper.shared().readTree(json))) {
      case HexCodec.Decoded.Valid<LogCriteria>(LogCriteria criteria) -> criteria;
      case HexCodec.Decoded.Invalid<LogCriteria>(String reason) ->
          throw new AssertionError("rejected: " + reason);
    };
  }

  private static String error(String json) {
    return switch (LogFilterParser.parse(JsonMapper.shared().readTree(json))) {
      case HexCodec.Decoded.Valid<LogCriteria>(LogCriteria criteria) ->
          throw new AssertionError("accepted: " + criteria);
      case HexCodec.Decoded.Invalid<LogCriteria>(String reason) -> reason;
    };
  }
}
