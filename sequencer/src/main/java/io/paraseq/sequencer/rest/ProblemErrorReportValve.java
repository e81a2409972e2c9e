package io.paraseq.sequencer.rest;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's error report for what Tomcat refuses itself, before any servlet runs — a malformed
 * request line or URL ({@code %2F}, {@code %00}, an invalid percent-encoding), a header too large —
 * written as an RFC 9457 problem instead of Tomcat's HTML page. Errors that reach the application
 * are answered by {@link ProblemHandler} and {@link ProblemErrorController}; this is the last place
 * an HTML body could come from.
 *
 * <p>Installed as the host's error report valve by {@link TomcatProblemConfiguration}; Tomcat
 * instantiates it by class name, hence public with a public no-argument constructor.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  /** The valve; Tomcat creates it. */
  public ProblemErrorReportValve() {}

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode status = HttpStatusCode.valueOf(code);
    ProblemType type =
        ProblemType.forFrameworkStatus(status)
            .orElse(code >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST);
    HttpStatus resolved = HttpStatus.resolve(code);
    String reason = resolved == null ? "HTTP " + code : resolved.getReasonPhrase();
    String detail =
        reason + ": the HTTP server refused the request (malformed request line or URL)";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json(type.uri(), type.title(), code, detail));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }

  /** The problem's JSON; every value is a fixed text or a number, so no escaping is needed. */
  private static String json(URI type, String title, int status, String detail) {
    return "{\"type\":\""
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
