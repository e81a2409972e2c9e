package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.exec.SkipReason;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.types.Bytes;

/**
 * The answer to a call the protocol refused ({@code eth_call}, {@code eth_estimateGas}): geth's
 * error for the reason, with the protocol's message as geth's detail ({@code insufficient funds for
 * gas * price + value: address 0x… have 5 want 7}).
 */
final class CallRefusals {

  private CallRefusals() {}

  /**
   * The failure for a refused call.
   *
   * @throws IllegalStateException for a reason that only applies to signed transactions
   */
  static RpcResult.Failure failure(SkipReason reason, String detail) {
    return switch (reason) {
      case INSUFFICIENT_FUNDS -> RpcError.INSUFFICIENT_FUNDS.failureWithDetail(detail);
      case INTRINSIC_GAS_TOO_LOW -> RpcError.INTRINSIC_GAS_TOO_LOW.failureWithDetail(detail);
      case FEE_CAP_BELOW_BASE_FEE -> RpcError.FEE_CAP_TOO_LOW.failureWithDetail(detail);
      case TIP_ABOVE_FEE_CAP -> RpcError.TIP_ABOVE_FEE_CAP.failureWithDetail(detail);
      case CONTRACT_CREATION_UNSUPPORTED -> RpcError.CONTRACT_CREATION_UNSUPPORTED.failure();
      case CODE_EXECUTION_UNSUPPORTED ->
          RpcError.CODE_EXECUTION_UNSUPPORTED.failureWithDetail(detail);
      case NONCE_MISMATCH, NONCE_MAX, WRONG_CHAIN_ID, UNPROTECTED_TRANSACTION ->
          throw new IllegalStateException("a call was refused for " + reason + ": " + detail);
    };
  }

  /**
   * geth's answer to a reverted call: code 3, {@code execution reverted: <reason>} when the revert
   * data is a Solidity {@code Error(string)} (else just {@code execution reverted}), and the revert
   * data, hex, as {@code data}.
   */
  static RpcResult.Failure reverted(Bytes revertData) {
    RpcResult.Failure failure =
        Abi.revertReason(revertData)
            .map(RpcError.EXECUTION_REVERTED::failureWithDetail)
            .orElseGet(RpcError.EXECUTION_REVERTED::failure);
    return failure.withData(HexCodec.data(revertData));
  }
}
