package io.paraseq.sequencer.ingress;

import static io.paraseq.sequencer.ingress.Web3jTransactions.hashOf;
import static io.paraseq.sequencer.ingress.Web3jTransactions.send;
import static io.paraseq.sequencer.ingress.Web3jTransactions.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.ParaseqApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;

/**
 * The pool survives a restart: the real application is stopped and a new one started on the same
 * schema; it restores the acknowledged transactions and continues the sender's nonces.
 */
class IngressRestartIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();

  @Test
  void aNewNodeOnTheSameSchemaHasTheSamePool() throws Exception {
    Credentials dev2 = DevAccounts.credentials(2);
    Address sender = Address.fromHex(dev2.getAddress());
    List<String> sent = new ArrayList<>();
    try (ConfigurableApplicationContext first = start()) {
      Web3j web3j = client(first);
      for (int nonce = 0; nonce < 5; nonce++) {
        String raw = transfer(dev2, nonce);
        assertThat(send(web3j, raw).getTransactionHash()).isEqualTo(hashOf(raw));
        sent.add(raw);
      }
      web3j.shutdown();
    }
    try (ConfigurableApplicationContext second = start()) {
      IngressService ingress = second.getBean(IngressService.class);
      assertThat(ingress.readPool(p -> p.pendingNonce(sender, 0)).get(10, TimeUnit.SECONDS))
          .isEqualTo(5);
      for (String raw : sent) {
        Hash hash = Hash.fromHex(hashOf(raw));
        assertThat(ingress.readPool(p -> p.get(hash).isPresent()).get()).isTrue();
      }
      Web3j web3j = client(second);
      EthSendTransaction again = send(web3j, sent.get(4));
      assertThat(again.getError().getMessage()).isEqualTo("already known");
      String next = transfer(dev2, 5);
      assertThat(send(web3j, next).getTransactionHash()).isEqualTo(hashOf(next));
      web3j.shutdown();
    }
  }

  private static ConfigurableApplicationContext start() {
    // Command-line arguments: they take precedence over application.yml (builder "properties"
    // are defaults, which the yml's own defaults would override).
    return new SpringApplicationBuilder(ParaseqApplication.class)
        .run(
            "--spring.datasource.url=" + db.jdbcUrl(),
            "--paraseq.db.schema=" + db.schema(),
            "--server.port=0",
            "--server.address=127.0.0.1",
            // The pool's restart is under test: transactions must stay in it, not go into blocks.
            "--paraseq.producer.enabled=false");
  }

  private static Web3j client(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
  }
}
