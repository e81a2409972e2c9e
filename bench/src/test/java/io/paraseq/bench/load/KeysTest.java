package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void devKeysDeriveTheTenDevAddresses() {
    List<Account> devs = DevKeys.accounts();
    assertThat(devs).extracting(Account::address).isEqualTo(DevAccounts.ADDRESSES);
    // Account 0 as anvil prints it.
    assertThat(Bytes.of(devs.get(0).key().bytes()))
        .isEqualTo(
            Bytes.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
  }

  @Test
  void senderKeysAreDeterministicPerSeedAndDistinct() {
    List<Account> first = SenderKeys.derive(1, 50);
    assertThat(SenderKeys.derive(1, 50)).isEqualTo(first);
    assertThat(SenderKeys.derive(1, 10)).isEqualTo(first.subList(0, 10));
    assertThat(new HashSet<>(first.stream().map(Account::address).toList())).hasSize(50);
    assertThat(SenderKeys.derive(2, 50).get(0)).isNotEqualTo(first.get(0));
  }

  @Test
  void recipientsAreDeterministicPerSeedAndDistinct() {
    assertThat(Recipients.of(1, 7)).isEqualTo(Recipients.of(1, 7));
    assertThat(Recipients.of(1, 7)).isNotEqualTo(Recipients.of(1, 8));
    assertThat(Recipients.of(1, 7)).isNotEqualTo(Recipients.of(2, 7));
    HashSet<Address> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(Recipients.of(3, i))).isTrue();
    }
  }
}
