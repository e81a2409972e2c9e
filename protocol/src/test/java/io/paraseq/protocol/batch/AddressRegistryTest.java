package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AddressRegistryTest {

  static final Address A = address(1);
  static final Address B = address(2);
  static final Address C = address(3);

  @Test
  void entriesKeepTheirOrderOfAppend() {
    AddressRegistry registry = AddressRegistry.empty();
    registry.append(List.of(B, A));
    registry.append(List.of(C));

    assertThat(registry.size()).isEqualTo(3);
    assertThat(registry.get(0)).isEqualTo(B);
    assertThat(registry.get(2)).isEqualTo(C);
    assertThat(registry.indexOf(A)).isEqualTo(OptionalInt.of(1));
    assertThat(registry.indexOf(address(9))).isEmpty();
    assertThat(registry.entriesFrom(1)).containsExactly(A, C);
    assertThat(AddressRegistry.of(List.of(B, A, C)).entriesFrom(0)).containsExactly(B, A, C);
  }

  @Test
  void anAppendWithARegisteredOrRepeatedAddressChangesNothing() {
    AddressRegistry registry = AddressRegistry.of(List.of(A));

    assertThatThrownBy(() -> registry.append(List.of(B, A)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.append(List.of(C, C)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AddressRegistry.of(List.of(A, B, A)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.size()).isEqualTo(1);
    assertThat(registry.contains(B)).isFalse();
  }

  @Test
  void unregisteredKeepsNewAddressesOnceInOrder() {
    AddressRegistry registry = AddressRegistry.of(List.of(A));

    assertThat(registry.unregistered(List.of(C, A, B, C))).containsExactly(C, B);
  }

  @Test
  void aCopyIsIndependent() {
    AddressRegistry registry = AddressRegistry.of(List.of(A));
    AddressRegistry copy = registry.copy();
    copy.append(List.of(B));

    assertThat(registry.size()).isEqualTo(1);
    assertThat(copy.indexOf(B)).isEqualTo(OptionalInt.of(1));
  }

  static Address address(int seed) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) seed;
    bytes[19] = (byte) (seed * 7);
    return Address.of(Bytes.of(bytes));
  }
}
