package io.paraseq.sequencer.rest;

import io.paraseq.sequencer.ingress.IngressUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem ({@code
 * application/problem+json}): Spring's own (unknown route 404, 405 with {@code Allow}, 415, 406,
 * unreadable body 400, …) through {@link ResponseEntityExceptionHandler}, typed by {@link
 * ProblemType#forFrameworkStatus}; an ingress fault as 503 {@link ProblemType#INGRESS_UNAVAILABLE};
 * anything else as 500 {@link ProblemType#INTERNAL_ERROR} with a {@code ref} that finds the one
 * ERROR log line. Applies to every handler, so unknown routes are covered too; the JSON-RPC
 * controller at {@code POST /} writes its own JSON-RPC errors and lets no exception out.
 *
 * <p>Replaces Spring Boot's {@code spring.mvc.problemdetails.enabled} handler (which backs off when
 * a {@link ResponseEntityExceptionHandler} bean exists).
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(IngressUnavailableException.class)
  ResponseEntity<ProblemDetail> ingressUnavailable(IngressUnavailableException e) {
    log.warn("rest ingress unavailable: {}", e.getMessage());
    return Problems.response(
        ProblemType.INGRESS_UNAVAILABLE.with(
            "ingress could not decide (" + e.getMessage() + "): nothing was stored; try again"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internalError(Exception e, HttpServletRequest request) {
    String ref = Long.toHexString(ThreadLocalRandom.current().nextLong());
    log.error(
        "rest internal error: ref={} method={} path={}",
        ref,
        request.getMethod(),
        request.getRequestURI(),
        e);
    return Problems.response(internalError(ref));
  }

  /** The 500 problem with its log reference. */
  static Problem internalError(String ref) {
    return ProblemType.INTERNAL_ERROR
        .with("an internal error occurred; ref " + ref)
        .with("ref", ref);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return notFound(headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return notFound(headers, status, request);
  }

  private ResponseEntity<Object> notFound(
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
    ProblemDetail body =
        Problems.noEndpoint(servlet.getMethod(), servlet.getRequestURI()).toProblemDetail();
    return createResponseEntity(body, headers, status, request);
  }

  /**
   * Every response of the base class passes here: a framework problem gets its {@link ProblemType}
   * (unless it already has a type) and {@code application/problem+json}.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
    ResponseEntity<ProblemDetail> response = Problems.response(Problems.typed(problem), headers);
    return new ResponseEntity<>(response.getBody(), response.getHeaders(), status);
  }
}
