package io.paraseq.sequencer.rest;

import io.paraseq.sequencer.rpc.RpcResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ProblemDetail;

/**
 * One occurrence of a problem: its type, the human-readable {@code detail} and the extension
 * members (RFC 9457 §3.2) beside them ({@code code}, {@code parameter}, {@code limit}, {@code
 * ref}). Immutable; turned into Spring's {@link ProblemDetail} only at the HTTP edge ({@link
 * Problems}).
 *
 * @param type the problem type (URI, status, title)
 * @param detail what went wrong with this request
 * @param extensions extension members in insertion order; values JSON-serialisable
 */
public record Problem(ProblemType type, String detail, Map<String, Object> extensions) {

  /** Requires type and detail; copies the extensions (kept in insertion order). */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * The problem for a transaction that ingress refused: the type of its JSON-RPC error, geth's text
   * as the detail and the JSON-RPC code as the {@code code} member, exactly what {@code
   * eth_sendRawTransaction} answers.
   */
  public static Problem ofRefusal(RpcResult.Failure failure) {
    return ProblemType.forRpcError(failure.error())
        .with(failure.message())
        .with("code", failure.error().code());
  }

  /** This problem with one more extension member. */
  public Problem with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new Problem(type, detail, more);
  }

  /** The RFC 9457 body: type, title, status, detail and the extension members. */
  ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    extensions.forEach(problem::setProperty);
    return problem;
  }
}
