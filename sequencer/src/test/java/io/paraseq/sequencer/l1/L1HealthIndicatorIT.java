package io.paraseq.sequencer.l1;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.RollupDeployer;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.sequencer.config.L1Properties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The L1 health indicator against a real anvil: each way the L1 can be unusable is reported. */
class L1HealthIndicatorIT {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static String rollup;

  @BeforeAll
  static void deploy() throws Exception {
    rollup =
        RollupDeployer.deploy(
                anvil.web3j(),
                anvil.credentials(0),
                anvil.credentials(0).getAddress(),
                anvil.credentials(0).getAddress(),
                HexFormat.of()
                    .parseHex("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"),
                Duration.ofSeconds(30))
            .rollup();
  }

  @Test
  void upWhenTheChainMatchesAndTheRollupHasCode() {
    Health health = check(anvil.rpcUrl(), AnvilFixture.CHAIN_ID, rollup);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("rollup", rollup);
    assertThat(health.getDetails()).containsKey("blockNumber");
  }

  @Test
  void upWithoutARollupAddressOrChainId() {
    assertThat(check(anvil.rpcUrl(), 0, "").getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void downWhenTheChainIdDiffers() {
    Health health = check(anvil.rpcUrl(), 1, rollup);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString())
        .isEqualTo("L1 chain id is 31337, configured 1");
  }

  @Test
  void downWhenNoContractIsAtTheRollupAddress() {
    String empty = "0x000000000000000000000000000000000000dEaD";
    Health health = check(anvil.rpcUrl(), AnvilFixture.CHAIN_ID, empty);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString())
        .isEqualTo("no contract code at the Rollup address " + empty);
  }

  @Test
  void downWhenTheL1DoesNotAnswer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Health health = check("http://127.0.0.1:" + closedPort, 0, "");
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString()).startsWith("L1 unreachable: ");
  }

  private static Health check(String url, long chainId, String rollupAddress) {
    L1Properties properties =
        new L1Properties(URI.create(url), chainId, rollupAddress, Duration.ofSeconds(2));
    Web3j web3j = Web3j.build(new HttpService(url));
    try {
      return new L1HealthIndicator(web3j, properties).health();
    } finally {
      web3j.shutdown();
    }
  }
}
