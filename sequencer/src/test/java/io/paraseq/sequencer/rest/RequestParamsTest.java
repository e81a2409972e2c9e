package io.paraseq.sequencer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Path and query parameters: strict forms, geth's texts, the parameter named in the problem. */
class RequestParamsTest {

  @Test
  void blocksAreLatestDecimalOrHex() {
    assertThat(RequestParams.block("block", "latest"))
        .isEqualTo(new Parsed.Ok<>(new BlockRef.Latest()));
    assertThat(RequestParams.block("block", "0"))
        .isEqualTo(new Parsed.Ok<>(new BlockRef.Number(0)));
    assertThat(RequestParams.block("block", "42"))
        .isEqualTo(new Parsed.Ok<BlockRef>(new BlockRef.Number(42)));
    assertThat(RequestParams.block("block", "0x2a"))
        .isEqualTo(new Parsed.Ok<BlockRef>(new BlockRef.Number(42)));
    assertThat(RequestParams.block("block", "9223372036854775807"))
        .isEqualTo(new Parsed.Ok<BlockRef>(new BlockRef.Number(Long.MAX_VALUE)));
  }

  @Test
  void malformedBlocksAreRefusedWithAReason() {
    assertRefused(
        RequestParams.block("block", "007"), "block: decimal number with leading zero digits");
    assertRefused(
        RequestParams.block("block", "9223372036854775808"), "block: decimal number > 63 bits");
    assertRefused(
        RequestParams.block("block", "0x02"), "block: hex number with leading zero digits");
    assertRefused(RequestParams.block("block", "0x"), "block: hex string \"0x\"");
    assertRefused(
        RequestParams.block("block", "-1"),
        "block: want latest, a decimal number or a 0x-prefixed hex number, got \"-1\"");
    assertRefused(
        RequestParams.block("block", "Latest"),
        "block: want latest, a decimal number or a 0x-prefixed hex number, got \"Latest\"");
    assertRefused(RequestParams.block("block", "1e3"), "block: want latest");
  }

  @Test
  void hashesAndAddressesHaveExactLengths() {
    String hash = "0x" + "ab".repeat(32);
    assertThat(RequestParams.hash("hash", hash)).isEqualTo(new Parsed.Ok<>(Hash.fromHex(hash)));
    assertThat(RequestParams.hash("hash", hash.toUpperCase().replace("0X", "0x")))
        .isEqualTo(new Parsed.Ok<>(Hash.fromHex(hash)));
    assertRefused(
        RequestParams.hash("hash", "0x" + "ab".repeat(20)),
        "hash: hex string has length 40, want 64 for common.Hash");
    String address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    assertThat(RequestParams.address("address", address))
        .isEqualTo(new Parsed.Ok<>(Address.fromHex(address.toLowerCase())));
    assertRefused(RequestParams.address("address", "0xf39"), "address: hex string of odd length");
    assertRefused(RequestParams.address("address", ""), "address: empty hex string");
  }

  @Test
  void flagsAreExactlyTrueOrFalseAndAbsentIsFalse() {
    assertThat(RequestParams.flag("full", Optional.empty())).isEqualTo(new Parsed.Ok<>(false));
    assertThat(RequestParams.flag("full", Optional.of("false"))).isEqualTo(new Parsed.Ok<>(false));
    assertThat(RequestParams.flag("full", Optional.of("true"))).isEqualTo(new Parsed.Ok<>(true));
    assertRefused(
        RequestParams.flag("full", Optional.of("yes")), "full: want true or false, got \"yes\"");
  }

  @Test
  void aRefusalNamesTheParameter() {
    Parsed<Hash> refused = RequestParams.hash("hash", "nope");
    assertThat(refused).isInstanceOf(Parsed.Refused.class);
    Problem problem = ((Parsed.Refused<Hash>) refused).problem();
    assertThat(problem.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(problem.extensions()).containsEntry("parameter", "hash");
  }

  @Test
  void longInputIsCutInTheDetail() {
    String text = "x".repeat(5000);
    Problem problem = ((Parsed.Refused<BlockRef>) RequestParams.block("block", text)).problem();
    assertThat(problem.detail().length()).isLessThan(300);
  }

  private static void assertRefused(Parsed<?> parsed, String detailPrefix) {
    assertThat(parsed).isInstanceOf(Parsed.Refused.class);
    Problem problem = ((Parsed.Refused<?>) parsed).problem();
    assertThat(problem.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(problem.detail()).startsWith(detailPrefix);
  }
}
