package io.paraseq.sequencer.rpc;

import io.paraseq.sequencer.ingress.IngressResult;
import java.util.Optional;

/**
 * The one table from ingress refusals to JSON-RPC errors with geth's texts and details ({@code
 * nonce too low: next nonce 5, tx nonce 3}). {@code eth_sendRawTransaction} answers these; the REST
 * API ({@code io.paraseq.sequencer.rest}) sends the same code and text inside its problem details,
 * so both adapters refuse a transaction with the same words.
 */
public final class IngressErrors {

  private IngressErrors() {}

  /** The JSON-RPC error for a refusal, its message exactly as geth would send it. */
  public static RpcResult.Failure failure(IngressResult.Rejected rejected) {
    return switch (rejected) {
      case IngressResult.Oversized o ->
          RpcError.OVERSIZED_DATA.failureWithDetail(
              "transaction size " + o.size() + ", limit " + o.limit());
      case IngressResult.ExceedsGasLimit e -> RpcError.EXCEEDS_BLOCK_GAS_LIMIT.failure();
      case IngressResult.Busy b -> RpcError.INGRESS_BUSY.failure();
      case IngressResult.NotSequencer n -> RpcError.NOT_AVAILABLE_ON_VERIFIER.failure();
      case IngressResult.Invalid invalid -> invalid(invalid);
      case IngressResult.PoolRefused refused -> refused(refused);
    };
  }

  private static RpcResult.Failure invalid(IngressResult.Invalid invalid) {
    return switch (invalid.reason()) {
      case INTRINSIC_GAS_TOO_LOW -> withDetail(RpcError.INTRINSIC_GAS_TOO_LOW, invalid.detail());
      case CHAIN_ID_MISMATCH -> withDetail(RpcError.INVALID_CHAIN_ID, invalid.detail());
      case TYPE_NOT_SUPPORTED, DEPOSIT_NOT_ALLOWED ->
          RpcError.TRANSACTION_TYPE_NOT_SUPPORTED.failure();
      default -> {
        String description = invalid.reason().description();
        String message =
            invalid.detail().isEmpty() ? description : description + ": " + invalid.detail();
        yield new RpcResult.Failure(RpcError.INVALID_TRANSACTION, message, Optional.empty());
      }
    };
  }

  private static RpcResult.Failure refused(IngressResult.PoolRefused refused) {
    return switch (refused.reason()) {
      case NONCE_TOO_LOW -> withDetail(RpcError.NONCE_TOO_LOW, refused.detail());
      case ALREADY_KNOWN -> RpcError.ALREADY_KNOWN.failure();
      case REPLACEMENT_UNDERPRICED -> RpcError.REPLACEMENT_UNDERPRICED.failure();
      case INSUFFICIENT_FUNDS -> withDetail(RpcError.INSUFFICIENT_FUNDS, refused.detail());
      case FEE_CAP_TOO_LOW -> withDetail(RpcError.TRANSACTION_UNDERPRICED, refused.detail());
      case ACCOUNT_LIMIT -> RpcError.ACCOUNT_LIMIT_EXCEEDED.failure();
      case POOL_FULL -> RpcError.TXPOOL_FULL.failure();
    };
  }

  private static RpcResult.Failure withDetail(RpcError error, String detail) {
    return detail.isEmpty() ? error.failure() : error.failureWithDetail(detail);
  }
}
