package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Bytes;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link TransactionIngress} of a verifier: refuses every transaction at once with {@link
 * IngressResult.NotSequencer}, which {@code eth_sendRawTransaction} and {@code POST
 * /v1/transactions} answer as "method not available on a verifier". Stateless.
 */
public final class VerifierIngress implements TransactionIngress {

  @Override
  public CompletableFuture<IngressResult> submit(Bytes raw) {
    return CompletableFuture.completedFuture(new IngressResult.NotSequencer());
  }
}
