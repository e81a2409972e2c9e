package io.paraseq.protocol.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SlotsTest {

  /** solc: balances[0x…01] of a mapping at slot 0, keccak256(pad32(key) ‖ pad32(0)). */
  @Test
  void aMappingSlotIsTheKeccakOfThePaddedKeyAndTheBase() {
    Address one = Address.fromHex("0x0000000000000000000000000000000000000001");
    assertThat(Slots.mapping(Slots.of(0), one))
        .isEqualTo(
            Hash.fromHex("0xada5013122d395ba3c54772283fb069b10426056ef8ca54750cb9bb552a59e7d"));
  }

  @Property(tries = 200)
  void mappingHashesTheKeyThenTheBase(
      @ForAll @Size(20) byte[] key, @ForAll @Size(32) byte[] base, @ForAll @Size(32) byte[] word) {
    Hash slot = Hash.of(Bytes.of(base));
    byte[] padded = new byte[32];
    System.arraycopy(key, 0, padded, 12, 20);
    assertThat(Slots.mapping(slot, Address.of(Bytes.of(key))))
        .isEqualTo(Hash.keccak(Bytes.of(padded).concat(Bytes.of(base))));
    assertThat(Slots.mapping(slot, Hash.of(Bytes.of(word))))
        .isEqualTo(Hash.keccak(Bytes.of(word).concat(Bytes.of(base))));
  }
}
