package io.paraseq.batcher.l1;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.tx.Wei;
import org.junit.jupiter.api.Test;

class FeePolicyTest {

  static final Wei GWEI = Wei.of(1_000_000_000L);
  final FeePolicy policy = new FeePolicy(L1TxConfig.DEFAULTS);

  @Test
  void aFirstAttemptPaysTwiceTheBaseFeePlusTheTip() {
    Fees fees = use(policy.initial(gwei(10)));
    assertThat(fees.maxFeePerGas()).isEqualTo(gwei(21));
    assertThat(fees.maxPriorityFeePerGas()).isEqualTo(GWEI);
  }

  @Test
  void aFirstAttemptIsCappedAndHeldWhenEvenBaseFeePlusTipExceedsTheCap() {
    Fees capped = use(policy.initial(gwei(400)));
    assertThat(capped.maxFeePerGas()).isEqualTo(gwei(500));

    FeeDecision held = policy.initial(gwei(500));
    assertThat(held).isEqualTo(new FeeDecision.Hold(gwei(501), gwei(500)));
  }

  @Test
  void aReplacementRaisesBothCapsByAtLeastTenPercent() {
    Fees previous = new Fees(gwei(21), GWEI);
    Fees bumped = use(policy.replacement(previous, gwei(1)));
    assertThat(previous.replaceableBy(bumped, 10)).isTrue();
    assertThat(bumped.maxFeePerGas()).isEqualTo(Wei.of(23_100_000_000L));
    assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(Wei.of(1_100_000_000L));
  }

  @Test
  void aReplacementFollowsARisenBaseFee() {
    Fees previous = new Fees(gwei(21), GWEI);
    Fees bumped = use(policy.replacement(previous, gwei(50)));
    assertThat(bumped.maxFeePerGas()).isEqualTo(gwei(101));
    assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(Wei.of(1_100_000_000L));
  }

  @Test
  void aReplacementStopsAtTheCapAndHoldsWhenTheCapCannotReplace() {
    Fees nearCap = new Fees(gwei(480), GWEI);
    FeeDecision decision = policy.replacement(nearCap, gwei(1));
    assertThat(decision).isInstanceOf(FeeDecision.Hold.class);

    Fees earlier = new Fees(gwei(100), GWEI);
    Fees capped = use(policy.replacement(earlier, gwei(300)));
    assertThat(capped.maxFeePerGas()).as("2 x 300 + 1 gwei, capped").isEqualTo(gwei(500));
    assertThat(earlier.replaceableBy(capped, 10)).isTrue();
  }

  @Test
  void bumpingRoundsUpAndAlwaysAddsAtLeastOneWei() {
    assertThat(Fees.bumped(Wei.of(7), 10)).isEqualTo(Wei.of(8));
    assertThat(Fees.bumped(Wei.of(1), 10)).isEqualTo(Wei.of(2));
    assertThat(Fees.bumped(Wei.ZERO, 10)).isEqualTo(Wei.of(1));
    assertThat(Fees.bumped(Wei.of(100), 10)).isEqualTo(Wei.of(110));
  }

  private static Fees use(FeeDecision decision) {
    assertThat(decision).isInstanceOf(FeeDecision.Use.class);
    return ((FeeDecision.Use) decision).fees();
  }

  private static Wei gwei(long n) {
    return Wei.of(GWEI.value().multiply(java.math.BigInteger.valueOf(n)));
  }
}
