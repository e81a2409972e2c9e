package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code eth_sendRawTransaction}: submits the signed transaction (argument 0, data) to ingress and
 * answers its hash only after the pool table row is committed. Refusals carry geth's texts and
 * codes; an ingress fault (the pool table write failed, shutdown, no answer within the timeout) is
 * an internal error: the transaction was not acknowledged.
 */
final class EthSendRawTransaction implements RpcMethod {

  /** How long an HTTP worker waits for the group commit. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final TransactionIngress ingress;
  private final Duration timeout;

  EthSendRawTransaction(TransactionIngress ingress, Duration timeout) {
    this.ingress = Objects.requireNonNull(ingress, "ingress");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_SEND_RAW_TRANSACTION;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(1);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    return request.params().data(0).then(raw -> answer(await(raw)));
  }

  private IngressResult await(Bytes raw) {
    try {
      return ingress.submit(raw).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ingress", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("ingress failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("ingress did not answer within " + timeout, e);
    }
  }

  static RpcResult answer(IngressResult result) {
    return switch (result) {
      case IngressResult.Accepted accepted ->
          RpcResult.success(HexCodec.data(accepted.hash().bytes()));
      case IngressResult.Oversized o ->
          RpcError.OVERSIZED_DATA.failureWithDetail(
              "transaction size " + o.size() + ", limit " + o.limit());
      case IngressResult.ExceedsGasLimit e -> RpcError.EXCEEDS_BLOCK_GAS_LIMIT.failure();
      case IngressResult.Busy b -> RpcError.INGRESS_BUSY.failure();
      case IngressResult.Invalid invalid -> invalid(invalid);
      case IngressResult.PoolRefused refused -> refused(refused);
    };
  }

  private static RpcResult invalid(IngressResult.Invalid invalid) {
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

  private static RpcResult refused(IngressResult.PoolRefused refused) {
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

  private static RpcResult withDetail(RpcError error, String detail) {
    return detail.isEmpty() ? error.failure() : error.failureWithDetail(detail);
  }
}
