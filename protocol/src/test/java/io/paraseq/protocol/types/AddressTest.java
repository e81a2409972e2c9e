package io.paraseq.protocol.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  // The examples given in EIP-55.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void printsAndAcceptsTheEip55Checksum(String checksummed) {
    Address address = Address.fromHex(checksummed);
    assertThat(address).hasToString(checksummed);
    String digits = checksummed.substring(2);
    assertThat(Address.fromHex("0x" + digits.toLowerCase(Locale.ROOT))).isEqualTo(address);
    assertThat(Address.fromHex("0x" + digits.toUpperCase(Locale.ROOT))).isEqualTo(address);
    assertThat(address.toLowerHex()).isEqualTo("0x" + digits.toLowerCase(Locale.ROOT));
  }

  @Test
  void rejectsAWrongMixedCaseChecksum() {
    assertThatThrownBy(() -> Address.fromHex("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EIP-55")
        .hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  }

  @Test
  void requiresExactly20Bytes() {
    assertThatThrownBy(() -> Address.fromHex("0x00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes, got 1");
    assertThat(Address.ZERO.bytes().length()).isEqualTo(Address.LENGTH);
  }
}
