package io.paraseq.protocol.state;

/**
 * Progress of {@link WorldState#fromFlat}, so the node can log the rebuild of a large state. Called
 * on the thread running the rebuild, about a hundred times per stage at most, never per account;
 * implementations should return quickly.
 */
@FunctionalInterface
public interface RebuildProgress {

  /** The stages of a rebuild, in order. */
  enum Stage {
    /** Building the storage trie of each account; counted in accounts. */
    STORAGE_TRIES,
    /** Building the account trie; counted in accounts (reported at start and end). */
    ACCOUNT_TRIE
  }

  /**
   * {@code done} of {@code total} units of {@code stage} are finished.
   *
   * @param stage the current stage
   * @param done units finished, in [0, total]
   * @param total units in the stage
   */
  void progress(Stage stage, long done, long total);

  /** Reports nothing. */
  static RebuildProgress none() {
    return (stage, done, total) -> {};
  }
}
