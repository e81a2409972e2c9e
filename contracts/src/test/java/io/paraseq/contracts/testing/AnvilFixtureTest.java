package io.paraseq.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

class AnvilFixtureTest {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  @Test
  void answersOnLoopbackWithTheDevChainAndFundedAccounts() throws Exception {
    assertThat(anvil.rpcUrl()).startsWith("http://127.0.0.1:");
    assertThat(anvil.web3j().ethChainId().send().getChainId().longValue())
        .isEqualTo(AnvilFixture.CHAIN_ID);
    assertThat(anvil.accounts()).hasSize(10);
    assertThat(anvil.credentials(0).getAddress())
        .isEqualToIgnoringCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    for (var account : anvil.accounts()) {
      BigInteger balance =
          anvil
              .web3j()
              .ethGetBalance(account.getAddress(), DefaultBlockParameterName.LATEST)
              .send()
              .getBalance();
      assertThat(balance).isPositive();
    }
    assertThat(anvil.logFile()).exists();
  }

  @Test
  void revertRestoresTheSnapshot() throws Exception {
    Web3j web3j = anvil.web3j();
    String recipient = anvil.credentials(9).getAddress();
    BigInteger before = balance(recipient);
    BigInteger blockBefore = web3j.ethBlockNumber().send().getBlockNumber();

    String id = anvil.snapshot();
    new Transfer(web3j, anvil.transactionManager(anvil.credentials(8)))
        .sendFunds(recipient, java.math.BigDecimal.ONE, Convert.Unit.ETHER)
        .send();
    assertThat(balance(recipient)).isEqualTo(before.add(BigInteger.TEN.pow(18)));

    anvil.revert(id);
    assertThat(balance(recipient)).isEqualTo(before);
    assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(blockBefore);
  }

  @Test
  void increaseTimeMovesTheChainClock() throws Exception {
    BigInteger before = latestTimestamp();
    anvil.increaseTime(Duration.ofHours(1));
    assertThat(latestTimestamp()).isGreaterThanOrEqualTo(before.add(BigInteger.valueOf(3600)));
  }

  @Test
  void closeStopsAnvilAsPlainAutoCloseable() throws Exception {
    String url;
    try (AnvilFixture own = AnvilFixture.start()) {
      url = own.rpcUrl();
      assertThat(own.web3j().ethBlockNumber().send().getBlockNumber()).isNotNegative();
    }
    Web3j client = Web3j.build(new HttpService(url));
    try {
      assertThatThrownBy(() -> client.ethBlockNumber().send()).isInstanceOf(IOException.class);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void missingBinaryFailsWithAClearMessage(@TempDir Path dir) {
    String previous = System.getProperty(AnvilBinary.BIN_PROPERTY);
    System.setProperty(AnvilBinary.BIN_PROPERTY, dir.resolve("no-such-anvil").toString());
    try {
      assertThatThrownBy(AnvilFixture::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not an executable file")
          .hasMessageContaining("no-such-anvil");
    } finally {
      if (previous == null) {
        System.clearProperty(AnvilBinary.BIN_PROPERTY);
      } else {
        System.setProperty(AnvilBinary.BIN_PROPERTY, previous);
      }
    }
  }

  @Test
  void deferredFixtureRefusesUseBeforeStart() {
    AnvilFixture notStarted = AnvilFixture.create();
    assertThatThrownBy(notStarted::rpcUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not running");
    notStarted.close();
  }

  private static BigInteger balance(String address) throws IOException {
    return anvil
        .web3j()
        .ethGetBalance(address, DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }

  private static BigInteger latestTimestamp() throws IOException {
    return anvil
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getTimestamp();
  }
}
