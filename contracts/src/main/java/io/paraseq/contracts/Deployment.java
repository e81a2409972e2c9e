package io.paraseq.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a {@code Rollup} contract was deployed: the L1 chain id, the contract address (lower-case
 * 0x-prefixed hex) and the L1 block of the deployment transaction.
 *
 * <p>{@link #toJson()} is the deployment file format: {@code
 * {"l1ChainId":31337,"rollup":"0x…","deployBlock":1}}.
 *
 * @param l1ChainId the chain id reported by the L1 node, positive
 * @param rollup the contract address
 * @param deployBlock the L1 block number that includes the deployment, not negative
 */
public record Deployment(long l1ChainId, String rollup, long deployBlock) {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

  /** Validates the fields and normalizes the address to lower case. */
  public Deployment {
    if (l1ChainId <= 0) {
      throw new IllegalArgumentException("l1ChainId must be positive: " + l1ChainId);
    }
    if (deployBlock < 0) {
      throw new IllegalArgumentException("deployBlock must not be negative: " + deployBlock);
    }
    rollup = rollup == null ? null : rollup.toLowerCase(Locale.ROOT);
    if (rollup == null || !ADDRESS.matcher(rollup).matches()) {
      throw new IllegalArgumentException("rollup must be a 0x-prefixed 20-byte address: " + rollup);
    }
  }

  /** The deployment as one line of JSON, the format of the deployment file. */
  public String toJson() {
    return "{\"l1ChainId\":"
        + l1ChainId
        + ",\"rollup\":\""
        + rollup
        + "\",\"deployBlock\":"
        + deployBlock
        + "}";
  }
}
