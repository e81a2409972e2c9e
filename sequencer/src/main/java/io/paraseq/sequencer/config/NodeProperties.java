package io.paraseq.sequencer.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node's role.
 *
 * @param role {@code sequencer} or {@code verifier} ({@code PARASEQ_ROLE}, or the argument {@code
 *     --role verifier}; default {@code sequencer})
 */
@ConfigurationProperties("paraseq")
@Validated
public record NodeProperties(@DefaultValue("sequencer") @NotNull NodeRole role) {

  /** The property that selects the role. */
  public static final String ROLE_PROPERTY = "paraseq.role";

  /** Whether this node is a verifier. */
  public boolean verifier() {
    return role == NodeRole.VERIFIER;
  }
}
