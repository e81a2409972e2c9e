package io.paraseq.sequencer.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The submit body: JSON or bytes, bounded, every defect a problem. */
class TransactionBodyTest {

  private final TransactionBody body = TransactionBody.forTransactionsOf(1024);

  @Test
  void theLimitLeavesRoomForTheHexOfTheLargestTransaction() {
    assertThat(body.maxBytes()).isEqualTo(2 * 1024 + TransactionBody.JSON_SLACK);
    assertThat(TransactionBody.forTransactionsOf(128 * 1024).maxBytes()).isEqualTo(266_240);
  }

  @Test
  void readsJsonAndIgnoresOtherMembers() {
    assertThat(body.read(json("{\"raw\": \"0x02aB\", \"note\": 1}")))
        .isEqualTo(new Parsed.Ok<>(Bytes.fromHex("0x02ab")));
  }

  @Test
  void readsOctetStreamAsTheBytes() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/transactions");
    request.setContentType("application/octet-stream");
    request.setContent(new byte[] {2, (byte) 0xab});
    assertThat(body.read(request)).isEqualTo(new Parsed.Ok<>(Bytes.of((byte) 2, (byte) 0xab)));
    request.setContent(new byte[0]);
    assertProblem(body.read(request), ProblemType.INVALID_BODY, "the body is empty");
  }

  @Test
  void everyDefectIsAProblem() {
    assertProblem(
        body.read(json("{\"raw\": \"0x0\"}")),
        ProblemType.INVALID_BODY,
        "raw: hex string of odd length");
    assertProblem(body.read(json("{\"raw\": null}")), ProblemType.INVALID_BODY, "raw: missing");
    assertProblem(
        body.read(json("{\"raw\": [\"0x00\"]}")),
        ProblemType.INVALID_BODY,
        "raw: want a 0x-prefixed hex string");
    assertProblem(
        body.read(json("\"0x00\"")), ProblemType.INVALID_BODY, "the body must be a JSON object");
    assertProblem(
        body.read(json("{\"raw\":")), ProblemType.MALFORMED_JSON, "the body is not valid JSON: ");
    assertProblem(
        body.read(json("{} {}")), ProblemType.MALFORMED_JSON, "the body is not valid JSON: ");
    assertProblem(body.read(json("   ")), ProblemType.MALFORMED_JSON, "the body is empty");
  }

  @Test
  void aBodyOverTheLimitIsRefusedAfterLimitPlusOneBytes() {
    String over = "{\"raw\": \"0x" + "00".repeat(1024 + TransactionBody.JSON_SLACK) + "\"}";
    Parsed<Bytes> counted = body.read(json(over));
    assertProblem(
        counted, ProblemType.REQUEST_TOO_LARGE, "the body exceeds the limit of 6144 bytes");
    assertThat(((Parsed.Refused<Bytes>) counted).problem().extensions())
        .containsEntry("limit", 6144);

    String exactly = "{\"raw\": \"0x00\"}";
    String padded = exactly + " ".repeat(body.maxBytes() - exactly.length());
    assertThat(body.read(json(padded))).isEqualTo(new Parsed.Ok<>(Bytes.of((byte) 0)));
  }

  private static MockHttpServletRequest json(String text) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/transactions");
    request.setContentType("application/json");
    request.setContent(text.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static void assertProblem(Parsed<Bytes> parsed, ProblemType type, String detailPrefix) {
    assertThat(parsed).isInstanceOf(Parsed.Refused.class);
    Problem problem = ((Parsed.Refused<Bytes>) parsed).problem();
    assertThat(problem.type()).isEqualTo(type);
    assertThat(problem.detail()).startsWith(detailPrefix);
  }
}
