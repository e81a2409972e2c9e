package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.Keccak256;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The Yellow Paper bloom: known bits, membership, OR. */
class LogsBloomTest {

  private static final Hash TRANSFER_TOPIC =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  @Test
  void theErc20TransferTopicSetsTheBitsGethSets() {
    // Expected bytes from Horizen's Sidechains-SDK BloomTest ("should match geth implementation"):
    // adding the Transfer(address,address,uint256) topic sets byte 75 = 0x08, byte 123 = 0x10 and
    // byte 195 = 0x02 of the 256-byte bloom, and nothing else.
    byte[] expected = new byte[LogsBloom.LENGTH];
    expected[75] = 0x08;
    expected[123] = 0x10;
    expected[195] = 0x02;
    assertThat(LogsBloom.builder().add(TRANSFER_TOPIC).build().bytes())
        .isEqualTo(Bytes.of(expected));
  }

  @Test
  void bitsFollowTheYellowPaperDefinition() {
    Address address = Address.fromHex("0x100000000000000000000000000000000000000a");
    byte[] hash = Keccak256.hash(address.bytes().toArray());
    byte[] expected = new byte[LogsBloom.LENGTH];
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0xff) << 8 | (hash[i + 1] & 0xff)) % 2048;
      expected[LogsBloom.LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
    assertThat(LogsBloom.builder().add(address).build().bytes()).isEqualTo(Bytes.of(expected));
  }

  @Test
  void theEmptyBloomContainsNothingAndHasNoBits() {
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(LogsBloom.EMPTY.mightContain(TRANSFER_TOPIC)).isFalse();
    assertThat(LogsBloom.EMPTY.mightContain(Address.ZERO)).isFalse();
  }

  @Test
  void dataIsNotPartOfTheBloom() {
    Log withData = Log.of(Address.ZERO, Bytes.fromHex("0x1234"), TRANSFER_TOPIC);
    Log without = Log.of(Address.ZERO, Bytes.EMPTY, TRANSFER_TOPIC);
    assertThat(LogsBloom.of(List.of(withData))).isEqualTo(LogsBloom.of(List.of(without)));
  }

  @Property(tries = 300)
  void theBloomMightContainEveryAddedAddressAndTopic(@ForAll("logs") List<Log> logs) {
    LogsBloom bloom = LogsBloom.of(logs);
    for (Log log : logs) {
      assertThat(bloom.mightContain(log.address())).isTrue();
      for (Hash topic : log.topics()) {
        assertThat(bloom.mightContain(topic)).isTrue();
      }
      assertThat(bloom.containsAll(LogsBloom.of(List.of(log)))).isTrue();
    }
  }

  @Property(tries = 300)
  void isBloomOfAgreesWithBuildingTheBloom(
      @ForAll("logs") List<Log> logs, @ForAll("logs") List<Log> others) {
    assertThat(LogsBloom.of(logs).isBloomOf(logs)).isTrue();
    assertThat(LogsBloom.of(others).isBloomOf(logs))
        .isEqualTo(LogsBloom.of(others).equals(LogsBloom.of(logs)));
    assertThat(LogsBloom.EMPTY.isBloomOf(logs)).isEqualTo(logs.isEmpty());
  }

  @Property(tries = 300)
  void orIsTheBloomOfTheConcatenation(
      @ForAll("logs") List<Log> first, @ForAll("logs") List<Log> second) {
    List<Log> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    LogsBloom union = LogsBloom.of(first).or(LogsBloom.of(second));
    assertThat(union).isEqualTo(LogsBloom.of(all));
    assertThat(union.containsAll(LogsBloom.of(first))).isTrue();
    assertThat(union.containsAll(LogsBloom.of(second))).isTrue();
  }

  @Provide
  Arbitrary<List<Log>> logs() {
    return BlockArbitraries.logs().list().ofMaxSize(6);
  }
}
