package io.paraseq.sequencer.rest;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Problem responses at the HTTP edge: the status of the type, {@code Content-Type:
 * application/problem+json} whatever the request's {@code Accept} says, and {@code Retry-After} on
 * the statuses that invite a retry (429, 503).
 */
final class Problems {

  /** Seconds a client should wait before retrying after a 429 or 503: about four blocks. */
  static final int RETRY_AFTER_SECONDS = 1;

  /** Longest piece of client input (a path, a parameter) echoed in a detail. */
  private static final int MAX_ECHOED = 120;

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private Problems() {}

  /** {@code text} as echoed in a detail: cut after {@value #MAX_ECHOED} characters. */
  static String echoed(String text) {
    return text.length() <= MAX_ECHOED ? text : text.substring(0, MAX_ECHOED) + "…";
  }

  /** The 404 for a request no endpoint serves. */
  static Problem noEndpoint(String method, String path) {
    return ProblemType.NOT_FOUND.with(
        "no endpoint "
            + method
            + " "
            + echoed(path)
            + "; the API is described at "
            + OpenApiConfiguration.API_DOCS_PATH);
  }

  /**
   * Gives a framework problem (one Spring built, or the error page) the {@link ProblemType} of its
   * status, unless it already has a type other than {@code about:blank}; statuses without one keep
   * {@code about:blank}.
   */
  static ProblemDetail typed(ProblemDetail problem) {
    if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
      ProblemType.forFrameworkStatus(HttpStatusCode.valueOf(problem.getStatus()))
          .ifPresent(
              type -> {
                problem.setType(type.uri());
                problem.setTitle(type.title());
              });
    }
    return problem;
  }

  /** The response for {@code problem}. */
  static ResponseEntity<ProblemDetail> response(Problem problem) {
    return response(problem.toProblemDetail(), new HttpHeaders());
  }

  /** The response for an already built body, with {@code headers} (e.g. {@code Allow}) kept. */
  static ResponseEntity<ProblemDetail> response(ProblemDetail body, HttpHeaders headers) {
    HttpHeaders out = new HttpHeaders();
    out.putAll(headers);
    out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (body.getStatus() == 429 || body.getStatus() == 503) {
      out.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }
    return ResponseEntity.status(body.getStatus()).headers(out).body(body);
  }
}
