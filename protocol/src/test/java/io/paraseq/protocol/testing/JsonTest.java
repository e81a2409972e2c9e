package io.paraseq.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void parsesEveryKindOfValue() {
    Json json =
        Json.parse(
            """
            {"a": [1, -2.5e3, 123456789012345678901234567890], "b": "x\\"\\u00e9\\n\\ud83d\\ude00",
             "c": true, "d": false, "e": null, "f": {}}
            """);
    Json.Obj obj = json.asObject();
    assertThat(obj.members().keySet()).containsExactly("a", "b", "c", "d", "e", "f");
    List<Json> a = obj.require("a").asArray().elements();
    assertThat(((Json.Num) a.get(0)).bigInteger()).isEqualTo(BigInteger.ONE);
    assertThat(((Json.Num) a.get(1)).text()).isEqualTo("-2.5e3");
    assertThat(((Json.Num) a.get(2)).bigInteger())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(obj.require("b").asString()).isEqualTo("x\"é\n\uD83D\uDE00");
    assertThat(obj.require("c")).isEqualTo(new Json.Bool(true));
    assertThat(obj.require("e")).isEqualTo(new Json.Null());
    assertThat(obj.get("missing")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        "-",
        "[1 2]",
        "{\"a\" 1}",
        "\"\\x\"",
        "\"a",
        "tru",
        "[] []",
        "{\"a\":1,\"a\":2}",
        "\"\t\"",
        "// c\n1",
        "'a'",
        "\"\\u12g4\""
      })
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
  }
}
