package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Bytes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Where adapters (JSON-RPC, REST) hand raw transactions; {@link IngressService} in the node. */
@FunctionalInterface
public interface TransactionIngress {

  /** How long an HTTP worker waits for ingress to decide, the group commit included. */
  Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  /**
   * Submits a raw transaction; the future completes once it is decided — for an accepted one only
   * after its pool table row is committed — or exceptionally with {@link
   * IngressUnavailableException} when the node could not decide (then nothing was stored).
   */
  CompletableFuture<IngressResult> submit(Bytes raw);

  /**
   * Submits a raw transaction and waits for the decision, for callers on an HTTP worker thread.
   *
   * @throws IngressUnavailableException when the node could not decide (nothing was stored)
   * @throws IllegalStateException when no decision came within {@code timeout} or the wait was
   *     interrupted: the outcome is unknown to the caller
   */
  default IngressResult submitAndWait(Bytes raw, Duration timeout) {
    try {
      return submit(raw).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ingress", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IngressUnavailableException unavailable) {
        throw unavailable;
      }
      throw new IllegalStateException("ingress failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("ingress did not answer within " + timeout, e);
    }
  }
}
