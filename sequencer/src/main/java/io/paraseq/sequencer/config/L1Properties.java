package io.paraseq.sequencer.config;

import io.paraseq.protocol.types.Address;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L1 node and the rollup's contracts on it.
 *
 * @param rpcUrl HTTP JSON-RPC endpoint of the L1 node ({@code PARASEQ_L1_RPC_URL}, default {@code
 *     http://127.0.0.1:8546})
 * @param chainId the chain id the L1 must report, or 0 to accept any ({@code PARASEQ_L1_CHAIN_ID},
 *     default 0)
 * @param rollupAddress address of the deployed {@code Rollup} contract, empty when not deployed yet
 *     ({@code PARASEQ_L1_ROLLUP_ADDRESS})
 * @param requestTimeout timeout of one L1 request ({@code PARASEQ_L1_REQUEST_TIMEOUT}, default 5s)
 */
@ConfigurationProperties("paraseq.l1")
@Validated
public record L1Properties(
    @DefaultValue("http://127.0.0.1:8546") @NotNull URI rpcUrl,
    @DefaultValue("0") @PositiveOrZero long chainId,
    @DefaultValue("")
        @Pattern(
            regexp = "|0x[0-9a-fA-F]{40}",
            message = "must be empty or a 0x-prefixed 20-byte hex address")
        String rollupAddress,
    @DefaultValue("5s") @NotNull Duration requestTimeout) {

  /** Checks what annotations cannot: the URL scheme and a positive timeout. */
  public L1Properties {
    if (rpcUrl != null
        && !"http".equalsIgnoreCase(rpcUrl.getScheme())
        && !"https".equalsIgnoreCase(rpcUrl.getScheme())) {
      throw new IllegalArgumentException(
          "paraseq.l1.rpc-url must be an http(s) URL, got '" + rpcUrl + "'");
    }
    if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
      throw new IllegalArgumentException(
          "paraseq.l1.request-timeout must be positive, got " + requestTimeout);
    }
  }

  /** The chain id to insist on, if one is configured. */
  public Optional<Long> expectedChainId() {
    return chainId == 0 ? Optional.empty() : Optional.of(chainId);
  }

  /** The Rollup contract's address, if configured. */
  public Optional<String> rollup() {
    return rollupAddress == null || rollupAddress.isEmpty()
        ? Optional.empty()
        : Optional.of(rollupAddress);
  }

  /**
   * The Rollup contract's address, which {@code what} needs.
   *
   * @param what who needs it, completing "… is required " (e.g. "in the verifier role")
   * @throws IllegalStateException naming the setting if it is not configured
   */
  public Address requiredRollup(String what) {
    return rollup()
        .map(Address::fromHex)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "paraseq.l1.rollup-address (PARASEQ_L1_ROLLUP_ADDRESS) is required " + what));
  }
}
