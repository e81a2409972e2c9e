package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.types.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
   * A raw transaction of a group and the future its decision completes.
   *
   * @param raw the signed transaction's bytes
   * @param result completed as {@link #submit}'s future would be
   */
  record RawSubmission(Bytes raw, CompletableFuture<IngressResult> result) {
    public RawSubmission {
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * Submits several raw transactions at once (the calls of one JSON-RPC batch): each is decided as
   * by {@link #submit} and its {@link RawSubmission#result()} completed the same way, so an
   * implementation may hand them over together (fewer hand-offs between threads). This default
   * submits them one by one. Never blocks.
   */
  default void submitAll(List<RawSubmission> submissions) {
    for (RawSubmission s : submissions) {
      CompletableFuture<IngressResult> decided;
      try {
        decided = submit(s.raw());
      } catch (RuntimeException e) {
        s.result().completeExceptionally(e);
        continue;
      }
      decided.whenComplete(
          (result, failure) -> {
            if (failure != null) {
              s.result().completeExceptionally(failure);
            } else {
              s.result().complete(result);
            }
          });
    }
  }

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
