package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The call object of eth_call / eth_estimateGas: geth's field decoding, texts and defaults. */
class CallArgumentsTest {

  private static final String FROM = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  private static final String TO = "0x000000000000000000000000000000000000beef";
  private static final long CHAIN = 3195;
  private static final long CAP = 50_000_000;

  @Test
  void readsEveryField() {
    CallArguments args =
        parsed(
            """
            {"from": "%s", "to": "%s", "gas": "0x5208", "maxFeePerGas": "0x77359400",
             "maxPriorityFeePerGas": "0x3b9aca00", "value": "0xde0b6b3a7640000",
             "input": "0x0102", "nonce": "0x7", "chainId": "0xc7b",
             "accessList": [{"address": "%s", "storageKeys": ["0x%s"]}],
             "somethingElse": 1}
            """
                .formatted(FROM, TO, TO, "00".repeat(31) + "01"));

    assertThat(args.from()).contains(Address.fromHex(FROM));
    assertThat(args.to()).contains(Address.fromHex(TO));
    assertThat(args.gas()).hasValue(21_000);
    assertThat(args.maxFeePerGas()).contains(Wei.of(2_000_000_000L));
    assertThat(args.maxPriorityFeePerGas()).contains(Wei.of(1_000_000_000L));
    assertThat(args.value()).contains(Wei.of(BigInteger.TEN.pow(18)));
    assertThat(args.input()).contains(Bytes.of((byte) 1, (byte) 2));
    assertThat(args.data()).isEmpty();
    assertThat(args.nonce()).hasValue(7);
    assertThat(args.chainId()).contains(BigInteger.valueOf(CHAIN));
    assertThat(args.accessList())
        .containsExactly(
            new AccessListEntry(
                Address.fromHex(TO), List.of(Hash.fromHex("0x" + "00".repeat(31) + "01"))));
  }

  @Test
  void nullIsAbsentAndAnEmptyObjectIsAllDefaults() {
    CallArguments args = parsed("{\"to\": null, \"gas\": null}");
    assertThat(args.to()).isEmpty();
    assertThat(args.gas()).isEmpty();

    CallMessage message = message(parsed("{}"), CAP);
    assertThat(message)
        .isEqualTo(
            new CallMessage(
                Address.ZERO,
                Optional.empty(),
                CAP,
                Wei.ZERO,
                Wei.ZERO,
                Wei.ZERO,
                Bytes.EMPTY,
                List.of()));
  }

  @Test
  void malformedFieldsGetGethsDecodingTexts() {
    assertInvalid(
        "\"0x1\"", "json: cannot unmarshal string into Go value of type ethapi.TransactionArgs");
    assertInvalid(
        "{\"from\": \"f39fd6e51aad88f6f4ce6ab8827279cfffb92266\"}",
        "json: cannot unmarshal hex string without 0x prefix into Go struct field"
            + " TransactionArgs.from of type common.Address");
    assertInvalid("{\"to\": \"0xbeef\"}", "hex string has length 4, want 40 for common.Address");
    assertInvalid(
        "{\"gas\": 21000}",
        "json: cannot unmarshal non-string into Go struct field TransactionArgs.gas of type"
            + " hexutil.Uint64");
    assertInvalid(
        "{\"gas\": \"0x10000000000000000\"}",
        "json: cannot unmarshal hex number > 64 bits into Go struct field TransactionArgs.gas of"
            + " type hexutil.Uint64");
    assertInvalid(
        "{\"value\": \"0x01\"}",
        "json: cannot unmarshal hex number with leading zero digits into Go struct field"
            + " TransactionArgs.value of type *hexutil.Big");
    assertInvalid(
        "{\"data\": \"0x123\"}",
        "json: cannot unmarshal hex string of odd length into Go struct field TransactionArgs.data"
            + " of type hexutil.Bytes");
    assertInvalid(
        "{\"accessList\": \"0x\"}",
        "json: cannot unmarshal string into Go struct field TransactionArgs.accessList of type"
            + " types.AccessList");
    assertInvalid(
        "{\"accessList\": [{\"address\": \"" + TO + "\"}]}",
        "missing required field 'storageKeys' for AccessTuple");
  }

