package io.paraseq.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

class RollupDeployerTest {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final String ROOT =
      "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
  private static final String KEY =
      anvil.accounts().get(0).getEcKeyPair().getPrivateKey().toString(16);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void deploysAndWritesTheDeploymentFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("devnet/deployment.json");
    String owner = anvil.credentials(5).getAddress();
    String sequencer = anvil.credentials(6).getAddress();
    int status =
        run(
            new String[] {
              "--rpc-url",
              anvil.rpcUrl(),
              "--owner",
              owner,
              "--sequencer",
              sequencer,
              "--genesis-state-root",
              ROOT,
              "--challenge-period-seconds",
              "45",
              "--out",
              file.toString()
            },
            Map.of("PARASEQ_DEPLOYER_KEY", KEY));

    assertThat(status).as(stderr()).isZero();
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.size()).isEqualTo(3);
    assertThat(json.get("l1ChainId").asLong()).isEqualTo(31337);
    String address = json.get("rollup").asText();
    assertThat(address).matches("0x[0-9a-f]{40}");
    assertThat(json.get("deployBlock").asLong()).isPositive();
    assertThat(stdout().trim()).isEqualTo(Files.readString(file).trim());
    assertThat(stderr()).doesNotContain(KEY);

    String code =
        anvil.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
    assertThat(code).isNotEqualTo("0x");
    Rollup rollup =
        Rollup.load(
            address,
            anvil.web3j(),
            anvil.transactionManager(anvil.credentials(0)),
            anvil.gasProvider());
    assertThat(rollup.owner().send()).isEqualToIgnoringCase(owner);
    assertThat(rollup.isSequencer(sequencer).send()).isTrue();
    assertThat(Numeric.toHexString(rollup.lastStateRoot().send())).isEqualTo(ROOT);
    assertThat(rollup.challengePeriod().send()).isEqualTo(BigInteger.valueOf(45));
  }

  @Test
  void readsEverythingFromTheEnvironmentAndDefaultsOwnerToDeployer() throws Exception {
    int status =
        run(
            new String[0],
            Map.of(
                "PARASEQ_L1_RPC_URL",
                anvil.rpcUrl(),
                "PARASEQ_DEPLOYER_KEY",
                "0x" + KEY,
                "PARASEQ_SEQUENCER_ADDRESS",
                anvil.credentials(1).getAddress(),
                "PARASEQ_GENESIS_STATE_ROOT",
                ROOT));
    assertThat(status).as(stderr()).isZero();
    String address = new ObjectMapper().readTree(stdout()).get("rollup").asText();
    Rollup rollup =
        Rollup.load(
            address,
            anvil.web3j(),
            anvil.transactionManager(anvil.credentials(0)),
            anvil.gasProvider());
    assertThat(rollup.owner().send()).isEqualToIgnoringCase(anvil.credentials(0).getAddress());
  }

  @Test
  void malformedKeyFailsWithoutPrintingIt() {
    String badKey = "0x" + KEY.substring(0, 60) + "zz11";
    int status = run(validArgs(anvil.rpcUrl()), Map.of("PARASEQ_DEPLOYER_KEY", badKey));
    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("malformed deployer private key");
    assertThat(stderr() + stdout()).doesNotContain(badKey).doesNotContain(KEY.substring(0, 60));
  }

  @Test
  void unreachableRpcFailsClearly() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    int status = run(validArgs(url), Map.of("PARASEQ_DEPLOYER_KEY", KEY));
    assertThat(status).isEqualTo(1);
    assertThat(stderr()).contains("cannot reach the L1 RPC").contains(url).doesNotContain(KEY);
  }

  @Test
  void missingOrInvalidOptionsFail() {
    assertThat(run(new String[] {"--rpc-url", anvil.rpcUrl()}, Map.of("PARASEQ_DEPLOYER_KEY", KEY)))
        .isEqualTo(1);
    assertThat(stderr()).contains("missing --sequencer");

    err.reset();
    String[] badRoot = validArgs(anvil.rpcUrl());
    badRoot[5] = "0x1234";
    assertThat(run(badRoot, Map.of("PARASEQ_DEPLOYER_KEY", KEY))).isEqualTo(1);
    assertThat(stderr()).contains("--genesis-state-root");

    err.reset();
    String[] negativePeriod = java.util.Arrays.copyOf(validArgs(anvil.rpcUrl()), 8);
    negativePeriod[6] = "--challenge-period-seconds";
    negativePeriod[7] = "-1";
    assertThat(run(negativePeriod, Map.of("PARASEQ_DEPLOYER_KEY", KEY))).isEqualTo(1);
    assertThat(stderr()).contains("--challenge-period-seconds must not be negative");

    err.reset();
    assertThat(run(new String[] {"--bogus", "1"}, Map.of())).isEqualTo(1);
    assertThat(stderr()).contains("unknown option: --bogus");
  }

  @Test
  void helpListsOptionsAndEnvironment() {
    assertThat(run(new String[] {"--help"}, Map.of())).isZero();
    assertThat(stdout()).contains("--rpc-url").contains("PARASEQ_DEPLOYER_KEY");
  }

  @Test
  void deploymentJsonFormat() {
    Deployment deployment = new Deployment(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3", 1);
    assertThat(deployment.toJson())
        .isEqualTo(
            "{\"l1ChainId\":31337,\"rollup\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\","
                + "\"deployBlock\":1}");
    assertThatThrownBy(() -> new Deployment(31337, "0x1234", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String[] validArgs(String url) {
    return new String[] {
      "--rpc-url", url,
      "--sequencer", anvil.credentials(1).getAddress(),
      "--genesis-state-root", ROOT
    };
  }

  private int run(String[] args, Map<String, String> env) {
    return RollupDeployer.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
