package io.paraseq.sequencer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.InvalidTransaction;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.pool.PoolRejection;
import io.paraseq.sequencer.rpc.IngressErrors;
import io.paraseq.sequencer.rpc.RpcError;
import io.paraseq.sequencer.rpc.RpcResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The table of problems: complete for every ingress refusal, unique, and as documented. */
class ProblemTypeTest {

  /** Every refusal ingress can produce, one of each kind and reason. */
  private static List<IngressResult.Rejected> everyRefusal() {
    List<IngressResult.Rejected> all = new ArrayList<>();
    all.add(new IngressResult.Oversized(131_073, 131_072));
    all.add(new IngressResult.ExceedsGasLimit(-1, Long.MAX_VALUE));
    all.add(new IngressResult.Busy("pool"));
    Arrays.stream(InvalidTransaction.values())
        .forEach(reason -> all.add(new IngressResult.Invalid(reason, "")));
    Arrays.stream(PoolRejection.values())
        .forEach(reason -> all.add(new IngressResult.PoolRefused(reason, "")));
    return all;
  }

  @Test
  void everyIngressRefusalHasAProblemWithGethsTextAndTheJsonRpcCode() {
    for (IngressResult.Rejected rejected : everyRefusal()) {
      RpcResult.Failure failure = IngressErrors.failure(rejected);
      Problem problem = Problem.ofRefusal(failure);
      assertThat(problem.detail()).as("%s", rejected).isEqualTo(failure.message());
      assertThat(problem.extensions()).containsEntry("code", failure.error().code());
      assertThat(problem.type().rpcError()).contains(failure.error());
    }
  }

  @Test
  void refusalStatusesFollowTheDocumentedRule() {
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.NONCE_TOO_LOW, "x")))
        .isEqualTo(409);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.ALREADY_KNOWN, "")))
        .isEqualTo(409);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.REPLACEMENT_UNDERPRICED, "")))
        .isEqualTo(409);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.INSUFFICIENT_FUNDS, "x")))
        .isEqualTo(409);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.FEE_CAP_TOO_LOW, "x")))
        .isEqualTo(400);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.ACCOUNT_LIMIT, "")))
        .isEqualTo(429);
    assertThat(status(new IngressResult.PoolRefused(PoolRejection.POOL_FULL, ""))).isEqualTo(503);
    assertThat(status(new IngressResult.Busy("verify"))).isEqualTo(503);
    assertThat(status(new IngressResult.Oversized(2, 1))).isEqualTo(413);
    assertThat(status(new IngressResult.ExceedsGasLimit(-1, Long.MAX_VALUE))).isEqualTo(400);
    for (InvalidTransaction reason : InvalidTransaction.values()) {
      assertThat(status(new IngressResult.Invalid(reason, ""))).as("%s", reason).isEqualTo(400);
    }
  }

  @Test
  void slugsAreUniqueLowerCaseAndTheUriIsStable() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
    for (ProblemType type : ProblemType.values()) {
      assertThat(type.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(type.uri().toString()).isEqualTo("urn:paraseq:problem:" + type.slug());
      assertThat(type.title()).isNotBlank();
      assertThat(type.example()).isNotBlank();
    }
    assertThat(ProblemType.NONCE_TOO_LOW.uri().toString())
        .isEqualTo("urn:paraseq:problem:nonce-too-low");
  }

  @Test
  void aJsonRpcErrorWithoutAProblemIsABug() {
    assertThatThrownBy(() -> ProblemType.forRpcError(RpcError.PARSE_ERROR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PARSE_ERROR");
  }

  @Test
  void frameworkStatusesGetTheirTypesAndOthersStayAboutBlank() {
    assertThat(ProblemType.forFrameworkStatus(HttpStatusCode.valueOf(404)))
        .contains(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forFrameworkStatus(HttpStatusCode.valueOf(415)))
        .contains(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    assertThat(ProblemType.forFrameworkStatus(HttpStatusCode.valueOf(418))).isEmpty();
    ProblemDetail teapot = Problems.typed(ProblemDetail.forStatus(418));
    assertThat(teapot.getType()).as("absent type means about:blank").isNull();
    ProblemDetail missing = Problems.typed(ProblemDetail.forStatus(404));
    assertThat(missing.getType()).isEqualTo(ProblemType.NOT_FOUND.uri());
    assertThat(missing.getTitle()).isEqualTo("Not found");
  }

  @Test
  void problemsCarryTheirExtensionsAndRetryAfterWhenRetryable() {
    Problem problem = ProblemType.TXPOOL_FULL.with("txpool is full").with("code", -32000);
    var response = Problems.response(problem);
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    ProblemDetail body = response.getBody();
    assertThat(body.getType()).isEqualTo(ProblemType.TXPOOL_FULL.uri());
    assertThat(body.getTitle()).isEqualTo("Transaction pool full");
    assertThat(body.getDetail()).isEqualTo("txpool is full");
    assertThat(body.getProperties()).containsEntry("code", -32000);
    assertThat(
            Problems.response(ProblemType.NONCE_TOO_LOW.with("x"))
                .getHeaders()
                .containsHeader("Retry-After"))
        .isFalse();
  }

  private static int status(IngressResult.Rejected rejected) {
    return Problem.ofRefusal(IngressErrors.failure(rejected)).type().status().value();
  }
}
