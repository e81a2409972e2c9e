package io.paraseq.sequencer.rest;

import io.paraseq.sequencer.rpc.RpcError;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Every problem the REST API answers with (RFC 9457): its stable type URI, HTTP status and title,
 * in one table. The OpenAPI document, the exception handler and the resources all read it.
 *
 * <p>Transaction refusals carry the JSON-RPC error that {@code eth_sendRawTransaction} answers for
 * the same transaction ({@link #rpcError()}): the problem's {@code detail} is geth's text and its
 * {@code code} member the JSON-RPC code. Their statuses follow one rule: 400 when the transaction
 * is wrong in itself, 409 when it conflicts with the sender's current account or pool state, 413
 * when it is too large, 429 when the sender holds too many, 503 when the node has no room now
 * (retry).
 */
public enum ProblemType {
  // The request.
  /** A 400 of the framework that no more specific type describes (a missing header, …). */
  BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request", "Failed to read request"),
  /** The body is not JSON (or has trailing content). */
  MALFORMED_JSON(
      "malformed-json",
      HttpStatus.BAD_REQUEST,
      "Malformed JSON",
      "the body is not valid JSON: Unexpected end-of-input"),
  /** The body is JSON but not of the documented form (a member missing, not hex, …). */
  INVALID_BODY(
      "invalid-body",
      HttpStatus.BAD_REQUEST,
      "Invalid request body",
      "raw: hex string of odd length"),
  /** A path or query parameter of the wrong form; the {@code parameter} member names it. */
  INVALID_PARAMETER(
      "invalid-parameter",
      HttpStatus.BAD_REQUEST,
      "Invalid parameter",
      "address: hex string has length 38, want 40 for common.Address"),
  /** No endpoint at this path. */
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", "no endpoint GET /v1/blocks"),
  /** No transaction with this hash in the chain or the pool. */
  TRANSACTION_NOT_FOUND(
      "transaction-not-found",
      HttpStatus.NOT_FOUND,
      "Transaction not found",
      "no transaction 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 in the"
          + " chain or the pool"),
  /** No block with this number yet. */
  BLOCK_NOT_FOUND(
      "block-not-found",
      HttpStatus.NOT_FOUND,
      "Block not found",
      "block 1000 is beyond the head, block 42"),
  /** The path exists but not with this HTTP method; the {@code Allow} header lists the methods. */
  METHOD_NOT_ALLOWED(
      "method-not-allowed",
      HttpStatus.METHOD_NOT_ALLOWED,
      "Method not allowed",
      "Method 'PUT' is not supported."),
  /** The {@code Accept} header excludes every type the endpoint produces. */
  NOT_ACCEPTABLE(
      "not-acceptable",
      HttpStatus.NOT_ACCEPTABLE,
      "Not acceptable",
      "Acceptable representations: [application/json, application/problem+json]."),
  /** The body exceeds the limit (declared or counted); the {@code limit} member is in bytes. */
  REQUEST_TOO_LARGE(
      "request-too-large",
      HttpStatus.CONTENT_TOO_LARGE,
      "Request body too large",
      "the body exceeds the limit of 266240 bytes"),
  /** A {@code Content-Type} the endpoint does not read. */
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type",
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "Unsupported media type",
      "Content-Type 'text/plain' is not supported."),
  /** A fault in the node; the {@code ref} member finds the logged exception. */
  INTERNAL_ERROR(
      "internal-error",
      HttpStatus.INTERNAL_SERVER_ERROR,
      "Internal error",
      "an internal error occurred; ref 5f1c2a9e04b7d3e8"),
  /** Ingress could not decide (the pool table write failed, shutdown): nothing was stored. */
  INGRESS_UNAVAILABLE(
      "ingress-unavailable",
      HttpStatus.SERVICE_UNAVAILABLE,
      "Ingress unavailable",
      "ingress could not decide (the pool table write failed; not accepted): nothing was stored;"
          + " try again"),

  // Transaction refusals: the same reasons, texts and codes as eth_sendRawTransaction.
  /** The encoding is larger than {@code paraseq.ingress.max-transaction-size}. */
  OVERSIZED_TRANSACTION(
      "oversized-transaction",
      HttpStatus.CONTENT_TOO_LARGE,
      "Transaction too large",
      "oversized data: transaction size 131073, limit 131072",
      RpcError.OVERSIZED_DATA),
  /** A broken rule of the encoding or the signature (malformed RLP, invalid sender, …). */
  INVALID_TRANSACTION(
      "invalid-transaction",
      HttpStatus.BAD_REQUEST,
      "Invalid transaction",
      "malformed RLP: unexpected end of input",
      RpcError.INVALID_TRANSACTION),
  /** Gas limit below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW(
      "intrinsic-gas-too-low",
      HttpStatus.BAD_REQUEST,
      "Intrinsic gas too low",
      "intrinsic gas too low: gas 20999, minimum needed 21000",
      RpcError.INTRINSIC_GAS_TOO_LOW),
  /** Gas limit above what any block can hold. */
  EXCEEDS_BLOCK_GAS_LIMIT(
      "exceeds-block-gas-limit",
      HttpStatus.BAD_REQUEST,
      "Exceeds block gas limit",
      "exceeds block gas limit",
      RpcError.EXCEEDS_BLOCK_GAS_LIMIT),
  /** Blob, set-code and deposit transactions. */
  TRANSACTION_TYPE_NOT_SUPPORTED(
      "transaction-type-not-supported",
      HttpStatus.BAD_REQUEST,
      "Transaction type not supported",
      "transaction type not supported",
      RpcError.TRANSACTION_TYPE_NOT_SUPPORTED),
  /** Signed for another chain. */
  INVALID_CHAIN_ID(
      "invalid-chain-id",
      HttpStatus.BAD_REQUEST,
      "Invalid chain id",
      "invalid chain id for signer: have 1 want 3195",
      RpcError.INVALID_CHAIN_ID),
  /** Fee cap below the node's minimum ({@code paraseq.pool.min-fee-cap}). */
  TRANSACTION_UNDERPRICED(
      "transaction-underpriced",
      HttpStatus.BAD_REQUEST,
      "Transaction underpriced",
      "transaction underpriced: fee cap 0 below the minimum 1",
      RpcError.TRANSACTION_UNDERPRICED),
  /** The nonce is below the sender's next nonce. */
  NONCE_TOO_LOW(
      "nonce-too-low",
      HttpStatus.CONFLICT,
      "Nonce too low",
      "nonce too low: next nonce 5, tx nonce 3",
      RpcError.NONCE_TOO_LOW),
  /** The same transaction is already in the pool. */
  ALREADY_KNOWN(
      "already-known",
      HttpStatus.CONFLICT,
      "Already known",
      "already known",
      RpcError.ALREADY_KNOWN),
  /** A replacement (same sender and nonce) without the required fee bump. */
  REPLACEMENT_UNDERPRICED(
      "replacement-underpriced",
      HttpStatus.CONFLICT,
      "Replacement underpriced",
      "replacement transaction underpriced",
      RpcError.REPLACEMENT_UNDERPRICED),
  /** The balance does not cover gas × fee cap + value. */
  INSUFFICIENT_FUNDS(
      "insufficient-funds",
      HttpStatus.CONFLICT,
      "Insufficient funds",
      "insufficient funds for gas * price + value: balance 0, tx cost 42000000000001",
      RpcError.INSUFFICIENT_FUNDS),
  /** The sender already holds as many queued transactions as the pool allows. */
  ACCOUNT_LIMIT_EXCEEDED(
      "account-limit-exceeded",
      HttpStatus.TOO_MANY_REQUESTS,
      "Account limit exceeded",
      "account limit exceeded",
      RpcError.ACCOUNT_LIMIT_EXCEEDED),
  /** The pool is full and nothing cheaper or older could make room; retry later. */
  TXPOOL_FULL(
      "txpool-full",
      HttpStatus.SERVICE_UNAVAILABLE,
      "Transaction pool full",
      "txpool is full",
      RpcError.TXPOOL_FULL),
  /** The node is a verifier: it takes no transactions. */
  NOT_AVAILABLE_ON_VERIFIER(
      "not-available-on-verifier",
      HttpStatus.NOT_IMPLEMENTED,
      "Not available on a verifier",
      "method not available on a verifier: send transactions to the sequencer",
      RpcError.NOT_AVAILABLE_ON_VERIFIER),
  /** Back-pressure: an ingress queue is full; retry later. */
  INGRESS_BUSY(
      "ingress-busy",
      HttpStatus.SERVICE_UNAVAILABLE,
      "Ingress busy",
      "transaction ingress is busy, try again later",
      RpcError.INGRESS_BUSY);

  /** The prefix of every type URI; the slug follows. */
  public static final String TYPE_PREFIX = "urn:paraseq:problem:";

  private static final Map<RpcError, ProblemType> BY_RPC_ERROR = byRpcError();

  private final String slug;
  private final HttpStatus status;
  private final String title;
  private final String example;
  private final Optional<RpcError> rpcError;

  ProblemType(String slug, HttpStatus status, String title, String example) {
    this(slug, status, title, example, null);
  }

  ProblemType(String slug, HttpStatus status, String title, String example, RpcError rpcError) {
    this.slug = slug;
    this.status = status;
    this.title = title;
    this.example = example;
    this.rpcError = Optional.ofNullable(rpcError);
  }

  /** The stable identifier, {@code urn:paraseq:problem:<slug>}. */
  public URI uri() {
    return URI.create(TYPE_PREFIX + slug);
  }

  /** The last part of the type URI ({@code nonce-too-low}). */
  public String slug() {
    return slug;
  }

  /** The HTTP status sent with this problem. */
  public HttpStatus status() {
    return status;
  }

  /** The short human-readable summary, the same for every occurrence. */
  public String title() {
    return title;
  }

  /** A typical {@code detail}, for the API documentation. */
  public String example() {
    return example;
  }

  /** The JSON-RPC error of a transaction refusal; empty for request-level problems. */
  public Optional<RpcError> rpcError() {
    return rpcError;
  }

  /** This problem with its {@code detail}. */
  public Problem with(String detail) {
    return new Problem(this, detail, Map.of());
  }

  /** The problem type of an ingress refusal's JSON-RPC error. */
  public static ProblemType forRpcError(RpcError error) {
    ProblemType type = BY_RPC_ERROR.get(error);
    if (type == null) {
      throw new IllegalArgumentException("no problem type for JSON-RPC error " + error);
    }
    return type;
  }

  /**
   * The type of a framework error (Spring MVC's own exceptions) by its status; empty for statuses
   * without one, which keep {@code about:blank} as RFC 9457 intends.
   */
  public static Optional<ProblemType> forFrameworkStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> Optional.of(BAD_REQUEST);
      case 404 -> Optional.of(NOT_FOUND);
      case 405 -> Optional.of(METHOD_NOT_ALLOWED);
      case 406 -> Optional.of(NOT_ACCEPTABLE);
      case 413 -> Optional.of(REQUEST_TOO_LARGE);
      case 415 -> Optional.of(UNSUPPORTED_MEDIA_TYPE);
      case 500 -> Optional.of(INTERNAL_ERROR);
      default -> Optional.empty();
    };
  }

  private static Map<RpcError, ProblemType> byRpcError() {
    Map<RpcError, ProblemType> map = new EnumMap<>(RpcError.class);
    Arrays.stream(values())
        .forEach(
            type ->
                type.rpcError.ifPresent(
                    error -> {
                      ProblemType previous = map.put(error, type);
                      if (previous != null) {
                        throw new IllegalStateException(
                            error + " has two problem types: " + previous + ", " + type);
                      }
                    }));
    return map;
  }
}
