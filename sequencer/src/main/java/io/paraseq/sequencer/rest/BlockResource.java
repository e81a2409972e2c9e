package io.paraseq.sequencer.rest;

import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.store.ChainQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blocks resource: {@code GET /v1/blocks/{block}} by number or {@code latest} (the head, as
 * {@link BlockNumbers} defines it), read through {@link ChainQueries}; a block beyond the head is a
 * 404.
 */
@RestController
@Tag(name = "blocks", description = "Sealed blocks.")
final class BlockResource {

  private final ChainQueries queries;
  private final BlockNumbers numbers;

  BlockResource(ChainQueries queries, BlockNumbers numbers) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
  }

  @Operation(
      operationId = "getBlock",
      summary = "Read a block",
      description =
          "A sealed block by number, or the head with `latest`: its header fields, size and"
              + " transactions — their hashes, or with `?full=true` the transaction objects"
              + " (without receipts; read those at /v1/transactions/{hash}).")
  @ApiResponse(
      responseCode = "200",
      description = "The block.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = BlockView.class),
              examples = @ExampleObject(name = "block", value = BLOCK_EXAMPLE)))
  @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.BLOCK_NOT_FOUND})
  @GetMapping(path = "/v1/blocks/{block}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> block(
      @Parameter(
              description = "`latest`, a decimal block number, or a 0x-prefixed hex number.",
              example = "latest")
          @PathVariable
          String block,
      @Parameter(
              description = "`true` for the transaction objects instead of their hashes.",
              schema = @Schema(type = "boolean", defaultValue = "false"))
          @RequestParam(name = "full", required = false)
          Optional<String> full) {
    return RequestParams.block("block", block)
        .then(ref -> RequestParams.flag("full", full).then(f -> block(ref, f)));
  }

  private ResponseEntity<?> block(BlockRef ref, boolean full) {
    long head = numbers.latest();
    long number =
        switch (ref) {
          case BlockRef.Latest latest -> head;
          case BlockRef.Number(long n) -> n;
        };
    if (number > head) {
      return notFound("block " + number + " is beyond the head, block " + head);
    }
    Optional<BlockView> view =
        full
            ? queries
                .fullBlock(number)
                .map(b -> BlockView.of(b, Settlement.of(numbers).statusOf(OptionalLong.of(number))))
            : queries.blockSummary(number).map(BlockView::of);
    return view.<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> notFound("block " + number + " is not stored"));
  }

  private static ResponseEntity<?> notFound(String detail) {
    return Problems.response(ProblemType.BLOCK_NOT_FOUND.with(detail));
  }

  private static final String BLOCK_EXAMPLE =
      "{\"number\": 42, \"hash\":"
          + " \"0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4\","
          + " \"parentHash\":"
          + " \"0x3f0e8d2c1b0a99887766554433221100ffeeddccbbaa99887766554433221100\","
          + " \"timestamp\": 1767225600,"
          + " \"feeRecipient\": \"0x4200000000000000000000000000000000000011\","
          + " \"stateRoot\":"
          + " \"0x2e1f2f0b8f5e7d3c6b4a29180706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e\","
          + " \"transactionsRoot\":"
          + " \"0x6d1e5f3c2b4a19080706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a\","
          + " \"receiptsRoot\":"
          + " \"0x056b23fbba480696b65fe5a59b8f2148a1299103c4f57df839233af2cf4ca2d2\","
          + " \"logsBloom\": \"0x00…00\", \"gasLimit\": 30000000, \"gasUsed\": 21000,"
          + " \"baseFeePerGas\": \"875000000\", \"extraData\": \"0x\", \"size\": 720,"
          + " \"transactions\":"
          + " [\"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\"]}";
}
