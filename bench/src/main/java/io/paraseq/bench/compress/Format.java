package io.paraseq.bench.compress;

import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchVersion;
import java.util.Locale;
import java.util.Objects;

/**
 * A measured format: a batch version and the address registry it is encoded against (format v2
 * refers to the addresses of earlier batches; v0 and v1 do not read it).
 *
 * @param label the name in the report: {@code v0}, {@code v1}, {@code v2 cold} (empty registry),
 *     {@code v2 steady} (the registry after earlier batches)
 * @param version the batch version
 * @param registry the registry before the measured batch (read, never changed)
 */
record Format(String label, BatchVersion version, AddressRegistry registry) {

  Format {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(registry, "registry");
  }

  /** {@code version} against an empty registry (the first batch of a chain). */
  static Format cold(BatchVersion version) {
    String name = version.name().toLowerCase(Locale.ROOT);
    return new Format(
        version == BatchVersion.V2 ? name + " cold" : name, version, AddressRegistry.empty());
  }

  /** v2 against {@code registry}, the registry that earlier batches built. */
  static Format steady(AddressRegistry registry) {
    return new Format("v2 steady", BatchVersion.V2, registry);
  }
}