  @Test
  void theFirstMalformedFieldIsReported() {
    assertInvalid(
        "{\"from\": \"0x1\", \"gas\": 5}",
        "json: cannot unmarshal hex string of odd length into Go struct field"
            + " TransactionArgs.from of type common.Address");
  }

  @Test
  void inputIsPreferredAndMustAgreeWithData() {
    assertThat(message(parsed("{\"data\": \"0x01\"}"), CAP).data()).isEqualTo(Bytes.of((byte) 1));
    assertThat(message(parsed("{\"data\": \"0x01\", \"input\": \"0x01\"}"), CAP).data())
        .isEqualTo(Bytes.of((byte) 1));
    assertRefused(
        parsed("{\"data\": \"0x01\", \"input\": \"0x02\"}"),
        "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
            + " transaction call data");
  }

  @Test
  void feeStylesAreExclusiveAndAGasPriceIsBothCaps() {
    assertRefused(
        parsed("{\"gasPrice\": \"0x1\", \"maxFeePerGas\": \"0x1\"}"),
        "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    assertRefused(
        parsed("{\"gasPrice\": \"0x1\", \"maxPriorityFeePerGas\": \"0x1\"}"),
        "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");

    CallMessage legacy = message(parsed("{\"gasPrice\": \"0x64\"}"), CAP);
    assertThat(legacy.feeCap()).isEqualTo(Wei.of(100));
    assertThat(legacy.tipCap()).isEqualTo(Wei.of(100));
    CallMessage tipOnly = message(parsed("{\"maxPriorityFeePerGas\": \"0x64\"}"), CAP);
    assertThat(tipOnly.feeCap()).isEqualTo(Wei.ZERO);
    assertThat(tipOnly.tipCap()).isEqualTo(Wei.of(100));
  }

  @Test
  void aChainIdMustBeThisChains() {
    assertRefused(
        parsed("{\"chainId\": \"0x1\"}"), "chainId does not match node's (have=1, want=3195)");
  }

  @Test
  void gasDefaultsAndIsCapped() {
    assertThat(message(parsed("{}"), 0).gasLimit()).isZero();
    assertThat(message(parsed("{\"gas\": \"0x5208\"}"), 0).gasLimit()).isEqualTo(21_000);
    assertThat(message(parsed("{\"gas\": \"0xffffffffffffffff\"}"), CAP).gasLimit()).isEqualTo(CAP);
  }

  private static CallArguments parsed(String json) {
    return switch (CallArguments.parse(JsonMapper.shared().readTree(json))) {
      case HexCodec.Decoded.Valid<CallArguments>(CallArguments args) -> args;
      case HexCodec.Decoded.Invalid<CallArguments>(String reason) ->
          throw new AssertionError(reason);
    };
  }

  private static void assertInvalid(String json, String reason) {
    JsonNode node = JsonMapper.shared().readTree(json);
    assertThat(CallArguments.parse(node)).isEqualTo(new HexCodec.Decoded.Invalid<>(reason));
  }

  private static CallMessage message(CallArguments args, long gasWhenAbsent) {
    return switch (args.toMessage(CHAIN, gasWhenAbsent, CAP)) {
      case Param.Ok<CallMessage>(CallMessage message) -> message;
      case Param.Rejected<CallMessage>(RpcResult.Failure failure) ->
          throw new AssertionError(failure.message());
    };
  }

  private static void assertRefused(CallArguments args, String message) {
    assertThat(args.toMessage(CHAIN, CAP, CAP))
        .isInstanceOfSatisfying(
            Param.Rejected.class,
            rejected -> {
              assertThat(rejected.failure().error().code()).isEqualTo(-32000);
              assertThat(rejected.failure().message()).isEqualTo(message);
            });
  }
}
