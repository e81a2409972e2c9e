package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpcErrorTest {

  @Test
  void fillsTemplates() {
    assertThat(RpcError.METHOD_NOT_FOUND.failure("eth_foo").message())
        .isEqualTo("the method eth_foo does not exist/is not available");
    assertThat(RpcError.INVALID_ARGUMENT.failure(0, "hex string of odd length").message())
        .isEqualTo("invalid argument 0: hex string of odd length");
    assertThat(RpcError.TOO_MANY_ARGUMENTS.failure(1).message())
        .isEqualTo("too many arguments, want at most 1");
    assertThat(RpcError.REQUEST_TOO_LARGE.failure(5_242_880).message())
        .isEqualTo("request body too large, limit is 5242880 bytes");
  }

  @Test
  void appendsDetailsAfterAColonAsGethDoes() {
    RpcResult.Failure failure = RpcError.INVALID_CHAIN_ID.failureWithDetail("have 1 want 3195");
    assertThat(failure.message()).isEqualTo("invalid chain id for signer: have 1 want 3195");
    assertThat(failure.error().code()).isEqualTo(-32000);
    assertThat(failure.data()).isEqualTo(Optional.empty());
  }

  @Test
  void usesTheStandardCodes() {
    assertThat(RpcError.PARSE_ERROR.code()).isEqualTo(-32700);
    assertThat(RpcError.INVALID_REQUEST.code()).isEqualTo(-32600);
    assertThat(RpcError.EMPTY_BATCH.code()).isEqualTo(-32600);
    assertThat(RpcError.BATCH_TOO_LARGE.code()).isEqualTo(-32600);
    assertThat(RpcError.METHOD_NOT_FOUND.code()).isEqualTo(-32601);
    assertThat(RpcError.INVALID_ARGUMENT.code()).isEqualTo(-32602);
    assertThat(RpcError.INTERNAL_ERROR.code()).isEqualTo(-32603);
    assertThat(RpcError.NONCE_TOO_LOW.code()).isEqualTo(-32000);
  }

  @Test
  void keepsGethsIngressTexts() {
    assertThat(RpcError.NONCE_TOO_LOW.failure().message()).isEqualTo("nonce too low");
    assertThat(RpcError.ALREADY_KNOWN.failure().message()).isEqualTo("already known");
    assertThat(RpcError.REPLACEMENT_UNDERPRICED.failure().message())
        .isEqualTo("replacement transaction underpriced");
    assertThat(RpcError.INSUFFICIENT_FUNDS.failure().message())
        .isEqualTo("insufficient funds for gas * price + value");
    assertThat(RpcError.INTRINSIC_GAS_TOO_LOW.failure().message())
        .isEqualTo("intrinsic gas too low");
    assertThat(RpcError.EXCEEDS_BLOCK_GAS_LIMIT.failure().message())
        .isEqualTo("exceeds block gas limit");
    assertThat(RpcError.OVERSIZED_DATA.failure().message()).isEqualTo("oversized data");
    assertThat(RpcError.TRANSACTION_TYPE_NOT_SUPPORTED.failure().message())
        .isEqualTo("transaction type not supported");
  }

  @Test
  void everyTextWithoutArgumentsIsFinal() {
    for (RpcError error : RpcError.values()) {
      if (!error.text().contains("%")) {
        assertThat(error.failure().message()).isEqualTo(error.text());
      }
      assertThat(error.tag()).matches("[a-z_]+");
    }
  }
}
