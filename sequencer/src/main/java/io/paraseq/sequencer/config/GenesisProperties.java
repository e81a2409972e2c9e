package io.paraseq.sequencer.config;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Block 0's timestamp, which is part of its hash (and so of every later block's). A sequencer
 * leaves it unset: its genesis gets the clock's time when its schema is first initialised. A
 * verifier must be given the sequencer's ({@code eth_getBlockByNumber("0x0")}'s timestamp) to
 * derive blocks with the sequencer's hashes; the state roots do not depend on it.
 *
 * @param timestamp seconds since the Unix epoch ({@code PARASEQ_GENESIS_TIMESTAMP}; unset = the
 *     clock at initialisation)
 */
@ConfigurationProperties("paraseq.genesis")
public record GenesisProperties(Long timestamp) {

  /** Checks the range. */
  public GenesisProperties {
    if (timestamp != null && timestamp < 0) {
      throw new IllegalArgumentException(
          "paraseq.genesis.timestamp must be >= 0, got " + timestamp);
    }
  }

  /** The configured timestamp, if any. */
  public Optional<Long> configured() {
    return Optional.ofNullable(timestamp);
  }
}
