package io.paraseq.sequencer.rest;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.rpc.HexCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /v1/transactions} into the raw transaction: JSON {@code {"raw":
 * "0x…"}} (other members are ignored) or, with {@code Content-Type: application/octet-stream}, the
 * bytes themselves. The body is never read past the limit: a declared length over it is refused
 * before reading, a longer stream after limit + 1 bytes (413 {@link
 * ProblemType#REQUEST_TOO_LARGE}). The content type itself was checked by the mapping (415).
 */
final class TransactionBody {

  /** The JSON member holding the signed transaction. */
  static final String RAW = "raw";

  /** Bytes allowed beside the hex of the largest transaction. */
  static final int JSON_SLACK = 4096;

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final int maxBytes;

  /**
   * @param maxBytes the largest body read
   */
  TransactionBody(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The reader for transactions of at most {@code maxTransactionBytes}: room for their hex (two
   * digits a byte) and 4 KiB of JSON around it, so that a transaction just over the ingress limit
   * still gets ingress's {@code oversized data} refusal, and anything far larger is not read.
   */
  static TransactionBody forTransactionsOf(int maxTransactionBytes) {
    return new TransactionBody(2 * maxTransactionBytes + JSON_SLACK);
  }

  /** The largest body read, in bytes. */
  int maxBytes() {
    return maxBytes;
  }

  /** The raw transaction in the request's body, or why there is none. */
  Parsed<Bytes> read(HttpServletRequest request) {
    if (request.getContentLengthLong() > maxBytes) {
      return tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      return new Parsed.Refused<>(
          ProblemType.BAD_REQUEST.with("the body could not be read: " + e.getMessage()));
    }
    if (body.length > maxBytes) {
      return tooLarge();
    }
    if (isOctetStream(request.getContentType())) {
      return body.length == 0
          ? invalid("the body is empty; send the signed transaction's bytes")
          : new Parsed.Ok<>(Bytes.of(body));
    }
    return fromJson(body);
  }

  private static Parsed<Bytes> fromJson(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      return new Parsed.Refused<>(
          ProblemType.MALFORMED_JSON.with("the body is not valid JSON: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return new Parsed.Refused<>(ProblemType.MALFORMED_JSON.with("the body is empty"));
    }
    if (!root.isObject()) {
      return invalid("the body must be a JSON object {\"raw\": \"0x…\"}");
    }
    JsonNode raw = root.path(RAW);
    if (raw.isMissingNode() || raw.isNull()) {
      return invalid(RAW + ": missing");
    }
    if (!raw.isString()) {
      return invalid(RAW + ": want a 0x-prefixed hex string");
    }
    return switch (HexCodec.decodeData(raw.asString())) {
      case HexCodec.Decoded.Valid<Bytes>(Bytes bytes) -> new Parsed.Ok<>(bytes);
      case HexCodec.Decoded.Invalid<Bytes>(String reason) -> invalid(RAW + ": " + reason);
    };
  }

  private static boolean isOctetStream(String contentType) {
    try {
      return contentType != null
          && MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(
              MediaType.parseMediaType(contentType));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Parsed<Bytes> tooLarge() {
    return new Parsed.Refused<>(
        ProblemType.REQUEST_TOO_LARGE
            .with("the body exceeds the limit of " + maxBytes + " bytes")
            .with("limit", maxBytes));
  }

  private static Parsed<Bytes> invalid(String detail) {
    return new Parsed.Refused<>(ProblemType.INVALID_BODY.with(detail));
  }
}
