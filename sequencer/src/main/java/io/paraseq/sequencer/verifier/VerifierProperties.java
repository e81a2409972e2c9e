package io.paraseq.sequencer.verifier;

import io.paraseq.batcher.derive.VerifierConfig;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.batcher.BatcherProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The verifier ({@code paraseq.verifier.*}; sequencer/README.md "Verifier" lists every setting).
 * The role itself is {@code paraseq.role}; the contract is {@code paraseq.l1.rollup-address}.
 *
 * @param startL1Block the first L1 block to read on an empty schema: the Rollup's deployment block
 *     or earlier ({@code PARASEQ_VERIFIER_START_L1_BLOCK}, 0)
 * @param confirmationDepth L1 blocks are read once this deep ({@code
 *     PARASEQ_VERIFIER_CONFIRMATION_DEPTH}, 3)
 * @param maxLogRange the most L1 blocks one {@code eth_getLogs} spans ({@code
 *     PARASEQ_VERIFIER_MAX_LOG_RANGE}, 1000)
 * @param pollInterval time between two rounds ({@code PARASEQ_VERIFIER_POLL_INTERVAL}, 1s)
 * @param embedded in the sequencer role: also run a verifier in this process, in a second
 *     application context with its own schema and port ({@code PARASEQ_VERIFIER_EMBEDDED}, false)
 * @param embeddedPort the embedded verifier's HTTP port ({@code PARASEQ_VERIFIER_EMBEDDED_PORT},
 *     8547; 0 = any free port)
 * @param embeddedSchema the embedded verifier's schema ({@code PARASEQ_VERIFIER_EMBEDDED_SCHEMA};
 *     empty = the node's schema + {@code _verifier})
 * @param l1 retries and circuit breaker of the verifier's L1 calls ({@code paraseq.verifier.l1.*},
 *     the same settings and defaults as {@code paraseq.batcher.l1.*})
 * @param referenceRpc a reference node's JSON-RPC URL, e.g. the sequencer's ({@code
 *     PARASEQ_VERIFIER_REFERENCE_RPC}; empty = none): after a state root mismatch the verifier
 *     compares its root after each block of the batch with the reference's to name the first
 *     differing block. Diagnostic only, never trusted for verification
 * @param referenceTimeout the timeout of one request to the reference ({@code
 *     PARASEQ_VERIFIER_REFERENCE_TIMEOUT}, 5s)
 */
@ConfigurationProperties("paraseq.verifier")
@Validated
public record VerifierProperties(
    @DefaultValue("0") @Min(0) long startL1Block,
    @DefaultValue("3") @Min(1) @Max(1000) int confirmationDepth,
    @DefaultValue("1000") @Min(1) long maxLogRange,
    @DefaultValue("1s") @NotNull Duration pollInterval,
    @DefaultValue("false") boolean embedded,
    @DefaultValue("8547") @Min(0) @Max(65535) int embeddedPort,
    @DefaultValue("")
        @Pattern(
            regexp = "|[a-z_][a-z0-9_]{0,62}",
            message = "must be empty or a lower-case PostgreSQL identifier")
        String embeddedSchema,
    @DefaultValue @Valid @NotNull BatcherProperties.Resilience l1,
    @DefaultValue("") String referenceRpc,
    @DefaultValue("5s") @NotNull Duration referenceTimeout) {

  /** Checks what annotations cannot: the reference's URL scheme and a positive timeout. */
  public VerifierProperties {
    reference(referenceRpc);
    if (referenceTimeout != null && (referenceTimeout.isNegative() || referenceTimeout.isZero())) {
      throw new IllegalArgumentException(
          "paraseq.verifier.reference-timeout must be positive, got " + referenceTimeout);
    }
  }

  /** The reference node's URL, if one is set. */
  public Optional<URI> reference() {
    return reference(referenceRpc);
  }

  private static Optional<URI> reference(String referenceRpc) {
    if (referenceRpc == null || referenceRpc.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(referenceRpc.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "paraseq.verifier.reference-rpc is not a URL: '" + referenceRpc + "'", e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          "paraseq.verifier.reference-rpc must be an http(s) URL, got '" + referenceRpc + "'");
    }
    return Optional.of(uri);
  }

  /** The derivation's settings for {@code rollup} on chain {@code chainId}. */
  public VerifierConfig toConfig(Address rollup, ChainId chainId) {
    return new VerifierConfig(
        rollup, chainId, startL1Block, confirmationDepth, maxLogRange, pollInterval);
  }

  /** The embedded verifier's schema, next to the node's {@code schema}. */
  public String embeddedSchemaNextTo(String schema) {
    return embeddedSchema == null || embeddedSchema.isEmpty()
        ? schema + "_verifier"
        : embeddedSchema;
  }
}
