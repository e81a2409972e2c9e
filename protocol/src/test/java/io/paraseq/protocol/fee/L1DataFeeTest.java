package io.paraseq.protocol.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The L1 data fee rule, to the wei. */
class L1DataFeeTest {

  private static final long GWEI = 1_000_000_000L;

  @Test
  void theSizeEstimateIsTwoThirdsOfTheRawLengthWithAFloorOfSixtyFourBytes() {
    assertThat(L1DataFee.estimatedSizeMillis(0)).isEqualTo(64_000);
    assertThat(L1DataFee.estimatedSizeMillis(95)).isEqualTo(64_000); // 63,555 below the floor
    assertThat(L1DataFee.estimatedSizeMillis(96)).isEqualTo(64_224);
    // the calibration point: a transfer of 119.0 raw bytes posts 79.6 bytes (v1 + zstd-19)
    assertThat(L1DataFee.estimatedSizeMillis(119)).isEqualTo(79_611);
    assertThat(L1DataFee.estimatedSizeMillis(Integer.MAX_VALUE))
        .isEqualTo(669L * Integer.MAX_VALUE);
  }

  @Test
  void theFeeIsSizeTimesSixteenTimesTheL1BaseFeeTimesTheScalar() {
    // 79.611 bytes × 16 gas × 1 gwei × 1.0
    assertThat(L1DataFee.of(119, Wei.of(GWEI), L1DataFee.SCALAR_ONE))
        .isEqualTo(Wei.of(1_273_776_000_000L));
    // 64 bytes (the floor) × 16 × 30 gwei × 0.5
    assertThat(L1DataFee.of(50, Wei.of(30 * GWEI), 500_000))
        .isEqualTo(Wei.of(64L * 16 * 30 * GWEI / 2));
  }

  @Test
  void theFeeIsRoundedDown() {
    // 79.611 × 16 × 7 × 1.5 = 13,374.648 wei
    assertThat(L1DataFee.of(119, Wei.of(7), 1_500_000)).isEqualTo(Wei.of(13_374));
    // 64 × 16 × 1 × 10^-6 = 0.001024 wei
    assertThat(L1DataFee.of(0, Wei.of(1), 1)).isEqualTo(Wei.ZERO);
  }

  @Test
  void aZeroL1BaseFeeOrScalarChargesNothing() {
    assertThat(L1DataFee.of(5_000, Wei.ZERO, L1DataFee.MAX_SCALAR)).isEqualTo(Wei.ZERO);
    assertThat(L1DataFee.of(5_000, L1DataFee.MAX_L1_BASE_FEE, 0)).isEqualTo(Wei.ZERO);
  }

  @Test
  void theLargestParametersStayFarBelowTwoToThe256() {
    Wei fee = L1DataFee.of(1 << 20, L1DataFee.MAX_L1_BASE_FEE, L1DataFee.MAX_SCALAR);

    BigInteger expected =
        BigInteger.valueOf(669L << 20)
            .multiply(BigInteger.valueOf(16))
            .multiply(BigInteger.valueOf(Long.MAX_VALUE))
            .multiply(BigInteger.valueOf(L1DataFee.MAX_SCALAR))
            .divide(BigInteger.valueOf(1_000_000_000L));
    assertThat(fee.value()).isEqualTo(expected);
  }

  @Test
  void parametersOutOfRangeAreRefused() {
    assertThatThrownBy(() -> L1DataFee.estimatedSizeMillis(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> L1DataFee.of(100, Wei.of(GWEI), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scalar -1");
    assertThatThrownBy(() -> L1DataFee.of(100, Wei.of(GWEI), L1DataFee.MAX_SCALAR + 1))
        .isInstanceOf(IllegalArgumentException.class);
    Wei tooHigh = Wei.of(BigInteger.ONE.shiftLeft(63));
    assertThatThrownBy(() -> L1DataFee.of(100, tooHigh, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9223372036854775808");
  }
}
