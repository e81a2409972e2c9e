package io.paraseq.protocol.batch;

import java.util.Optional;

/** The batch formats, named by the first byte of the posted data (docs/batch-format.md). */
public enum BatchVersion {
  /** {@code 0x00}: the compressed RLP list of blocks with their raw transactions (DESIGN §3). */
  V0(0x00),
  /**
   * {@code 0x01}: columnar; fields grouped, nonces implied per sender, chain id and legacy {@code
   * v} implied, repeated addresses and fees referenced through tables.
   */
  V1(0x01),
  /**
   * {@code 0x02}: v1 whose address table starts with references to the {@link AddressRegistry} (the
   * addresses of earlier batches) and whose inline addresses are all new.
   */
  V2(0x02);

  private final int id;

  BatchVersion(int id) {
    this.id = id;
  }

  /** The version byte. */
  public int id() {
    return id;
  }

  /** The version with byte {@code id}, if there is one. */
  public static Optional<BatchVersion> ofId(int id) {
    for (BatchVersion version : values()) {
      if (version.id == id) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}
