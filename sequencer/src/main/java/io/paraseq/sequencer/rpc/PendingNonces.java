package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import java.util.concurrent.CompletableFuture;

/**
 * The pool's next nonce for a sender ({@code eth_getTransactionCount} at {@code pending}): in the
 * node, {@code TxPool.pendingNonce} run on the pool writer thread.
 */
@FunctionalInterface
interface PendingNonces {

  /**
   * The nonce after the sender's pending transactions, never below {@code accountNonce}.
   *
   * @param accountNonce the sender's nonce in the head's state, unsigned 64-bit
   */
  CompletableFuture<Long> next(Address sender, long accountNonce);
}
