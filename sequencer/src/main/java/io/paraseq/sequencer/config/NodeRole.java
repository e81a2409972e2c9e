package io.paraseq.sequencer.config;

/** What a node does ({@code paraseq.role}, {@code PARASEQ_ROLE}, {@code --role}). */
public enum NodeRole {
  /**
   * Takes transactions, produces blocks and (with {@code paraseq.batcher.enabled}) posts them to
   * L1.
   */
  SEQUENCER,
  /**
   * Takes no transactions and produces nothing: re-executes the batches on L1 into its own schema,
   * checks each posted state root, and serves the read-only API for its view.
   */
  VERIFIER
}
