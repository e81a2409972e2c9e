package io.paraseq.sequencer.rest;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.ingress.IngressService;
import io.paraseq.sequencer.rpc.RpcError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts resource: {@code GET /v1/accounts/{address}} reads balance and nonce from the state
 * after the head block, with the head's number and hash taken from the same published head, and the
 * pending nonce from the pool (on its writer thread, as {@code eth_getTransactionCount} at {@code
 * pending}).
 */
@RestController
@Tag(name = "accounts", description = "Balances and nonces.")
final class AccountResource {

  private final ChainHead head;
  private final IngressService ingress;

  AccountResource(ChainHead head, IngressService ingress) {
    this.head = Objects.requireNonNull(head, "head");
    this.ingress = Objects.requireNonNull(ingress, "ingress");
  }

  @Operation(
      operationId = "getAccount",
      summary = "Read an account",
      description =
          "Balance and nonce of an address in the state after the head block, and the nonce its"
              + " next transaction should carry (after its transactions pending in the pool). An"
              + " address never used has balance 0 and nonces 0.")
  @ApiResponse(
      responseCode = "200",
      description = "The account.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = AccountView.class),
              examples =
                  @ExampleObject(
                      name = "funded",
                      value =
                          "{\"address\": \"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                              + " \"balance\": \"9999999957999999999999\", \"nonce\": 1, \"pendingNonce\": 2,"
                              + " \"blockNumber\": 42, \"blockHash\":"
                              + " \"0x9a7c6f1cb2a6e2a4a1bcbd0e0d1f8e47b2c1f7f0b5b4f3e2d1c0b9a8f7e6d5c4\"}")))
  @ProblemResponses({ProblemType.INVALID_PARAMETER, ProblemType.INGRESS_BUSY})
  @GetMapping(path = "/v1/accounts/{address}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> account(
      @Parameter(
              description = "0x and 40 hex digits, any case (the checksum is not checked).",
              example = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
          @PathVariable
          String address) {
    return RequestParams.address("address", address).then(this::account);
  }

  private ResponseEntity<?> account(Address address) {
    ChainHead.Head current = head.snapshot();
    Account account = current.state().account(address);
    Optional<Long> pending = ingress.pendingNonce(address, account.nonce());
    if (pending.isEmpty()) {
      return Problems.response(Problem.ofRefusal(RpcError.INGRESS_BUSY.failure()));
    }
    return ResponseEntity.ok(
        new AccountView(
            address.toString(),
            account.balance().value().toString(),
            account.nonceValue(),
            new BigInteger(Long.toUnsignedString(pending.get())),
            current.header().number(),
            current.header().hash().toString()));
  }
}
