package io.paraseq.batcher.l1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendRejectionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nonce too low | NONCE_TOO_LOW",
        "nonce too low: next nonce 7, tx nonce 5 | NONCE_TOO_LOW",
        "already known | ALREADY_KNOWN",
        "transaction already imported | ALREADY_KNOWN",
        "replacement transaction underpriced | REPLACEMENT_UNDERPRICED",
        "Tx: insufficient gas price to replace existing transaction | REPLACEMENT_UNDERPRICED",
        "transaction underpriced | FEE_TOO_LOW",
        "max fee per gas less than block base fee | FEE_TOO_LOW",
        "insufficient funds for gas * price + value | OTHER",
        "'' | OTHER"
      })
  void classifiesTheTextsOfGethRethAndAnvil(String message, SendRejection expected) {
    assertThat(SendRejection.classify(message)).isEqualTo(expected);
  }
}
