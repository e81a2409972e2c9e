package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** EIP-1559 arithmetic, the floor, and the properties of the update rule. */
class BaseFeeRulesTest {

  private static final BaseFeeRules ETH = BaseFeeRules.ETHEREUM;
  private static final Wei INITIAL = Wei.of(1_000_000_000);

  @Test
  void gethCalcBaseFeeVectors() {
    // go-ethereum consensus/misc/eip1559 TestCalcBaseFee: InitialBaseFee, limit 20M
    assertThat(ETH.next(10_000_000, 20_000_000, INITIAL)).isEqualTo(INITIAL);
    assertThat(ETH.next(9_000_000, 20_000_000, INITIAL)).isEqualTo(Wei.of(987_500_000));
    assertThat(ETH.next(11_000_000, 20_000_000, INITIAL)).isEqualTo(Wei.of(1_012_500_000));
  }

  @Test
  void theCancunFixtureBlock1BaseFeeFollowsFromGenesis() {
    // ethereum/tests blockWithAllTransactionTypes_Cancun: genesis base fee 0x0384, gas used 0 of
    // 0x016345785d8a0000; block 1 has base fee 0x0314
    assertThat(ETH.next(0, 0x016345785d8a0000L, Wei.of(0x0384))).isEqualTo(Wei.of(0x0314));
  }

  @Test
  void fullAndEmptyBlocksMoveTheFeeByOneEighth() {
    assertThat(ETH.next(30_000_000, 30_000_000, INITIAL)).isEqualTo(Wei.of(1_125_000_000));
    assertThat(ETH.next(0, 30_000_000, INITIAL)).isEqualTo(Wei.of(875_000_000));
  }

  @Test
  void anyUseAboveTargetRaisesTheFeeByAtLeastOne() {
    assertThat(ETH.next(15_000_001, 30_000_000, Wei.of(7))).isEqualTo(Wei.of(8));
    assertThat(ETH.next(30_000_000, 30_000_000, Wei.ZERO)).isEqualTo(Wei.of(1));
  }

  @Test
  void theFloorHoldsTheFeeUp() {
    BaseFeeRules rules = BaseFeeRules.withFloor(Wei.of(100));
    assertThat(rules.next(0, 30_000_000, Wei.of(100))).isEqualTo(Wei.of(100));
    assertThat(rules.next(0, 30_000_000, Wei.of(1_000))).isEqualTo(Wei.of(875));
    assertThat(rules.next(15_000_000, 30_000_000, Wei.of(5))).isEqualTo(Wei.of(100));
  }

  @Test
  void theFeeIsCappedAtTheLargestAmount() {
    assertThat(ETH.next(30_000_000, 30_000_000, Wei.MAX)).isEqualTo(Wei.MAX);
  }

  @Test
  void impossibleParentsAndParametersAreRejected() {
    assertThatThrownBy(() -> ETH.next(2, 1, INITIAL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ETH.next(0, 1, INITIAL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BaseFeeRules(Wei.ZERO, 0, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BaseFeeRules(Wei.ZERO, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gasValuesAreUnsigned64Bit() {
    long max = -1L; // 2^64-1
    assertThat(ETH.next(max, max, INITIAL)).isEqualTo(Wei.of(1_125_000_000));
  }

  @Property
  void neverBelowTheFloor(
      @ForAll("fees") Wei floor,
      @ForAll("fees") Wei parent,
      @ForAll @LongRange(min = 2, max = 60_000_000) long limit,
      @ForAll @LongRange(min = 0, max = 60_000_000) long used) {
    BaseFeeRules rules = BaseFeeRules.withFloor(floor);
    assertThat(rules.next(Math.min(used, limit), limit, parent)).isGreaterThanOrEqualTo(floor);
  }

  @Property
  void increasesIffGasUsedIsAboveTarget(
      @ForAll("fees") Wei floor,
      @ForAll("fees") Wei extra,
      @ForAll @LongRange(min = 2, max = 60_000_000) long limit,
      @ForAll @LongRange(min = 0, max = 60_000_000) long used) {
    Wei parent = Wei.of(floor.value().add(extra.value()));
    long gasUsed = Math.min(used, limit);
    Wei next = BaseFeeRules.withFloor(floor).next(gasUsed, limit, parent);
    assertThat(next.compareTo(parent) > 0).isEqualTo(gasUsed > limit / 2);
  }

  @Property
  void changesByAtMostOneEighthOnEvenLimits(
      @ForAll("fees") Wei parent,
      @ForAll @LongRange(min = 1, max = 30_000_000) long halfLimit,
      @ForAll @LongRange(min = 0, max = 60_000_000) long used) {
    long limit = 2 * halfLimit;
    Wei next = ETH.next(Math.min(used, limit), limit, parent);
    BigInteger change = next.value().subtract(parent.value()).abs();
    BigInteger bound = parent.value().divide(BigInteger.valueOf(8)).max(BigInteger.ONE);
    assertThat(change).isLessThanOrEqualTo(bound);
  }

  @Provide
  Arbitrary<Wei> fees() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_000).map(Wei::of),
        Arbitraries.longs().between(0, 1_000_000_000_000_000L).map(Wei::of));
  }
}
