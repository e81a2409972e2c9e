package io.paraseq.sequencer.rest;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.config.NodeProperties;
import io.paraseq.sequencer.ingress.IngressProperties;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.ingress.TransactionIngress;
import io.paraseq.sequencer.ingress.VerifierIngress;
import io.paraseq.sequencer.rpc.HexCodec;
import io.paraseq.sequencer.rpc.IngressErrors;
import io.paraseq.sequencer.store.ChainQueries;
import io.paraseq.sequencer.store.ChainReceipt;
import io.paraseq.sequencer.store.ChainTransaction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transactions resource: {@code POST /v1/transactions} submits a signed transaction through the
 * same ingress as {@code eth_sendRawTransaction} and answers 202 only after its pool table row is
 * committed (refusals are problems with the same reasons and geth's texts); {@code GET
 * /v1/transactions/{hash}} shows it with its status ({@link Settlement}), block and receipt, read
 * through {@link ChainQueries} (the chain tables and the pool table in one snapshot).
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
  private final ChainQueries queries;
  private final BlockNumbers numbers;

  TransactionResource(
      IngressService ingress,
      NodeProperties node,
      IngressProperties ingressProperties,
      ChainQueries queries,
      BlockNumbers numbers) {
    this.ingress = node.verifier() ? new VerifierIngress() : Objects.requireNonNull(ingress);
    this.body = TransactionBody.forTransactionsOf(ingressProperties.maxTransactionBytes());
    this.timeout = TransactionIngress.DEFAULT_WAIT;
    this.queries = Objects.requireNonNull(queries, "queries");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
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
    ProblemType.INGRESS_BUSY,
    ProblemType.NOT_AVAILABLE_ON_VERIFIER
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

  @Operation(
      operationId = "getTransaction",
      summary = "Follow a transaction",
      description =
          "The transaction with its status: pending (in the pool) → included (in a block) →"
              + " batched (its block posted to L1) → final (its batch final on L1). Today a"
              + " transaction goes pending → included; batched and final come with the batcher."
              + " Once included: its block and its receipt.")
  @ApiResponse(
      responseCode = "200",
      description = "The transaction.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = TransactionView.class),
              examples = {
                @ExampleObject(name = "included", value = INCLUDED_EXAMPLE),
                @ExampleObject(name = "pending", value = PENDING_EXAMPLE)
              }))
  @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.TRANSACTION_NOT_FOUND})
  @GetMapping(path = PATH + "/{hash}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> transaction(
      @Parameter(
              description = "The transaction hash: 0x and 64 hex digits.",
              example = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")
          @PathVariable
          String hash) {
    return RequestParams.hash("hash", hash).then(this::transaction);
  }

  private ResponseEntity<?> transaction(Hash hash) {
    Settlement settlement = Settlement.of(numbers);
    Optional<ChainTransaction> found = queries.transaction(hash);
    if (found.isEmpty()) {
      return Problems.response(
          ProblemType.TRANSACTION_NOT_FOUND.with(
              "no transaction " + hash + " in the chain or the pool"));
    }
    ChainTransaction tx = found.get();
    OptionalLong block =
        tx.location().map(l -> OptionalLong.of(l.blockNumber())).orElse(OptionalLong.empty());
    Optional<ChainReceipt> receipt = tx.isPending() ? Optional.empty() : queries.receipt(hash);
    return ResponseEntity.ok(TransactionView.of(tx, settlement.statusOf(block), receipt));
  }

  private static final String PENDING_EXAMPLE =
      "{\"hash\": \"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\","
          + " \"status\": \"pending\", \"type\": 2,"
          + " \"from\": \"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
          + " \"to\": \"0x000000000000000000000000000000000000bEEF\", \"nonce\": 0,"
          + " \"value\": \"1\", \"gas\": 21000, \"maxFeePerGas\": \"2000000000\","
          + " \"input\": \"0x\", \"block\": null, \"receipt\": null}";

  private static final String INCLUDED_EXAMPLE =
      "{\"hash\": \"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\","
          + " \"status\": \"included\", \"type\": 2,"
          + " \"from\": \"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
          + " \"to\": \"0x000000000000000000000000000000000000bEEF\", \"nonce\": 0,"
          + " \"value\": \"1\", \"gas\": 21000, \"maxFeePerGas\": \"2000000000\","
          + " \"input\": \"0x\", \"block\": {\"number\": 42, \"hash\":"
          + " \"0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4\","
          + " \"index\": 0}, \"receipt\": {\"status\": \"success\", \"gasUsed\": 21000,"
          + " \"cumulativeGasUsed\": 21000, \"effectiveGasPrice\": \"1875000000\","
          + " \"l1Fee\": \"0\", \"contractAddress\": null, \"logs\": []}}";
}
