package io.paraseq.protocol.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.testing.Json;
import io.paraseq.protocol.testing.TestVectors;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the ethereum/tests RLPTests vectors: one dynamic test per vector.
 *
 * <p>{@code in} is the value (strings, integers, {@code "#…"} big integers, nested lists) and
 * {@code out} its encoding; {@code "INVALID"} vectors must be rejected and {@code "VALID"} ones
 * accepted. Point it at any folder with:
 *
 * <pre>./mvnw -pl protocol test -Dtest=RlpVectorTest -Dparaseq.vectors.dir=/absolute/folder</pre>
 *
 * <p>The folder's {@code RLPTests} subfolder is used when it has one. Finding no vector fails.
 */
class RlpVectorTest {

  private static final String INVALID = "INVALID";
  private static final String VALID = "VALID";

  @TestFactory
  List<DynamicTest> rlpTests() {
    Path folder = TestVectors.suite("RLPTests");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : TestVectors.jsonFiles(folder)) {
      String prefix = folder.relativize(file).toString();
      for (Map.Entry<String, Json> vector :
          TestVectors.read(file).asObject().members().entrySet()) {
        Json.Obj body = vector.getValue().asObject();
        Json in = body.require("in");
        Bytes out = parseOut(body.require("out").asString());
        tests.add(DynamicTest.dynamicTest(prefix + " " + vector.getKey(), () -> check(in, out)));
      }
    }
    assertThat(tests).as("RLP vectors found under %s", folder).isNotEmpty();
    return tests;
  }

  private static void check(Json in, Bytes out) {
    if (in instanceof Json.Str(String text) && text.equals(INVALID)) {
      assertThatThrownBy(() -> Rlp.decode(out)).isInstanceOf(RlpException.class);
    } else if (in instanceof Json.Str(String text) && text.equals(VALID)) {
      assertThat(Rlp.encode(Rlp.decode(out))).isEqualTo(out);
    } else {
      RlpItem expected = toItem(in);
      assertThat(Rlp.encode(expected)).isEqualTo(out);
      assertThat(Rlp.decode(out)).isEqualTo(expected);
    }
  }

  /** The vectors write {@code out} with or without {@code 0x} and in either case. */
  private static Bytes parseOut(String hex) {
    return Bytes.fromHex(hex.startsWith("0x") ? hex : "0x" + hex);
  }

  private static RlpItem toItem(Json in) {
    return switch (in) {
      case Json.Str(String text) when text.startsWith("#") ->
          RlpString.ofInteger(new BigInteger(text.substring(1)));
      case Json.Str(String text) -> RlpString.of(Bytes.of(text.getBytes(StandardCharsets.UTF_8)));
      case Json.Num number -> RlpString.ofInteger(number.bigInteger());
      case Json.Arr(List<Json> elements) ->
          new RlpList(elements.stream().map(RlpVectorTest::toItem).toList());
      default -> throw new IllegalArgumentException("unsupported RLP vector input " + in);
    };
  }
}
