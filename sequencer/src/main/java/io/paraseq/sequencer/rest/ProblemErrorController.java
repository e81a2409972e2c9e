package io.paraseq.sequencer.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem, replacing Spring Boot's {@code
 * BasicErrorController}: errors that never reach a Spring MVC handler (a filter's {@code
 * sendError}, an exception thrown outside the dispatcher) are answered as RFC 9457 problems too,
 * typed by {@link ProblemType#forFrameworkStatus}. A request for {@code /error} itself is a 404.
 */
@Hidden
@RestController
final class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
      return Problems.response(Problems.noEndpoint(request.getMethod(), request.getRequestURI()));
    }
    String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    Throwable failure =
        request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    if (failure != null || code >= 500) {
      String ref = Long.toHexString(ThreadLocalRandom.current().nextLong());
      log.error(
          "rest internal error outside a handler: ref={} status={} path={}",
          ref,
          code,
          path,
          failure);
      return Problems.response(ProblemHandler.internalError(ref));
    }
    HttpStatus status =
        Objects.requireNonNullElse(HttpStatus.resolve(code), HttpStatus.BAD_REQUEST);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, status.getReasonPhrase() + ": " + Problems.echoed(path));
    return Problems.response(Problems.typed(problem), new HttpHeaders());
  }
}
