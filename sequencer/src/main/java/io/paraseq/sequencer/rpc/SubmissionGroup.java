package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The ingress submissions of one JSON-RPC batch, handed to ingress together ({@link
 * TransactionIngress#submitAll}) once every call of the batch has started: a batch of 100 {@code
 * eth_sendRawTransaction} calls becomes one hand-off instead of 100.
 *
 * <p><b>Threads.</b> Owned by the HTTP worker running the batch: {@link #submit} and {@link #flush}
 * are called on it only. The futures complete on whichever thread ingress decides on.
 */
final class SubmissionGroup {

  private final List<TransactionIngress.RawSubmission> submissions = new ArrayList<>();
  private TransactionIngress ingress;
  private boolean flushed;

  /**
   * Adds {@code raw} for {@code ingress}; its future completes once ingress has decided, after
   * {@link #flush}. A second ingress in one group (none in the node) is submitted to directly.
   */
  CompletableFuture<IngressResult> submit(TransactionIngress ingress, Bytes raw) {
    Objects.requireNonNull(ingress, "ingress");
    Objects.requireNonNull(raw, "raw");
    if (flushed || (this.ingress != null && this.ingress != ingress)) {
      return ingress.submit(raw);
    }
    this.ingress = ingress;
    CompletableFuture<IngressResult> result = new CompletableFuture<>();
    submissions.add(new TransactionIngress.RawSubmission(raw, result));
    return result;
  }

  /**
   * Hands every submission to ingress; later {@link #submit}s go straight to ingress. A fault of
   * ingress fails the submissions it did not take (their calls answer -32603: not acknowledged).
   */
  void flush() {
    flushed = true;
    if (submissions.isEmpty()) {
      return;
    }
    try {
      ingress.submitAll(List.copyOf(submissions));
    } catch (RuntimeException e) {
      for (TransactionIngress.RawSubmission s : submissions) {
        s.result().completeExceptionally(e);
      }
    }
    submissions.clear();
  }
}
