package io.paraseq.sequencer.verifier;

import io.paraseq.batcher.derive.DerivationFailure;
import io.paraseq.batcher.derive.Verifier;
import io.paraseq.batcher.derive.VerifierCursor;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code verifier} health component: DOWN once a batch did not verify (with the seq, the first
 * differing block, the reason and, for a state root mismatch, where the comparison with the
 * reference node put it); UP otherwise, with how far it verified.
 */
final class VerifierHealthIndicator implements HealthIndicator {

  private final Verifier verifier;

  VerifierHealthIndicator(Verifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public Health health() {
    VerifierCursor cursor = verifier.cursor();
    Optional<DerivationFailure> mismatch = verifier.mismatch();
    Health.Builder health = mismatch.isPresent() ? Health.down() : Health.up();
    health
        .withDetail("nextSeq", cursor.nextSeq())
        .withDetail("verifiedBlock", cursor.lastBlock())
        .withDetail("nextL1Block", cursor.nextL1Block());
    mismatch.ifPresent(
        m -> {
          health.withDetail("mismatchSeq", m.seq()).withDetail("reason", m.reason().name());
          m.firstDifferingBlock()
              .ifPresent(block -> health.withDetail("firstDifferingBlock", block));
          m.location().ifPresent(l -> health.withDetail("rootMismatch", l.describe()));
          health.withDetail("detail", m.detail());
        });
    return health.build();
  }
}
