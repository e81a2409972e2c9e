package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void poolLimitsAndBusyIngressAreBackPressure() {
    assertThat(Refusal.of(-32000, "txpool is full")).isEqualTo(new Refusal("txpool is full", true));
    assertThat(Refusal.of(-32000, "account limit exceeded"))
        .isEqualTo(new Refusal("account limit exceeded", true));
    assertThat(Refusal.of(-32005, "transaction ingress is busy, try again later"))
        .isEqualTo(new Refusal("transaction ingress is busy, try again later", true));
  }

  @Test
  void otherRefusalsAreFinalAndLoseTheirDetail() {
    assertThat(Refusal.of(-32000, "nonce too low: next nonce 5, tx nonce 3"))
        .isEqualTo(new Refusal("nonce too low", false));
    assertThat(
            Refusal.of(-32000, "insufficient funds for gas * price + value: balance 1, tx cost 2"))
        .isEqualTo(new Refusal("insufficient funds for gas * price + value", false));
    assertThat(Refusal.of(-32000, "already known")).isEqualTo(new Refusal("already known", false));
    assertThat(Refusal.of(-32603, "internal error"))
        .isEqualTo(new Refusal("internal error", false));
  }

  @Test
  void anEmptyMessageIsNamedByItsCode() {
    assertThat(Refusal.of(-32000, "")).isEqualTo(new Refusal("error -32000", false));
    assertThat(Refusal.of(-32000, ": detail")).isEqualTo(new Refusal("error -32000", false));
  }
}
