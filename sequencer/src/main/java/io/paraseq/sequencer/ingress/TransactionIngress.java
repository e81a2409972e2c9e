package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Bytes;
import java.util.concurrent.CompletableFuture;

/** Where adapters (JSON-RPC, REST) hand raw transactions; {@link IngressService} in the node. */
@FunctionalInterface
public interface TransactionIngress {

  /**
   * Submits a raw transaction; the future completes once it is decided — for an accepted one only
   * after its pool table row is committed — or exceptionally with {@link
   * IngressUnavailableException} when the node could not decide (then nothing was stored).
   */
  CompletableFuture<IngressResult> submit(Bytes raw);
}
