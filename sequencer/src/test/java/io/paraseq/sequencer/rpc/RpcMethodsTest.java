package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.sequencer.config.ChainProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcMethodsTest {

  private static final ChainProperties CHAIN = ChainProperties.withId(3195);

  @Test
  void findsMethodsByTheirExactWireName() {
    RpcMethods methods = MethodTables.standard();
    for (RpcMethodName name : RpcMethodName.values()) {
      assertThat(methods.find(name.wireName())).get().extracting(RpcMethod::name).isEqualTo(name);
    }
    assertThat(methods.find("eth_chainid")).isEmpty();
    assertThat(methods.find("")).isEmpty();
  }

  @Test
  void refusesAMissingOrDuplicateMethod() {
    assertThatThrownBy(() -> RpcMethods.of(List.of(new EthChainId(CHAIN))))
        .hasMessageContaining("no method registered for")
        .hasMessageContaining("NET_VERSION");
    assertThatThrownBy(() -> RpcMethods.of(List.of(new Web3Sha3(), new Web3Sha3())))
        .hasMessageContaining("two methods named web3_sha3");
  }

  @Test
  void describesTheClientLikeGeth() {
    assertThat(ClientVersion.of("0.1.0", "Linux", "amd64", 25).text())
        .isEqualTo("Paraseq/v0.1.0/linux-amd64/java25");
    assertThat(ClientVersion.of("0.1.0", "Mac OS X", "aarch64", 21).text())
        .isEqualTo("Paraseq/v0.1.0/darwin-aarch64/java21");
    assertThat(ClientVersion.current().text())
        .matches("Paraseq/v[^/]+/[a-z_0-9]+-[a-z_0-9]+/java" + Runtime.version().feature());
  }

  @Test
  void acceptsOnlyJsonContentTypes() {
    assertThat(JsonRpcController.isJson("application/json")).isTrue();
    assertThat(JsonRpcController.isJson("Application/JSON")).isTrue();
    assertThat(JsonRpcController.isJson("application/json; charset=utf-8")).isTrue();
    assertThat(JsonRpcController.isJson("application/json;charset=UTF-8")).isTrue();
    assertThat(JsonRpcController.isJson(null)).isFalse();
    assertThat(JsonRpcController.isJson("")).isFalse();
    assertThat(JsonRpcController.isJson("text/plain")).isFalse();
    assertThat(JsonRpcController.isJson("application/x-www-form-urlencoded")).isFalse();
    assertThat(JsonRpcController.isJson("application/json; charset=latin1")).isFalse();
    assertThat(JsonRpcController.isJson("application/json; charset=nonsense")).isFalse();
    assertThat(JsonRpcController.isJson("application/")).isFalse();
  }
}
