package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountProof;
import io.paraseq.protocol.state.StorageProof;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.ingress.Web3jTransactions;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;

/**
 * The state methods with block production disabled: the producer thread still owns the world state
 * and serves proofs; a pooled transaction shows in the pending nonce but not in the state, since no
 * block ever includes it; at genesis {@code safe} and {@code finalized} name the head.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StateWithoutProductionIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  private static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.producer.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired ChainHead head;

  @Test
  void pendingNoncesComeFromThePoolAndProofsFromTheIdleProducerThread() throws Exception {
    Credentials sender = DevAccounts.credentials(0);
    String address = sender.getAddress();
    Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    try (RpcClient rpc = new RpcClient(port)) {
      for (int nonce = 0; nonce < 2; nonce++) {
        assertThat(
                Web3jTransactions.send(web3j, Web3jTransactions.transfer(sender, nonce)).hasError())
            .isFalse();
      }
      assertThat(nonce(web3j, address, DefaultBlockParameterName.LATEST)).isZero();
      assertThat(nonce(web3j, address, DefaultBlockParameterName.PENDING)).isEqualTo(2);
      assertThat(
              nonce(
                  web3j,
                  DevAccounts.credentials(1).getAddress(),
                  DefaultBlockParameterName.PENDING))
          .isZero();
      assertThat(web3j.ethGetBalance(address, DefaultBlockParameterName.SAFE).send().getBalance())
          .isEqualTo(DEV_BALANCE);

      JsonNode proof =
          rpc.result("eth_getProof", "[\"" + address + "\", [\"0x1\"], \"finalized\"]");
      assertThat(head.current().number()).isZero();
      assertThat(proofOf(proof).verify(head.current().stateRoot())).isTrue();
      assertThat(proofOf(proof).account()).isEqualTo(Account.of(0, Wei.of(DEV_BALANCE)));
    } finally {
      web3j.shutdown();
    }
  }

  private static long nonce(Web3j web3j, String address, DefaultBlockParameterName block)
      throws Exception {
    return web3j
        .ethGetTransactionCount(address, block)
        .send()
        .getTransactionCount()
        .longValueExact();
  }

  /** The answer read back into the protocol's type, whose {@code verify} checks every proof. */
  private static AccountProof proofOf(JsonNode json) {
    List<StorageProof> slots =
        json.path("storageProof")
            .valueStream()
            .map(
                slot ->
                    new StorageProof(
                        Hash.of(
                            Word.of(new BigInteger(slot.path("key").asString().substring(2), 16))
                                .bytes()),
                        Word.of(new BigInteger(slot.path("value").asString().substring(2), 16)),
                        nodes(slot.path("proof"))))
            .toList();
    return new AccountProof(
        Address.fromHex(json.path("address").asString()),
        nodes(json.path("accountProof")),
        Wei.of(new BigInteger(json.path("balance").asString().substring(2), 16)),
        Long.parseUnsignedLong(json.path("nonce").asString().substring(2), 16),
        Hash.fromHex(json.path("codeHash").asString()),
        Hash.fromHex(json.path("storageHash").asString()),
        slots);
  }

  private static List<Bytes> nodes(JsonNode hexes) {
    return hexes.valueStream().map(node -> Bytes.fromHex(node.asString())).toList();
  }
}
