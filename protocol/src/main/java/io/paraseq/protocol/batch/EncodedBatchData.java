package io.paraseq.protocol.batch;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Posted batch data and the addresses the batch appends to the {@link AddressRegistry} once it is
 * accepted.
 *
 * @param data the posted data (version and codec bytes, then the compressed payload)
 * @param registryAppends the addresses to append, in order (empty for v0)
 */
public record EncodedBatchData(Bytes data, List<Address> registryAppends) {

  /** Requires the data and copies the list. */
  public EncodedBatchData {
    Objects.requireNonNull(data, "data");
    registryAppends = List.copyOf(registryAppends);
  }
}
