package io.paraseq.sequencer.rpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side of JSON-RPC: {@code POST /} with {@code Content-Type: application/json}.
 *
 * <p>Checks, in geth's order, before anything is parsed: the HTTP method (else 405, {@code Allow:
 * POST}), the declared length (over the limit: 413 without reading the body), the content type
 * (else 415); then reads at most limit + 1 bytes (413 if there are more) and hands the body to
 * {@link JsonRpcProcessor}. Every refusal carries a JSON-RPC error body with id null;
 * JSON-RPC-level errors (parse error, invalid request, unknown method, …) come with HTTP 200 as in
 * geth. A fault outside a method is answered {@code -32603} with 200, never a bare 500.
 */
@RestController
final class JsonRpcController {

  private static final Logger log = LoggerFactory.getLogger(JsonRpcController.class);

  private final JsonRpcProcessor processor;
  private final int maxRequestBytes;

  JsonRpcController(JsonRpcProcessor processor, RpcProperties properties) {
    this.processor = processor;
    this.maxRequestBytes = properties.maxRequestBytes();
  }

  @RequestMapping(path = "/")
  void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonRpcProcessor.Reply reply;
    try {
      reply = answer(request);
    } catch (RuntimeException e) {
      log.error("rpc internal error outside a method", e);
      reply = processor.reject(HttpServletResponse.SC_OK, RpcError.INTERNAL_ERROR.failure());
    }
    write(reply, response);
  }

  private JsonRpcProcessor.Reply answer(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      log.debug("rpc refused: http method {}", request.getMethod());
      return processor.reject(
          HttpServletResponse.SC_METHOD_NOT_ALLOWED, RpcError.HTTP_METHOD_NOT_ALLOWED.failure());
    }
    if (request.getContentLengthLong() > maxRequestBytes) {
      return tooLarge(request.getContentLengthLong());
    }
    if (!isJson(request.getContentType())) {
      log.debug("rpc refused: content type {}", request.getContentType());
      return processor.reject(
          HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          RpcError.UNSUPPORTED_CONTENT_TYPE.failure());
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxRequestBytes + 1);
    } catch (IOException e) {
      log.debug("rpc refused: body unreadable: {}", e.toString());
      return processor.reject(HttpServletResponse.SC_BAD_REQUEST, RpcError.PARSE_ERROR.failure());
    }
    if (body.length > maxRequestBytes) {
      return tooLarge(-1);
    }
    return processor.process(body);
  }

  private JsonRpcProcessor.Reply tooLarge(long declaredLength) {
    log.debug("rpc refused: body too large declared={} max={}", declaredLength, maxRequestBytes);
    return processor.reject(
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        RpcError.REQUEST_TOO_LARGE.failure(maxRequestBytes));
  }

  /** {@code application/json}, any case, with no charset or UTF-8. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.getType().equalsIgnoreCase("application")
          && type.getSubtype().equalsIgnoreCase("json")
          && (type.getParameter("charset") == null
              || StandardCharsets.UTF_8.equals(type.getCharset()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void write(JsonRpcProcessor.Reply reply, HttpServletResponse response)
      throws IOException {
    response.setStatus(reply.status());
    if (reply.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
      response.setHeader(HttpHeaders.ALLOW, "POST");
    }
    if (reply.body().isEmpty()) {
      response.setContentLength(0);
      return;
    }
    byte[] body = reply.body().get();
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
