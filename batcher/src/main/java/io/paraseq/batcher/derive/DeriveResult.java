package io.paraseq.batcher.derive;

import java.util.Objects;

/** A derived batch, or why there is none. Handle with an exhaustive {@code switch}. */
public sealed interface DeriveResult permits DeriveResult.Derived, DeriveResult.Rejected {

  /**
   * The batch.
   *
   * @param batch the derived batch
   */
  record Derived(DerivedBatch batch) implements DeriveResult {
    /** Requires the batch. */
    public Derived {
      Objects.requireNonNull(batch, "batch");
    }
  }

  /**
   * A rule broken.
   *
   * @param failure which, and where
   */
  record Rejected(DerivationFailure failure) implements DeriveResult {
    /** Requires the failure. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
