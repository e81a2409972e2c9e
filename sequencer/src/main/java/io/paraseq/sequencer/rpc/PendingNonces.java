package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import java.util.Optional;

/**
 * The pool's next nonce for a sender ({@code eth_getTransactionCount} at {@code pending}): in the
 * node, {@code IngressService.pendingNonce}.
 */
@FunctionalInterface
interface PendingNonces {

  /**
   * The nonce after the sender's pending transactions, never below {@code accountNonce}; empty when
   * the pool does not answer in time.
   *
   * @param accountNonce the sender's nonce in the head's state, unsigned 64-bit
   */
  Optional<Long> next(Address sender, long accountNonce);
}
