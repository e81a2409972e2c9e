package io.paraseq.sequencer.rest;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.ingress.IngressProperties;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import io.paraseq.sequencer.rpc.HexCodec;
import io.paraseq.sequencer.rpc.IngressErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transactions resource: {@code POST /v1/transactions} submits a signed transaction through the
 * same ingress as {@code eth_sendRawTransaction} and answers 202 only after its pool table row is
 * committed; refusals are problems with the same reasons and geth's texts.
 */
@RestController
@Tag(name = "transactions", description = "Submit signed transactions and follow them.")
final class TransactionResource {

  private static final Logger log = LoggerFactory.getLogger(TransactionResource.class);

  /** The path of the collection; a transaction is at {@code PATH + "/" + hash}. */
  static final String PATH = "/v1/transactions";

  private final TransactionIngress ingress;
  private final TransactionBody body;
  private final Duration timeout;

  TransactionResource(TransactionIngress ingress, IngressProperties ingressProperties) {
    this.ingress = Objects.requireNonNull(ingress, "ingress");
    this.body = TransactionBody.forTransactionsOf(ingressProperties.maxTransactionBytes());
    this.timeout = TransactionIngress.DEFAULT_WAIT;
  }

  @Operation(
      operationId = "submitTransaction",
      summary = "Submit a signed transaction",
      description =
          "Sends a signed transaction (legacy with EIP-155, EIP-2930 or EIP-1559) to the pool,"
              + " exactly as eth_sendRawTransaction does: the same checks, the same refusals"
              + " (geth's texts in `detail`, the JSON-RPC code in `code`). 202 comes only after the"
              + " transaction is durably stored; it then survives a crash of the node.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SubmitTransactionRequest.class),
                    examples =
                        @ExampleObject(
                            name = "transfer",
                            value =
                                "{\"raw\": \"0x02f86f820c7b80843b9aca00847735940082520894"
                                    + "000000000000000000000000000000000000beef0180c0…\"}")),
                @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema =
                        @Schema(
                            type = "string",
                            format = "binary",
                            description = "The signed transaction's bytes."))
              }))
  @ApiResponse(
      responseCode = "202",
      description = "Stored in the pool; follow it at the Location.",
      headers =
          @Header(
              name = "Location",
              description = "The transaction's status resource, /v1/transactions/{hash}.",
              schema = @Schema(type = "string", format = "uri-reference")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SubmittedTransaction.class),
              examples =
                  @ExampleObject(
                      name = "pending",
                      value =
                          "{\"hash\": \"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\","
                              + " \"status\": \"pending\"}")))
  @ProblemResponses({
    ProblemType.MALFORMED_JSON,
    ProblemType.INVALID_BODY,
    ProblemType.BAD_REQUEST,
    ProblemType.REQUEST_TOO_LARGE,
    ProblemType.UNSUPPORTED_MEDIA_TYPE,
    ProblemType.INGRESS_UNAVAILABLE,
    ProblemType.OVERSIZED_TRANSACTION,
    ProblemType.INVALID_TRANSACTION,
    ProblemType.INTRINSIC_GAS_TOO_LOW,
    ProblemType.EXCEEDS_BLOCK_GAS_LIMIT,
    ProblemType.TRANSACTION_TYPE_NOT_SUPPORTED,
    ProblemType.INVALID_CHAIN_ID,
    ProblemType.TRANSACTION_UNDERPRICED,
    ProblemType.NONCE_TOO_LOW,
    ProblemType.ALREADY_KNOWN,
    ProblemType.REPLACEMENT_UNDERPRICED,
    ProblemType.INSUFFICIENT_FUNDS,
    ProblemType.ACCOUNT_LIMIT_EXCEEDED,
    ProblemType.TXPOOL_FULL,
    ProblemType.INGRESS_BUSY
  })
  @PostMapping(
      path = PATH,
      consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> submit(HttpServletRequest request) {
    return body.read(request).then(this::submit);
  }

  private ResponseEntity<?> submit(Bytes raw) {
    return switch (ingress.submitAndWait(raw, timeout)) {
      case IngressResult.Accepted accepted -> {
        String hash = HexCodec.data(accepted.hash().bytes());
        yield ResponseEntity.accepted()
            .location(URI.create(PATH + "/" + hash))
            .body(new SubmittedTransaction(hash, TransactionStatus.PENDING));
      }
      case IngressResult.Rejected rejected -> {
        Problem problem = Problem.ofRefusal(IngressErrors.failure(rejected));
        log.debug(
            "rest transaction refused: type={} detail={}", problem.type().slug(), problem.detail());
        yield Problems.response(problem);
      }
    };
  }
}
